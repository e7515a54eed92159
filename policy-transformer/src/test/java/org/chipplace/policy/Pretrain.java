package org.chipplace.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.synthetic.SyntheticCircuits;
import org.chipplace.netlist.synthetic.SyntheticOptions;
import org.chipplace.offline.datasets.DatasetOptions;
import org.chipplace.offline.datasets.Datasets;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.offline.env.Trajectory;
import org.chipplace.offline.experts.GreedyPlacer;
import org.chipplace.offline.experts.TieBreak;
import org.chipplace.placer.ProgressListener;

/**
 * Pretraining driver of the bundled model (not a test): synthetic training circuits, an expert
 * trajectory dataset, then {@link PolicyTrainer#train} with synthetic validation circuits held out
 * for model selection. Indices 30..39 of {@link #synthetic} are reserved for held-out circuits:
 * {@code --designs N} trains on the first N indices outside that block; {@code --validation}
 * (default 30,31,34,35) are evaluated during training; the test circuits of {@link DtBenchmark}
 * (syn32, syn33, ibm01) are never seen here. See docs/models/decision-transformer.md.
 *
 * <p>Usage: {@code Pretrain --out DIR [--grid 48] [--designs 40] [--validation 30,31,34,35]
 * [--expert ea] [--per-design 2] [--ea-evals 1000] [--ea-seconds 8] [--dataset FILE]
 * [--steps 1500] [--time-limit 1200] [--eval-every 20] [--seed 1] [--width 128] [--layers 4]
 * [--context 16] [--batch 16] [--keep-within 0.1] [--lr 1e-4] [--free-prior]}.
 * {@code --expert} is an expert of {@link Datasets#generate} ({@code ea}: every trajectory an EA
 * run, which decodes with the wire mask and so never ends worse than greedy; {@code mixed}: EA,
 * greedy, softmax 0.05 and 0.3, random; {@code greedy-ties}: the greedy placer with each of its
 * tie-breaks, {@link #tieBreakDataset}). {@code --dataset FILE} reuses FILE when it exists (else
 * writes it). {@code --free-prior} also trains the head's wire weight and tie-break.
 */
public final class Pretrain {
    /** {@code --expert} value of {@link #tieBreakDataset}. */
    static final String TIE_BREAKS = "greedy-ties";
    /** First index of the synthetic circuits reserved for validation and test (10 indices). */
    static final int RESERVED = 30;

    private Pretrain() {
    }

    /** The i-th synthetic design of the default recipe (macro counts 12..96, varied utilisation). */
    static Netlist synthetic(int i, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 1000 + i);
        int[] sizes = {12, 16, 24, 32, 48, 64, 96};
        int m = sizes[i % sizes.length];
        double util = 0.5 + 0.1 * r.nextInt(3);
        double frac = 0.3 + 0.1 * r.nextInt(4);
        SyntheticOptions o = new SyntheticOptions(m, 10 * m, 14 * m, Math.max(4, m), util, frac, 0.5 + 0.1 * r.nextInt(3));
        return SyntheticCircuits.generate(String.format(Locale.ROOT, "syn%02d_m%d", i, m), o, r.nextLong());
    }

    public static void main(String[] args) throws IOException {
        Path out = null;
        Path data = null;
        int grid = 48, designs = 40, steps = 1500, width = 128, layers = 4, context = 16, batch = 16;
        int perDesign = 2, eaEvals = 1000, evalEvery = 20;
        double limit = 1200, eaSeconds = 8;
        double keep = 0.1;
        double lr = 1e-4;
        long seed = 1;
        boolean freeze = true;
        String expert = "ea";
        List<Integer> validation = List.of(30, 31, 34, 35);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--dataset" -> data = Path.of(args[++i]);
                case "--grid" -> grid = Integer.parseInt(args[++i]);
                case "--designs" -> designs = Integer.parseInt(args[++i]);
                case "--validation" -> validation = parseList(args[++i]);
                case "--expert" -> expert = args[++i];
                case "--per-design" -> perDesign = Integer.parseInt(args[++i]);
                case "--ea-evals" -> eaEvals = Integer.parseInt(args[++i]);
                case "--ea-seconds" -> eaSeconds = Double.parseDouble(args[++i]);
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--time-limit" -> limit = Double.parseDouble(args[++i]);
                case "--eval-every" -> evalEvery = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--width" -> width = Integer.parseInt(args[++i]);
                case "--layers" -> layers = Integer.parseInt(args[++i]);
                case "--context" -> context = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--keep-within" -> keep = Double.parseDouble(args[++i]);
                case "--lr" -> lr = Double.parseDouble(args[++i]);
                case "--free-prior" -> freeze = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        List<Netlist> train = new ArrayList<>();
        for (int i = 0; train.size() < designs; i++) {
            if (i < RESERVED || i >= RESERVED + 10) {
                train.add(synthetic(i, seed));
            }
        }
        List<Netlist> all = new ArrayList<>(train);
        for (int v : validation) {
            if (v < RESERVED || v >= RESERVED + 10) {
                throw new IllegalArgumentException("validation indices must lie in the reserved block 30..39: " + v);
            }
            all.add(synthetic(v, seed));
        }
        if (data == null) {
            data = out.resolve("pretrain-dataset.bin");
        }
        if (Files.exists(data)) {
            System.out.printf(Locale.ROOT, "dataset: reusing %s%n", data);
        } else {
            EnvOptions env = EnvOptions.defaults().withGrid(grid);
            int n;
            if (expert.equals(TIE_BREAKS)) {
                n = tieBreakDataset(train, env, data);
            } else {
                DatasetOptions dopt = new DatasetOptions(env, eaSeconds, eaEvals, 1);
                n = Datasets.generate(train, perDesign, expert, seed, data, (s, it, f, h, ov) -> { }, dopt).trajectories();
            }
            System.out.printf(Locale.ROOT, "dataset: %d trajectories (%s) over %d designs in %.1f s%n",
                    n, expert, train.size(), (System.nanoTime() - t0) / 1e9);
        }
        TrainOptions o = new TrainOptions(context, layers, heads(width), width, 0.1, batch, steps, lr, 1e-4,
                Math.min(100, steps / 10), 1.0, seed, evalEvery, 100, null, out.resolve("train-log.csv"),
                limit, keep, freeze, ActionHead.RESIDUAL_BOUND);
        try (TrainReport r = PolicyTrainer.train(data, all, o, s -> System.out.printf(Locale.ROOT,
                "step %d  loss %.4f  lr %.2e  heldout/greedy %.4f  %.0f s%n", s.step(), s.loss(), s.learningRate(),
                s.heldOutRatio(), s.elapsedMillis() / 1000.0))) {
            r.save(out.resolve("model"));
            System.out.printf(Locale.ROOT, "trained %d steps in %.1f s (total %.1f s), kept step %d%n", r.steps(),
                    r.wallMillis() / 1000.0, (System.nanoTime() - t0) / 1e9, r.bestStep());
            System.out.printf(Locale.ROOT, "  learned centre weight %.4f%n", r.model().block().head().centreWeight());
            for (String d : r.heldOutHpwl().keySet()) {
                System.out.printf(Locale.ROOT, "  held out %-12s dt %.4e  greedy %.4e  ratio %.3f%n", d,
                        r.heldOutHpwl().get(d), r.heldOutGreedy().get(d),
                        r.heldOutHpwl().get(d) / r.heldOutGreedy().get(d));
            }
        }
    }

    /**
     * Per design one trajectory of the greedy wire-mask placer for each {@link TieBreak} (lower-left,
     * centre, net centre); with {@code --keep-within 0} training keeps the best of them per design.
     */
    static int tieBreakDataset(List<Netlist> designs, EnvOptions env, Path out) throws IOException {
        List<Trajectory> all = new ArrayList<>();
        for (Netlist nl : designs) {
            MacroEnv e = new MacroEnv(nl, nl.initialPlacement(), env);
            for (TieBreak tb : TieBreak.values()) {
                all.add(new GreedyPlacer(env, tb).rollout(e, 0, ProgressListener.NONE));
            }
        }
        Datasets.write(out, all);
        return all.size();
    }

    private static List<Integer> parseList(String csv) {
        List<Integer> l = new ArrayList<>();
        for (String t : csv.split(",")) {
            l.add(Integer.parseInt(t.trim()));
        }
        return l;
    }

    private static int heads(int width) {
        return width % 4 == 0 ? 4 : 1;
    }
}
