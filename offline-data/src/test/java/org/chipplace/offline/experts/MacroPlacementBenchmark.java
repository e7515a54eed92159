package org.chipplace.offline.experts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.chipplace.netlist.Benchmarks;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.placer.ProgressListener;

/**
 * Benchmark main (not a test): macro HPWL and time of random, greedy and EA macro placement on
 * real designs, plus the time of one environment episode with full masks.
 *
 * <p>Usage: {@code MacroPlacementBenchmark [--ea-seconds S] [--threads T] [--grid G] [--no-fixed-pins]
 * [design...]}
 * (defaults: 300 s, 2 threads, grid 84, designs ibm01 ibm02_ms). Designs are located with
 * {@link Benchmarks#aux(String)} (set {@code CHIPPLACE_BENCHMARKS}).
 */
public final class MacroPlacementBenchmark {
    private MacroPlacementBenchmark() {
    }

    public static void main(String[] args) {
        double eaSeconds = 300;
        int threads = 2;
        int grid = EnvOptions.DEFAULT_GRID;
        boolean fixedPins = true;
        List<String> designs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ea-seconds" -> eaSeconds = Double.parseDouble(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--grid" -> grid = Integer.parseInt(args[++i]);
                case "--no-fixed-pins" -> fixedPins = false;
                default -> designs.add(args[i]);
            }
        }
        if (designs.isEmpty()) {
            designs = List.of("ibm01", "ibm02_ms");
        }
        EnvOptions env = EnvOptions.defaults().withGrid(grid).withFixedPins(fixedPins);
        for (String d : designs) {
            Optional<Path> aux = Benchmarks.aux(d);
            if (aux.isEmpty()) {
                System.out.println(Benchmarks.missingMessage(d));
                continue;
            }
            Netlist nl = Bookshelf.read(aux.get());
            System.out.printf("%s: %d macros, grid %d, objective %s%n", d, nl.numMacros(), grid,
                    fixedPins ? "macro HPWL with fixed pins (pads)" : "macro-to-macro HPWL (no pads)");
            episodeTiming(nl, env);
            double rnd = 0;
            for (long s = 0; s < 3; s++) {
                rnd += run(nl, new RandomPlacer(env), s, env) / 3;
            }
            System.out.printf("  random (mean of 3 seeds)    macro HPWL %.4e%n", rnd);
            double greedy = Double.NaN;
            double bestGreedy = Double.POSITIVE_INFINITY;
            for (TieBreak tie : TieBreak.values()) {
                long t0 = System.nanoTime();
                double h = run(nl, new GreedyPlacer(env, tie), 0, env);
                System.out.printf("  greedy (ties %-10s)     macro HPWL %.4e  %.3f s%n", tie, h,
                        (System.nanoTime() - t0) / 1e9);
                greedy = tie == TieBreak.LOWER_LEFT ? h : greedy;
                bestGreedy = Math.min(bestGreedy, h);
            }
            long t0 = System.nanoTime();
            EaOptions eaOpts = EaOptions.defaults().withTimeLimit(eaSeconds).withThreads(threads);
            double ea = run(nl, new EaPlacer(env, eaOpts), 1, env);
            System.out.printf("  ea (%.0f s, %d threads)       macro HPWL %.4e  %.1f s  (%.1f%% below default greedy, "
                    + "%.1f%% below best greedy)%n", eaSeconds, threads, ea, (System.nanoTime() - t0) / 1e9,
                    100 * (1 - ea / greedy), 100 * (1 - ea / bestGreedy));
        }
    }

    private static double run(Netlist nl, Expert e, long seed, EnvOptions env) {
        Placement p = nl.initialPlacement();
        e.placeMacros(nl, p, seed, ProgressListener.NONE);
        return MacroEnv.macroHpwl(nl, p, env);
    }

    /** One episode stepping random legal cells while computing all masks (as a policy would). */
    private static void episodeTiming(Netlist nl, EnvOptions env) {
        MacroEnv e = new MacroEnv(nl, nl.initialPlacement(), env);
        int g = env.grid();
        double[] wm = new double[g * g];
        boolean[] pm = new boolean[g * g];
        float[] state = new float[MacroEnv.stateSize(g)];
        double best = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < 5; rep++) {
            SplittableRandom rnd = new SplittableRandom(rep);
            long t0 = System.nanoTime();
            e.reset();
            while (!e.done()) {
                e.wireMask(wm);
                int legal = e.positionMask(pm);
                int pick = legal == 0 ? 0 : rnd.nextInt(legal);
                int cell = 0;
                for (int c = 0; c < pm.length; c++) {
                    if (pm[c] && pick-- == 0) {
                        cell = c;
                        break;
                    }
                }
                e.step(cell);
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        long t0 = System.nanoTime();
        e.reset();
        while (!e.done()) {
            e.observe(state);
            e.step(0);
        }
        System.out.printf("  episode with wire+position masks: %.1f ms (best of 5); with observe(): %.1f ms%n",
                best * 1e3, (System.nanoTime() - t0) / 1e6);
    }
}
