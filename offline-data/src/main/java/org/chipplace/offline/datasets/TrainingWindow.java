package org.chipplace.offline.datasets;

import org.chipplace.offline.env.MacroEnv;

/**
 * A window of consecutive steps of one trajectory, for training a decision transformer
 * (ChiPFormer). All arrays have the window length L.
 *
 * @param circuitId   index of the trajectory's design in {@link DatasetLoader#designHashes()}
 * @param trajectory  index of the trajectory in the dataset
 * @param startStep   step index of the first element
 * @param returnsToGo {@code returnsToGo[i]} = sum of the rewards from step {@code startStep+i} to the
 *                    end (minus the HPWL still to be added; design units, not normalised)
 * @param states      {@code states[i]} = {@link MacroEnv#observe(float[])} before step
 *                    {@code startStep+i} (length {@link MacroEnv#stateSize(int)})
 * @param actions     cells {@code ix*G+iy} chosen
 * @param timesteps   {@code startStep+i}
 */
public record TrainingWindow(int circuitId, int trajectory, int startStep, float[] returnsToGo, float[][] states,
                             int[] actions, int[] timesteps) {
}
