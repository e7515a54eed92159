package org.chipplace.gnn;

import java.util.List;

/**
 * Result of {@link EncoderTrainer#train}. Owns the trained encoder: close the report (or the
 * encoder) when done.
 *
 * @param epochs      per-epoch statistics
 * @param designNames the training designs in input order
 * @param finalAuc    held-out ROC AUC per design after the last epoch (NaN for designs with too few edges)
 * @param meanAuc     mean of the finite entries of {@code finalAuc}
 * @param wallMillis  total training wall time
 * @param encoder     the trained encoder
 */
public record TrainingReport(List<EpochStats> epochs, List<String> designNames, double[] finalAuc, double meanAuc,
                             long wallMillis, CircuitEncoder encoder) implements AutoCloseable {

    /** Loss of every epoch, in order. */
    public double[] lossPerEpoch() {
        double[] l = new double[epochs.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = epochs.get(i).loss();
        }
        return l;
    }

    @Override
    public void close() {
        encoder.close();
    }
}
