package org.chipplace.offline.datasets;

import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.experts.EaOptions;

/**
 * Options of {@link Datasets#generate}.
 *
 * @param env                   environment (grid, order); default {@link EnvOptions#defaults()}
 * @param eaSecondsPerTrajectory time budget of each EA trajectory (&gt; 0); default 10
 * @param eaMaxEvaluations      evaluation cap of each EA trajectory (0 = time only; set it for
 *                              reproducible EA datasets); default 0
 * @param threads               EA decoding threads (&gt;= 1); default 1
 */
public record DatasetOptions(EnvOptions env, double eaSecondsPerTrajectory, int eaMaxEvaluations, int threads) {
    public DatasetOptions {
        if (env == null) {
            throw new IllegalArgumentException("env must not be null");
        }
        if (!(eaSecondsPerTrajectory > 0) || Double.isInfinite(eaSecondsPerTrajectory)) {
            throw new IllegalArgumentException("eaSecondsPerTrajectory must be finite and > 0");
        }
        if (eaMaxEvaluations < 0 || threads < 1) {
            throw new IllegalArgumentException("eaMaxEvaluations must be >= 0 and threads >= 1");
        }
    }

    public static DatasetOptions defaults() {
        return new DatasetOptions(EnvOptions.defaults(), 10, 0, 1);
    }

    EaOptions ea() {
        return new EaOptions(eaSecondsPerTrajectory, eaMaxEvaluations, threads, EaOptions.defaults().orderMutation());
    }
}
