package org.chipplace.offline.experts;

import java.util.Objects;
import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.offline.env.Trajectory;
import org.chipplace.placer.Placer;
import org.chipplace.placer.PlacerOptions;
import org.chipplace.placer.ProgressListener;

/**
 * The analytic flow as an expert: the mixed-size global placement of the cell-aware flow
 * ({@link Placer#mixedGlobal}, seeded by the rollout's seed) places cells and macros together, and the
 * episode then puts each macro, in the environment's order, on the legal grid cell nearest to its
 * analytic lower-left corner (ties: least macro-HPWL increase; least overlap when no cell is legal),
 * so that its trajectory is the analytic macro placement seen through the environment's grid.
 * Different seeds give different analytic placements. Costs one mixed-size global placement per
 * trajectory (seconds to a minute on the ICCAD04 designs).
 */
public final class AnalyticPlacer implements Expert {
    private final EnvOptions env;
    private final PlacerOptions placer;

    /**
     * @param env    environment options (grid, order)
     * @param placer options of the mixed-size global placement (threads; the seed is the rollout's)
     */
    public AnalyticPlacer(EnvOptions env, PlacerOptions placer) {
        this.env = Objects.requireNonNull(env, "env");
        this.placer = Objects.requireNonNull(placer, "placer");
    }

    @Override
    public String name() {
        return "analytic";
    }

    @Override
    public EnvOptions envOptions() {
        return env;
    }

    @Override
    public Trajectory rollout(MacroEnv env, long seed, ProgressListener progress) {
        Netlist nl = env.netlist();
        env.reset();
        if (env.numSteps() == 0) {
            return Experts.continueRollout(env, (e, s, r) -> 0, new SplittableRandom(seed), name());
        }
        Placement gp = Placer.mixedGlobal(nl, env.fixedPositions(), placer.withSeed(seed), progress);
        env.reset();
        return Experts.continueRollout(env, (e, s, r) -> {
            int k = e.nextMacro();
            int v = e.macroNode(k);
            return Experts.nearest(e, s, e.cellAt(k, gp.x()[v], gp.y()[v]));
        }, new SplittableRandom(seed), name());
    }
}
