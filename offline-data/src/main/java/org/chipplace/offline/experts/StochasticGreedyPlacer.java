package org.chipplace.offline.experts;

import java.util.SplittableRandom;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.offline.env.Trajectory;
import org.chipplace.placer.ProgressListener;

/**
 * Stochastic greedy wire-mask policy: softmax (temperature) over minus the normalised wire mask of
 * the legal cells, mixed with epsilon-uniform choice. Gives trajectories of graded quality between
 * {@link GreedyPlacer} and {@link RandomPlacer} for offline datasets. Seeded.
 */
public final class StochasticGreedyPlacer implements Expert {
    private final EnvOptions options;
    private final StochasticGreedyOptions sg;

    public StochasticGreedyPlacer(EnvOptions options, StochasticGreedyOptions sg) {
        this.options = options;
        this.sg = sg;
    }

    @Override
    public String name() {
        return "stochastic-greedy";
    }

    @Override
    public EnvOptions envOptions() {
        return options;
    }

    public StochasticGreedyOptions stochasticOptions() {
        return sg;
    }

    /** Records trajectories under the expert label {@code stochastic-greedy:T=<temperature>,eps=<epsilon>}. */
    @Override
    public Trajectory rollout(MacroEnv env, long seed, ProgressListener progress) {
        double t = sg.temperature();
        double eps = sg.epsilon();
        return Experts.rollout(env, (e, s, r) -> Experts.softmax(e, s, r, t, eps), new SplittableRandom(seed),
                name() + ":T=" + t + ",eps=" + eps);
    }
}
