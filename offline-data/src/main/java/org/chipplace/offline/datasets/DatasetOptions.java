package org.chipplace.offline.datasets;

import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.experts.EaOptions;
import org.chipplace.placer.PlacerOptions;

/**
 * Options of {@link Datasets#generate}.
 *
 * @param env                   environment (grid, order); default {@link EnvOptions#defaults()}
 * @param eaSecondsPerTrajectory time budget of each EA trajectory (&gt; 0); default 10
 * @param eaMaxEvaluations      evaluation cap of each EA trajectory (0 = time only; set it for
 *                              reproducible EA datasets); default 0
 * @param threads               EA decoding threads and the analytic expert's and labeller's placement
 *                              threads (&gt;= 1); default 1
 * @param flowLabels            label every trajectory with the flow's final HPWL ({@link FlowLabeller},
 *                              {@link org.chipplace.offline.env.Trajectory#flowHpwl()}); default false (costs
 *                              one mixed-size global placement per design and the cell stages per trajectory)
 */
public record DatasetOptions(EnvOptions env, double eaSecondsPerTrajectory, int eaMaxEvaluations, int threads,
                             boolean flowLabels) {
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

    /** Options without flow labels. */
    public DatasetOptions(EnvOptions env, double eaSecondsPerTrajectory, int eaMaxEvaluations, int threads) {
        this(env, eaSecondsPerTrajectory, eaMaxEvaluations, threads, false);
    }

    public static DatasetOptions defaults() {
        return new DatasetOptions(EnvOptions.defaults(), 10, 0, 1);
    }

    public DatasetOptions withFlowLabels(boolean labels) {
        return new DatasetOptions(env, eaSecondsPerTrajectory, eaMaxEvaluations, threads, labels);
    }

    public DatasetOptions withThreads(int t) {
        return new DatasetOptions(env, eaSecondsPerTrajectory, eaMaxEvaluations, t, flowLabels);
    }

    /** The flow options of the analytic expert and the labeller: defaults with {@link #threads()}. */
    PlacerOptions flow() {
        return PlacerOptions.defaults().withThreads(threads);
    }

    EaOptions ea() {
        return new EaOptions(eaSecondsPerTrajectory, eaMaxEvaluations, threads, EaOptions.defaults().orderMutation());
    }
}
