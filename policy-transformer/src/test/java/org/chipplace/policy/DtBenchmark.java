package org.chipplace.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.chipplace.metrics.Hpwl;
import org.chipplace.netlist.Benchmarks;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.offline.experts.Expert;
import org.chipplace.offline.experts.GreedyPlacer;
import org.chipplace.offline.experts.RandomPlacer;
import org.chipplace.placer.ProgressListener;

/**
 * Benchmark main (not a test): macro HPWL (the environment's; with pads, or macro-to-macro with
 * {@code --no-pads}, {@link DtOptions#fixedPins()}) of random, greedy and the
 * decision transformer (zero-shot, best of K samples, online fine-tuning) on designs left out of
 * pretraining: ibm01 and the held-out synthetic designs of {@link Pretrain} (indices 30..33).
 *
 * <p>Usage: {@code DtBenchmark [--model DIR] [--fine-tune-seconds 300] [--samples 8] [--seed 1]
 * [--temperature T] [--sample-fraction F] [--no-pads] [design...]}
 * (designs: benchmark names or {@code synNN}; default ibm01 syn30 syn31 syn32 syn33).
 * {@code --fine-tune-seconds 0} skips fine-tuning, {@code --samples 1} best-of-K; the sample fraction
 * defaults to {@link DtOptions#defaults()}'s.
 */
public final class DtBenchmark {
    private DtBenchmark() {
    }

    public static void main(String[] args) {
        Path model = null;
        double ftSeconds = 300;
        int samples = 8;
        long seed = 1;
        double temperature = DtOptions.defaults().temperature();
        double fraction = DtOptions.defaults().sampleFraction();
        boolean pads = true;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--model" -> model = Path.of(args[++i]);
                case "--fine-tune-seconds" -> ftSeconds = Double.parseDouble(args[++i]);
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--temperature" -> temperature = Double.parseDouble(args[++i]);
                case "--sample-fraction" -> fraction = Double.parseDouble(args[++i]);
                case "--no-pads" -> pads = false;
                default -> names.add(args[i]);
            }
        }
        if (names.isEmpty()) {
            names = List.of("ibm01", "syn30", "syn31", "syn32", "syn33");
        }
        long l0 = System.nanoTime();
        try (DecisionTransformer dt = model == null ? DecisionTransformer.loadDefault() : DecisionTransformer.load(model)) {
            System.out.printf(Locale.ROOT, "model grid %d, context %d, target return %.3f, load %.2f s, objective %s%n",
                    dt.grid(), dt.contextLength(), dt.targetReturn(), (System.nanoTime() - l0) / 1e9,
                    pads ? "with pads" : "no pads (macro-to-macro)");
            System.out.println("| design | macros | random | greedy G=84 | greedy G=" + dt.grid()
                    + " | DT zero-shot (s) | DT best of " + samples + " (s) | DT fine-tuned (s, iterations) |");
            for (String name : names) {
                Netlist nl = design(name, seed);
                if (nl == null) {
                    continue;
                }
                run(dt, nl, samples, ftSeconds, seed, DtOptions.defaults().withTemperature(temperature)
                        .withSampleFraction(fraction).withFixedPins(pads));
            }
        }
    }

    private static Netlist design(String name, long seed) {
        if (name.startsWith("syn")) {
            return Pretrain.synthetic(Integer.parseInt(name.substring(3)), seed);
        }
        Optional<Path> aux = Benchmarks.aux(name);
        if (aux.isEmpty()) {
            System.out.println(Benchmarks.missingMessage(name));
            return null;
        }
        return Bookshelf.read(aux.get());
    }

    private static void run(DecisionTransformer dt, Netlist nl, int samples, double ftSeconds, long seed,
                            DtOptions base) {
        EnvOptions env = Placing.envOptions(dt.grid(), base);
        double rnd = 0;
        double rndMetric = 0;
        for (long s = 0; s < 3; s++) {
            Placement p = nl.initialPlacement();
            rnd += expert(nl, new RandomPlacer(env), s, p) / 3;
            rndMetric += Hpwl.macro(nl, p.x(), p.y()) / 3;
        }
        double greedy84 = expert(nl, new GreedyPlacer(env.withGrid(EnvOptions.DEFAULT_GRID)), 0, nl.initialPlacement());
        Placement greedyPlacement = nl.initialPlacement();
        double greedy = expert(nl, new GreedyPlacer(env), 0, greedyPlacement);
        DtOptions one = DtOptions.defaults().withFixedPins(base.fixedPins());
        Placement zsPlacement = nl.initialPlacement();
        DtResult zs = dt.place(nl, zsPlacement, one, seed, ProgressListener.NONE);
        double zsMetric = Hpwl.macro(nl, zsPlacement.x(), zsPlacement.y());
        double greedyMetric = Hpwl.macro(nl, greedyPlacement.x(), greedyPlacement.y());
        System.out.printf(Locale.ROOT, "    metrics macroHpwl (Hpwl.macro, macro-to-macro) of the same placements: random %.4e, "
                + "greedy(G=%d) %.4e, zero-shot %.4e: random/zero-shot %.2fx, zero-shot/greedy %.3f%n",
                rndMetric, dt.grid(), greedyMetric, zsMetric, rndMetric / zsMetric, zsMetric / greedyMetric);
        DtResult best = samples > 1 ? dt.place(nl, nl.initialPlacement(),
                base.withSamples(samples).withTimeLimit(600), seed, ProgressListener.NONE) : zs;
        DtResult ft = ftSeconds > 0 ? dt.place(nl, nl.initialPlacement(),
                base.withFineTuneSteps(1_000_000).withTimeLimit(ftSeconds), seed, ProgressListener.NONE) : zs;
        System.out.printf(Locale.ROOT, "| %s | %d | %.4e | %.4e | %.4e | %.4e (%.1f) | %.4e (%.1f) | %.4e (%.0f, %d) |%n",
                nl.name(), nl.numMacros(), rnd, greedy84, greedy, zs.hpwl(), zs.zeroShotSeconds(), best.hpwl(),
                best.totalSeconds(), ft.hpwl(), ft.totalSeconds(), ft.fineTuneSteps());
        System.out.printf(Locale.ROOT, "    random/zero-shot %.2fx, random/greedy(G=84) %.2fx, zero-shot/greedy(G=%d) %.3f, "
                + "zero-shot/greedy(G=84) %.3f, best-of/greedy %.3f, fine-tuned/greedy %.3f, fine-tuned/greedy(G=84) "
                + "%.3f%n", rnd / zs.hpwl(), rnd / greedy84, dt.grid(), zs.hpwl() / greedy, zs.hpwl() / greedy84,
                best.hpwl() / greedy, ft.hpwl() / greedy, ft.hpwl() / greedy84);
    }

    /** Rolls {@code e} out and writes its macros into {@code out}; returns the environment's macro HPWL. */
    private static double expert(Netlist nl, Expert e, long seed, Placement out) {
        MacroEnv env = new MacroEnv(nl, nl.initialPlacement(), e.envOptions());
        double hpwl = e.rollout(env, seed, ProgressListener.NONE).finalHpwl();
        env.writePlacement(out);
        return hpwl;
    }
}
