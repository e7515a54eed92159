package org.chipplace.offline;

import java.util.SplittableRandom;
import org.chipplace.placer.ProgressListener;

/**
 * Greedy wire-mask placer (the "greedy" baseline of WireMask-EA, Shi et al., NeurIPS 2023): each
 * macro, in the environment's order, goes to the legal cell with the least macro-HPWL increase;
 * ties towards the canvas centre, then lower cell index. Deterministic (the seed is unused). When
 * no cell is legal it takes the in-canvas cell with the fewest occupied cells under the macro.
 */
public final class GreedyPlacer implements Expert {
    private final EnvOptions options;

    public GreedyPlacer(EnvOptions options) {
        this.options = options;
    }

    public GreedyPlacer() {
        this(EnvOptions.defaults());
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
        return Experts.rollout(env, (e, s, r) -> Experts.greedy(e, s, -1), new SplittableRandom(seed), name());
    }
}
