package org.chipplace.policy;

/**
 * Progress of offline pretraining, reported every 10 steps and at every evaluation.
 *
 * @param step            optimizer steps done
 * @param loss            mean training loss since the previous report
 * @param learningRate    current learning rate
 * @param heldOutRatio    mean over held-out designs of (greedy-rollout macro HPWL / greedy placer's), or NaN
 *                        when not evaluated at this report
 * @param elapsedMillis   wall time since the start of training
 */
public record TrainStats(int step, double loss, double learningRate, double heldOutRatio, long elapsedMillis) {
}
