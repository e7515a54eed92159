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
 * </ul>
 */
public final class Datasets {
    /** Expert names accepted by {@link #generate}. */
    public static final List<String> EXPERTS = List.of("greedy", "ea", "mixed");

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
            for (int i = 0; i < trajectoriesPerDesign; i++) {
                long s = rnd.nextLong();
                Expert e = expertFor(expert, i, options);
                Trajectory t = e.rollout(env, s, ProgressListener.NONE);
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
        return summarize(TrajectoryFile.VERSION, TrajectoryFile.read(file));
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
            for (Trajectory t : ts) {
                best = Math.max(best, t.ret());
                worst = Math.min(worst, t.ret());
                sum += t.ret();
                experts.merge(t.expert(), 1, Integer::sum);
            }
            double mean = sum / ts.size();
            for (Trajectory t : ts) {
                sq += (t.ret() - mean) * (t.ret() - mean);
            }
            Trajectory f = ts.get(0);
            stats.add(new DatasetInfo.DesignStats(f.designName(), f.designHash(), f.grid(), f.actions().length,
                    ts.size(), best, mean, worst, Math.sqrt(sq / ts.size()), experts));
        }
        return new DatasetInfo(version, all.size(), stats);
    }
}
