package org.chipplace.offline.experts;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.offline.env.Trajectory;
import org.chipplace.placer.MacroPlacer;
import org.chipplace.placer.ProgressListener;

/**
 * A macro placer that works on a {@link MacroEnv} and records its episode, so that it can serve as
 * an expert for offline datasets. {@link #placeMacros} builds the environment from the design
 * (fixed nodes at their positions in the given placement), runs one episode and writes the macros'
 * lower-left corners back.
 */
public interface Expert extends MacroPlacer {

    /** Environment options (grid, order) used by {@link #placeMacros}. */
    EnvOptions envOptions();

    /**
     * Runs one full episode on {@code env} (reset first; the environment is left in its final state)
     * and returns it. The same seed gives the same trajectory.
     */
    Trajectory rollout(MacroEnv env, long seed, ProgressListener progress);

    @Override
    default void placeMacros(Netlist netlist, Placement placement, long seed, ProgressListener progress) {
        MacroEnv env = new MacroEnv(netlist, placement, envOptions());
        if (env.numSteps() == 0) {
            return;
        }
        Trajectory t = rollout(env, seed, progress);
        env.writePlacement(placement);
        progress.report("macro", env.numSteps(), 1.0, t.finalHpwl(), Double.NaN);
    }
}
