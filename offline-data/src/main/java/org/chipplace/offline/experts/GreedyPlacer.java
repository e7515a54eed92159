package org.chipplace.offline.experts;

import java.util.SplittableRandom;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.offline.env.Trajectory;
import org.chipplace.placer.ProgressListener;

/**
 * Greedy wire-mask placer (the "greedy" baseline of WireMask-EA, Shi et al., NeurIPS 2023): each
 * macro, in the environment's order, goes to the legal cell with the least macro-HPWL increase;
 * ties by a {@link TieBreak} (default {@link TieBreak#LOWER_LEFT}), then lower cell index.
 * Deterministic (the seed is unused). When no cell is legal it takes the in-canvas cell with the
 * fewest occupied cells under the macro (ties: least HPWL increase, then nearest the canvas centre).
 */
public final class GreedyPlacer implements Expert {
    private final EnvOptions options;
    private final TieBreak tie;

    public GreedyPlacer(EnvOptions options, TieBreak tie) {
        this.options = options;
        this.tie = tie;
    }

    public GreedyPlacer(EnvOptions options) {
        this(options, TieBreak.LOWER_LEFT);
    }

    public GreedyPlacer() {
        this(EnvOptions.defaults());
    }

    public TieBreak tieBreak() {
        return tie;
    }

    @Override
    public String name() {
        return "greedy";
    }

    @Override
    public EnvOptions envOptions() {
        return options;
    }

    @Override
    public Trajectory rollout(MacroEnv env, long seed, ProgressListener progress) {
        return Experts.rollout(env, (e, s, r) -> Experts.greedy(e, s, -1, tie), new SplittableRandom(seed), name());
    }
}
