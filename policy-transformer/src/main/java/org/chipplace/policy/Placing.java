package org.chipplace.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.offline.experts.GreedyPlacer;
import org.chipplace.placer.ProgressListener;

/** Zero-shot rollouts, best-of-K sampling and online fine-tuning behind {@link DecisionTransformer#place}. */
final class Placing {
    private Placing() {
    }

    /** The training environment at {@code grid}: connectivity order, pads in the objective. */
    static EnvOptions envOptions(int grid) {
        return EnvOptions.defaults().withGrid(grid);
    }

    /** The placement environment of {@code o} at {@code grid} ({@link DtOptions#fixedPins()}, {@link DtOptions#cellPins()}). */
    static EnvOptions envOptions(int grid, DtOptions o) {
        return envOptions(grid).withFixedPins(o.fixedPins()).withCellPins(o.cellPins());
    }

    /** Return normaliser of a design: the greedy placer's macro HPWL at the environment's grid (1 when 0). */
    static double scale(MacroEnv env) {
        MacroEnv e = env.fork();
        double h = new GreedyPlacer(env.options()).rollout(e, 0, ProgressListener.NONE).finalHpwl();
        return h > 0 ? h : 1.0;
    }

    static DtResult place(DecisionTransformer dt, Netlist nl, Placement placement, DtOptions o, long seed,
                          ProgressListener progress) {
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (o.timeLimitSeconds() * 1e9);
        MacroEnv env = new MacroEnv(nl, placement, envOptions(dt.grid(), o));
        if (env.numSteps() == 0) {
            return new DtResult(0, 0, 1, new double[0], 0, 0, 0);
        }
        float[] token = dt.encoder().embed(nl);
        double scale = scale(env);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Double> seen = new ArrayList<>();
        Episode best = Rollouts.run(dt, env, token, scale, dt.targetReturn(), 0, rnd);
        seen.add(best.hpwl());
        double zeroShotSeconds = (System.nanoTime() - t0) / 1e9;
        progress.report("macro", 1, Double.NaN, best.hpwl(), Double.NaN);
        List<Episode> episodes = new ArrayList<>();
        episodes.add(best);
        for (int s = 1; s < o.samples() && System.nanoTime() < deadline; s++) {
            Episode e = Rollouts.run(dt, env, token, scale, dt.targetReturn(), o.temperature(), o.sampleFraction(), rnd);
            seen.add(e.hpwl());
            episodes.add(e);
            if (e.hpwl() < best.hpwl()) {
                best = e;
            }
            progress.report("macro", s + 1, Double.NaN, best.hpwl(), Double.NaN);
        }
        int steps = 0;
        if (o.fineTuneSteps() > 0 && System.nanoTime() < deadline) {
            try (DecisionTransformer tuned = dt.copy()) {
                FineTuner.Outcome out = FineTuner.run(tuned, env, token, scale, episodes, o, deadline, rnd, seen,
                        progress);
                steps = out.steps();
                if (out.best().hpwl() < best.hpwl()) {
                    best = out.best();
                }
            }
        }
        env.reset();
        for (int a : best.actions()) {
            env.step(a);
        }
        env.writePlacement(placement);
        double[] all = new double[seen.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = seen.get(i);
        }
        progress.report("macro", seen.size(), 1.0, best.hpwl(), Double.NaN);
        return new DtResult(env.hpwl(), all[0], scale, all, steps, zeroShotSeconds, (System.nanoTime() - t0) / 1e9);
    }
}
