package org.chipplace.api.service.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Model cards of the shipped checkpoints: {@code docs/models/*.md}, copied by the build to the
 * class path folder {@code models/}, each with its training log (header line, then numeric rows) when
 * one is shipped: the first of {@link #LOG_SUFFIXES} after the model's name, e.g.
 * {@code models/decision-transformer-train-log.csv}. An empty list when there are none.
 */
@Service
public class ModelCatalog {
    /** File names of a model's training log, tried in this order after its name. */
    static final List<String> LOG_SUFFIXES = List.of(".csv", "-train-log.csv", "-training-log.csv");

    private final String location;

    /** The catalogue of the class path folder {@code models/}. */
    @Autowired
    public ModelCatalog() {
        this("classpath*:models/");
    }

    /** The catalogue of another location (a Spring resource pattern prefix ending in {@code /}). */
    public ModelCatalog(String location) {
        this.location = location;
    }

    /** A training log: column names and rows (non-numeric cells are NaN, sent as null). */
    public record TrainingLog(List<String> columns, List<Double[]> rows) {
    }

    /** One model: its name (file name without .md), its card (Markdown) and its training log or null. */
    public record ModelCard(String name, String card, TrainingLog trainingLog) {
    }

    /** Every model, by name. */
    public List<ModelCard> models() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        Resource[] cards = resolver.getResources(location + "*.md");
        Arrays.sort(cards, Comparator.comparing(Resource::getFilename));
        List<ModelCard> out = new ArrayList<>();
        for (Resource r : cards) {
            String name = r.getFilename().substring(0, r.getFilename().length() - 3);
            Resource csv = trainingLog(r, name);
            out.add(new ModelCard(name, read(r), csv != null ? parse(read(csv)) : null));
        }
        return out;
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
