package org.chipplace.api.service.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.chipplace.api.flow.MacroPlacers;
import org.chipplace.api.service.ChipplaceProperties;
import org.chipplace.policy.DecisionTransformer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The models the service knows. Model cards of the shipped checkpoints: {@code docs/models/*.md},
 * copied by the build to the class path folder {@code models/}, each with its training log (header
 * line, then numeric rows) when one is shipped: the first of {@link #LOG_SUFFIXES} after the model's
 * name, e.g. {@code models/decision-transformer-train-log.csv}. Then the decision-transformer
 * checkpoints of {@code chipplace.models-dir} ({@link ChipplaceProperties#getModelsDir()}): every
 * sub-folder that {@code train --out} wrote, named after the folder (letters, digits and {@code ._-}),
 * with its {@code README.md} as card (a generated one otherwise) and its {@code training.csv} as log.
 * The decision-transformer models ({@link #dtCheckpoints()}: the shipped
 * {@value MacroPlacers#SHIPPED_DT} and those folders) are what a {@code dt} job names as
 * {@code checkpoint}; their cards say so ({@link ModelCard#macroPlacer()}).
 */
@Service
public class ModelCatalog {
    /** File names of a model's training log, tried in this order after its name. */
    static final List<String> LOG_SUFFIXES = List.of(".csv", "-train-log.csv", "-training-log.csv");

    /** Names a checkpoint folder may have (its name is the model's). */
    private static final Pattern FOLDER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final String location;
    private final Path modelsDir;

    /** The shipped cards (class path folder {@code models/}) and the checkpoints of {@code chipplace.models-dir}. */
    @Autowired
    public ModelCatalog(ChipplaceProperties props) {
        this("classpath*:models/", props.getModelsDir() == null || props.getModelsDir().isBlank() ? null
                : Path.of(props.getModelsDir()));
    }

    /** The shipped cards only. */
    public ModelCatalog() {
        this("classpath*:models/");
    }

    /** The cards of another location (a Spring resource pattern prefix ending in {@code /}). */
    public ModelCatalog(String location) {
        this(location, null);
    }

    /** The cards of {@code location} and the checkpoint folders in {@code modelsDir} (null: none). */
    public ModelCatalog(String location, Path modelsDir) {
        this.location = location;
        this.modelsDir = modelsDir;
    }

    /** A training log: column names and rows (non-numeric cells are NaN, sent as null). */
    public record TrainingLog(List<String> columns, List<Double[]> rows) {
    }

    /**
     * One model: its name (file or folder name), its card (Markdown), its training log or null, and
     * the macro placer that takes it as {@code checkpoint} ({@code dt}), null for other models (the
     * circuit encoder).
     */
    public record ModelCard(String name, String card, TrainingLog trainingLog, String macroPlacer) {
    }

    /** Every model: the shipped cards by name, then the checkpoint folders by name. */
    public List<ModelCard> models() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        Resource[] cards = resolver.getResources(location + "*.md");
        Arrays.sort(cards, Comparator.comparing(Resource::getFilename));
        List<ModelCard> out = new ArrayList<>();
        for (Resource r : cards) {
            String name = r.getFilename().substring(0, r.getFilename().length() - 3);
            Resource csv = trainingLog(r, name);
            out.add(new ModelCard(name, read(r), csv != null ? parse(read(csv)) : null,
                    MacroPlacers.SHIPPED_DT.equals(name) ? "dt" : null));
        }
        for (Map.Entry<String, Path> f : checkpointFolders().entrySet()) {
            Path readme = f.getValue().resolve("README.md");
            Path log = f.getValue().resolve("training.csv");
            String card = Files.isRegularFile(readme) ? Files.readString(readme)
                    : "# " + f.getKey() + "\n\nA decision-transformer checkpoint of this service's models folder, "
                            + "written by `train --out`. Give `\"checkpoint\": \"" + f.getKey()
                            + "\"` in the options of a `dt` job to place with it.\n";
            out.add(new ModelCard(f.getKey(), card, Files.isRegularFile(log) ? parse(Files.readString(log)) : null,
                    "dt"));
        }
        return out;
    }

    /** Names a {@code dt} job may give as {@code checkpoint}: the shipped model first, then the folders by name. */
    public List<String> dtCheckpoints() {
        List<String> names = new ArrayList<>();
        names.add(MacroPlacers.SHIPPED_DT);
        names.addAll(checkpointFolders().keySet());
        return names;
    }

    /**
     * The folder of checkpoint {@code name}, or null for the shipped model.
     *
     * @throws IllegalArgumentException when no checkpoint has that name, naming the known ones
     */
    public Path dtCheckpointFolder(String name) {
        if (MacroPlacers.SHIPPED_DT.equals(name)) {
            return null;
        }
        Path folder = checkpointFolders().get(name);
        if (folder == null) {
            throw new IllegalArgumentException("unknown checkpoint '" + name + "'; known decision-transformer "
                    + "checkpoints: " + dtCheckpoints());
        }
        return folder;
    }

    /** The checkpoint folders of the models folder by name (not the shipped model's name), sorted. */
    private Map<String, Path> checkpointFolders() {
        Map<String, Path> out = new LinkedHashMap<>();
        if (modelsDir == null || !Files.isDirectory(modelsDir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(modelsDir)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (FOLDER_NAME.matcher(name).matches() && !name.equals(MacroPlacers.SHIPPED_DT) && isCheckpoint(p)) {
                    out.put(name, p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the models folder " + modelsDir, e);
        }
        return out;
    }

    private static boolean isCheckpoint(Path folder) {
        try {
            DecisionTransformer.checkCheckpoint(folder);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The training log next to the card {@code card} of model {@code name}, or null when none is shipped. */
    private static Resource trainingLog(Resource card, String name) throws IOException {
        for (String suffix : LOG_SUFFIXES) {
            Resource csv = card.createRelative(name + suffix);
            if (csv.exists()) {
                return csv;
            }
        }
        return null;
    }

    private static String read(Resource r) throws IOException {
        try (InputStream in = r.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Parses a CSV training log (comma separated, first line the header). */
    static TrainingLog parse(String csv) {
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return new TrainingLog(List.of(), List.of());
        }
        List<String> columns = Arrays.stream(lines.get(0).split(",")).map(String::trim).toList();
        List<Double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            Double[] row = new Double[columns.size()];
            for (int i = 0; i < row.length && i < f.length; i++) {
                try {
                    double v = Double.parseDouble(f[i].trim());
                    row[i] = Double.isFinite(v) ? v : null;
                } catch (NumberFormatException e) {
                    row[i] = null;
                }
            }
            rows.add(row);
        }
        return new TrainingLog(columns, rows);
    }
}
