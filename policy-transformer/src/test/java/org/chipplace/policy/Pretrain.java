package org.chipplace.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.offline.DatasetInfo;
import org.chipplace.offline.DatasetOptions;
import org.chipplace.offline.Datasets;
import org.chipplace.offline.EnvOptions;
import org.chipplace.offline.SyntheticCircuits;
import org.chipplace.offline.SyntheticOptions;

/**
 * Pretraining driver of the bundled model (not a test): synthetic training circuits, a "mixed"
 * expert dataset (EA, greedy, softmax-greedy, random), then {@link PolicyTrainer#train} with two
 * synthetic circuits held out for validation (model selection). Test circuits (ibm01, syn32,
 * syn33) are never seen here; {@link DtBenchmark} evaluates them. See docs/models/decision-transformer.md.
 *
 * <p>Usage: {@code Pretrain --out DIR [--grid 48] [--designs 30] [--held-out 2] [--steps 1500]
 * [--time-limit 1200] [--seed 1] [--width 128] [--layers 4] [--context 16] [--batch 16]
 * [--keep-within 0.1] [--lr 1e-4]}
 */
public final class Pretrain {
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
        int grid = 48, designs = 30, heldOutN = 2, steps = 1500, width = 128, layers = 4, context = 16, batch = 16;
        double limit = 1200;
        double keep = 0.1;
        double lr = 1e-4;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--grid" -> grid = Integer.parseInt(args[++i]);
                case "--designs" -> designs = Integer.parseInt(args[++i]);
                case "--held-out" -> heldOutN = Integer.parseInt(args[++i]);
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--time-limit" -> limit = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--width" -> width = Integer.parseInt(args[++i]);
                case "--layers" -> layers = Integer.parseInt(args[++i]);
                case "--context" -> context = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--keep-within" -> keep = Double.parseDouble(args[++i]);
                case "--lr" -> lr = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        List<Netlist> train = new ArrayList<>();
        List<Netlist> all = new ArrayList<>();
        for (int i = 0; i < designs + heldOutN; i++) {
            Netlist nl = synthetic(i, seed);
            (i < designs ? train : all).add(nl);
        }
        List<Netlist> heldOut = new ArrayList<>(all);
        all.clear();
        all.addAll(train);
        all.addAll(heldOut);
        Path data = out.resolve("pretrain-dataset.bin");
        DatasetOptions dopt = new DatasetOptions(EnvOptions.defaults().withGrid(grid), 5, 400, 1);
        DatasetInfo info = Datasets.generate(train, 5, "mixed", seed, data, (s, it, f, h, ov) -> { }, dopt);
        System.out.printf(Locale.ROOT, "dataset: %d trajectories over %d designs in %.1f s%n", info.trajectories(),
                train.size(), (System.nanoTime() - t0) / 1e9);
        TrainOptions o = new TrainOptions(context, layers, heads(width), width, 0.1, batch, steps, lr, 1e-4,
                Math.min(100, steps / 10), 1.0, seed, Math.max(1, steps / 10), 100, null, out.resolve("train-log.csv"),
                limit, keep);
        try (TrainReport r = PolicyTrainer.train(data, all, o, s -> System.out.printf(Locale.ROOT,
                "step %d  loss %.4f  lr %.2e  heldout/greedy %.4f  %.0f s%n", s.step(), s.loss(), s.learningRate(),
                s.heldOutRatio(), s.elapsedMillis() / 1000.0))) {
            r.save(out.resolve("model"));
            System.out.printf(Locale.ROOT, "trained %d steps in %.1f s (total %.1f s), kept step %d%n", r.steps(),
                    r.wallMillis() / 1000.0, (System.nanoTime() - t0) / 1e9, r.bestStep());
            for (String d : r.heldOutHpwl().keySet()) {
                System.out.printf(Locale.ROOT, "  held out %-12s dt %.4e  greedy %.4e  ratio %.3f%n", d,
                        r.heldOutHpwl().get(d), r.heldOutGreedy().get(d),
                        r.heldOutHpwl().get(d) / r.heldOutGreedy().get(d));
            }
        }
    }

    private static int heads(int width) {
        return width % 4 == 0 ? 4 : 1;
    }
}
