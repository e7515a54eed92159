package org.chipplace.policy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Result of {@link PolicyTrainer#train}; owns the trained model (close the report or the model).
 *
 * @param history        progress reports in order
 * @param heldOutHpwl    zero-shot (greedy-rollout) macro HPWL per held-out design name, of the returned model
 * @param heldOutGreedy  greedy placer's macro HPWL per held-out design name (same grid)
 * @param steps          optimizer steps done
 * @param bestStep       step whose parameters the model holds: the evaluation with the lowest mean
 *                       held-out ratio (model selection on the held-out designs); {@code steps} without held-out designs
 * @param wallMillis     total wall time (encoder training included)
 * @param model          the trained model
 */
public record TrainReport(List<TrainStats> history, Map<String, Double> heldOutHpwl, Map<String, Double> heldOutGreedy,
                          int steps, int bestStep, long wallMillis, DecisionTransformer model) implements AutoCloseable {

    /** Saves the model folder (see {@link DecisionTransformer#save(Path)}). */
    public void save(Path dir) {
        model.save(dir);
    }

    @Override
    public void close() {
        model.close();
    }
}
