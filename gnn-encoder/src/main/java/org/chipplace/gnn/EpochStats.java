package org.chipplace.gnn;

/**
 * Progress of one training epoch.
 *
 * @param epoch         1-based epoch
 * @param loss          mean over the epoch's steps of reconstruction BCE plus weighted KL
 * @param heldOutAuc    mean over designs of the held-out edge ROC AUC, NaN when not evaluated this epoch
 * @param elapsedMillis wall time since training started
 */
public record EpochStats(int epoch, double loss, double heldOutAuc, long elapsedMillis) {
}
