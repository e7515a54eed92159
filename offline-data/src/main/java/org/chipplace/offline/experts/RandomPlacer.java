package org.chipplace.offline.experts;

import java.util.SplittableRandom;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.offline.env.Trajectory;
import org.chipplace.placer.ProgressListener;

/**
 * Random legal policy (a lower bound): each macro goes to a uniformly chosen legal cell; when none
 * is legal, to the least-overlapping in-canvas cell (as {@link GreedyPlacer}).
 */
public final class RandomPlacer implements Expert {
    private final EnvOptions options;

    public RandomPlacer(EnvOptions options) {
        this.options = options;
    }

    public RandomPlacer() {
        this(EnvOptions.defaults());
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public EnvOptions envOptions() {
        return options;
    }

    @Override
    public Trajectory rollout(MacroEnv env, long seed, ProgressListener progress) {
        return Experts.rollout(env, Experts::random, new SplittableRandom(seed), name());
    }
}
