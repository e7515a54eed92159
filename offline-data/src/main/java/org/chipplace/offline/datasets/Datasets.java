package org.chipplace.offline.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.chipplace.netlist.Netlist;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.offline.env.Trajectory;
import org.chipplace.offline.experts.AnalyticPlacer;
import org.chipplace.offline.experts.EaOptions;
import org.chipplace.offline.experts.EaPlacer;
import org.chipplace.offline.experts.Expert;
import org.chipplace.offline.experts.GreedyPlacer;
import org.chipplace.offline.experts.RandomPlacer;
import org.chipplace.offline.experts.StochasticGreedyOptions;
import org.chipplace.offline.experts.StochasticGreedyPlacer;
import org.chipplace.offline.experts.TieBreak;
import org.chipplace.placer.ProgressListener;

/**
 * Facade of the offline-data module: generates trajectory datasets with the expert placers and
 * summarises them. Fixed nodes are taken at their {@link Netlist#initialPlacement()} positions.
 *
 * <p>Experts per trajectory index {@code i} of a design:
 * <ul>
 *   <li>{@code greedy}: i = 0 the deterministic {@link GreedyPlacer}; i &gt; 0
 *       {@link StochasticGreedyPlacer} with temperature 0.01 (near-greedy, distinct).</li>
 *   <li>{@code ea}: {@link EaPlacer}, each with its own seed and budget.</li>
 *   <li>{@code mixed} (graded quality for return conditioning): by {@code i mod 5}: EA, greedy
 *       (temperature 0.01 after the first), softmax temperature 0.05, softmax 0.3, random.</li>
 *   <li>{@code analytic}: {@link AnalyticPlacer}, the flow's mixed-size global placement with the
 *       trajectory's own seed, its macros snapped to the grid.</li>
 *   <li>{@code real} (the strongest experts on real designs): by {@code i mod 4}: analytic, greedy
 *       (temperature 0.01 after the first), analytic, EA.</li>
 * </ul>
 * With {@link DatasetOptions#flowLabels()} every trajectory also gets its final flow HPWL
 * ({@link FlowLabeller}).
 */
public final class Datasets {
    /** Expert names accepted by {@link #generate}. */
    public static final List<String> EXPERTS = List.of("greedy", "ea", "mixed", "analytic", "real");

    private Datasets() {
    }

    /** {@link #generate(List, int, String, long, Path, ProgressListener, DatasetOptions)} with defaults. */
    public static DatasetInfo generate(List<Netlist> designs, int trajectoriesPerDesign, String expert, long seed,
                                       Path out, ProgressListener progress) throws IOException {
        return generate(designs, trajectoriesPerDesign, expert, seed, out, progress, DatasetOptions.defaults());
    }

    /**
     * Generates {@code trajectoriesPerDesign} trajectories per design, writes them to {@code out}
     * and returns its summary. Progress: stage {@code dataset}, iteration = trajectories done,
     * hpwl = final macro HPWL of the last trajectory.
     */
    public static DatasetInfo generate(List<Netlist> designs, int trajectoriesPerDesign, String expert, long seed,
                                       Path out, ProgressListener progress, DatasetOptions options)
            throws IOException {
        if (!EXPERTS.contains(expert)) {
            throw new IllegalArgumentException("unknown expert " + expert + "; expected one of " + EXPERTS);
        }
        if (trajectoriesPerDesign < 1) {
            throw new IllegalArgumentException("trajectoriesPerDesign must be >= 1");
        }
        SplittableRandom root = new SplittableRandom(seed);
        List<Trajectory> all = new ArrayList<>();
        int total = designs.size() * trajectoriesPerDesign;
        for (Netlist nl : designs) {
            SplittableRandom rnd = root.split();
            MacroEnv env = new MacroEnv(nl, nl.initialPlacement(), options.env());
            FlowLabeller labeller = options.flowLabels() && env.numSteps() > 0
                    ? new FlowLabeller(nl, options.flow(), ProgressListener.NONE) : null;
            for (int i = 0; i < trajectoriesPerDesign; i++) {
                long s = rnd.nextLong();
                Expert e = expertFor(expert, i, options);
                Trajectory t = e.rollout(env, s, ProgressListener.NONE);
                if (labeller != null) {
                    t = labeller.labelled(t);
                }
                all.add(t);
                progress.report("dataset", all.size(), all.size() / (double) total, t.finalHpwl(), Double.NaN);
            }
        }
        TrajectoryFile.write(out, all);
        return summarize(TrajectoryFile.VERSION, all);
    }

    static Expert expertFor(String expert, int i, DatasetOptions o) {
        EnvOptions env = o.env();
        Expert nearGreedy = i == 0 ? new GreedyPlacer(env)
                : new StochasticGreedyPlacer(env, new StochasticGreedyOptions(0.01, 0));
        return switch (expert) {
            case "greedy" -> nearGreedy;
            case "ea" -> new EaPlacer(env, o.ea());
            case "analytic" -> new AnalyticPlacer(env, o.flow());
            case "real" -> switch (i % 4) {
                case 0, 2 -> new AnalyticPlacer(env, o.flow());
                case 1 -> i == 1 ? new GreedyPlacer(env)
                        : new StochasticGreedyPlacer(env, new StochasticGreedyOptions(0.01, 0));
                default -> new EaPlacer(env, o.ea());
            };
            default -> switch (i % 5) {
                case 0 -> new EaPlacer(env, o.ea());
                case 1 -> i == 1 ? new GreedyPlacer(env)
                        : new StochasticGreedyPlacer(env, new StochasticGreedyOptions(0.01, 0));
                case 2 -> new StochasticGreedyPlacer(env, new StochasticGreedyOptions(0.05, 0));
                case 3 -> new StochasticGreedyPlacer(env, new StochasticGreedyOptions(0.3, 0));
                default -> new RandomPlacer(env);
            };
        };
    }

    /** Writes trajectories in the dataset format (atomically, via a temporary file beside it). */
    public static void write(Path file, List<Trajectory> trajectories) throws IOException {
        TrajectoryFile.write(file, trajectories);
    }

    /**
     * A macro placer by name: {@code greedy} (ties {@link TieBreak#LOWER_LEFT}), {@code ea}
     * ({@link EaOptions#defaults()} with {@code eaSeconds} and {@code threads}),
     * {@code stochastic-greedy} ({@link StochasticGreedyOptions#defaults()}) or {@code random}.
     *
     * @throws IllegalArgumentException for another name
     */
    public static Expert placer(String name, EnvOptions env, double eaSeconds, int threads) {
        return switch (name) {
            case "greedy" -> new GreedyPlacer(env);
            case "ea" -> new EaPlacer(env, EaOptions.defaults().withTimeLimit(eaSeconds).withThreads(threads));
            case "stochastic-greedy" -> new StochasticGreedyPlacer(env, StochasticGreedyOptions.defaults());
            case "random" -> new RandomPlacer(env);
            default -> throw new IllegalArgumentException("unknown macro placer " + name
                    + "; expected greedy, ea, stochastic-greedy or random");
        };
    }

    /** Reads a dataset file ({@link DatasetFormatException} when invalid). */
    public static List<Trajectory> read(Path file) throws IOException {
        return TrajectoryFile.read(file);
    }

    /** Summary of a dataset file ({@link DatasetFormatException} when invalid). */
    public static DatasetInfo info(Path file) throws IOException {
        TrajectoryFile.Contents c = TrajectoryFile.readContents(file);
        return summarize(c.version(), c.trajectories());
    }

    /**
     * Writes the trajectories of {@code inputs}, in order, into one dataset {@code out} (the current
     * format version; version-1 inputs come without flow labels).
     */
    public static DatasetInfo merge(List<Path> inputs, Path out) throws IOException {
        List<Trajectory> all = new ArrayList<>();
        for (Path in : inputs) {
            all.addAll(TrajectoryFile.read(in));
        }
        TrajectoryFile.write(out, all);
        return summarize(TrajectoryFile.VERSION, all);
    }

    /** A loader of training windows over {@code file}'s trajectories replayed on {@code designs}. */
    public static DatasetLoader loader(Path file, List<Netlist> designs) throws IOException {
        return new DatasetLoader(TrajectoryFile.read(file), designs);
    }

    static DatasetInfo summarize(int version, List<Trajectory> all) {
        Map<String, List<Trajectory>> byHash = new LinkedHashMap<>();
        for (Trajectory t : all) {
            byHash.computeIfAbsent(t.designHash(), h -> new ArrayList<>()).add(t);
        }
        List<DatasetInfo.DesignStats> stats = new ArrayList<>();
        for (List<Trajectory> ts : byHash.values()) {
            double best = Double.NEGATIVE_INFINITY, worst = Double.POSITIVE_INFINITY, sum = 0, sq = 0;
            Map<String, Integer> experts = new TreeMap<>();
            int labelled = 0;
            double flowSum = 0;
            Trajectory bestFlow = null;
            for (Trajectory t : ts) {
                best = Math.max(best, t.ret());
                worst = Math.min(worst, t.ret());
                sum += t.ret();
                experts.merge(t.expert(), 1, Integer::sum);
                if (t.labelled()) {
                    labelled++;
                    flowSum += t.flowHpwl();
                    if (bestFlow == null || t.flowHpwl() < bestFlow.flowHpwl()) {
                        bestFlow = t;
                    }
                }
            }
            double mean = sum / ts.size();
            for (Trajectory t : ts) {
                sq += (t.ret() - mean) * (t.ret() - mean);
            }
            Trajectory f = ts.get(0);
            stats.add(new DatasetInfo.DesignStats(f.designName(), f.designHash(), f.grid(), f.actions().length,
                    ts.size(), best, mean, worst, Math.sqrt(sq / ts.size()), experts, labelled,
                    bestFlow == null ? null : bestFlow.flowHpwl(), labelled == 0 ? null : flowSum / labelled,
                    bestFlow == null ? null : bestFlow.expert()));
        }
        return new DatasetInfo(version, all.size(), stats);
    }
}
