package org.chipplace.offline.experts;

import org.chipplace.offline.env.EnvOptions;

/**
 * Options of {@link EaPlacer}.
 *
 * @param timeLimitSeconds wall-clock budget of the search in seconds (&gt; 0); default 60
 * @param maxEvaluations   stop after this many decoded genotypes (0 = only the time limit); with a
 *                         limit that the time budget does not cut, results are reproducible; default 0
 * @param threads          genotypes decoded in parallel per generation (&gt;= 1); the search depends on
 *                         it (one generation = {@code threads} children); default 1
 * @param orderMutation    probability that a mutation also swaps two neighbouring macros of the
 *                         placement order, in [0, 1]; default 0.5
 * @param warmStart        also seed the search from the macros' positions in the placement given to
 *                         the environment (e.g. a global placement), snapped to the grid as preferred
 *                         cells; default false
 * @param localRadius      with {@code warmStart}: -1 (default) seeds as above and searches as usual;
 *                         r &gt;= 0 switches {@link EaPlacer} to its local mode (nearest-legal-cell
 *                         decoding, moves shift a macro by up to r grid cells, only the given positions
 *                         as seed); ignored without {@code warmStart}
 * @param densityWeight    weight (&gt;= 0) of the density term: the search minimises the macro HPWL plus
 *                         {@code densityWeight} times the standard-cell area under the macros (cells at
 *                         their positions in the placement given to the environment, e.g. a global
 *                         placement) divided by the row height, i.e. the row length of the cells that
 *                         the macros displace, in design units; it keeps macros off the regions that
 *                         the global placement filled with cells. Only meaningful with
 *                         {@link EnvOptions#cellPins()}; default 0 (HPWL only)
 */
public record EaOptions(double timeLimitSeconds, int maxEvaluations, int threads, double orderMutation,
                        boolean warmStart, int localRadius, double densityWeight) {
    public EaOptions {
        if (!(timeLimitSeconds > 0) || Double.isInfinite(timeLimitSeconds)) {
            throw new IllegalArgumentException("timeLimitSeconds must be finite and > 0: " + timeLimitSeconds);
        }
        if (maxEvaluations < 0) {
            throw new IllegalArgumentException("maxEvaluations must be >= 0: " + maxEvaluations);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        if (!(orderMutation >= 0 && orderMutation <= 1)) {
            throw new IllegalArgumentException("orderMutation must be in [0, 1]: " + orderMutation);
        }
        if (localRadius < -1) {
            throw new IllegalArgumentException("localRadius must be >= -1: " + localRadius);
        }
        if (!(densityWeight >= 0) || Double.isInfinite(densityWeight)) {
            throw new IllegalArgumentException("densityWeight must be finite and >= 0: " + densityWeight);
        }
    }

    /** Options without density term. */
    public EaOptions(double timeLimitSeconds, int maxEvaluations, int threads, double orderMutation,
                     boolean warmStart, int localRadius) {
        this(timeLimitSeconds, maxEvaluations, threads, orderMutation, warmStart, localRadius, 0);
    }

    /** Options without warm start or local radius. */
    public EaOptions(double timeLimitSeconds, int maxEvaluations, int threads, double orderMutation) {
        this(timeLimitSeconds, maxEvaluations, threads, orderMutation, false, -1);
    }

    public static EaOptions defaults() {
        return new EaOptions(60, 0, 1, 0.5, false, -1, 0);
    }

    /** A copy with or without the warm start from the given placement's macro positions. */
    public EaOptions withWarmStart(boolean w) {
        return new EaOptions(timeLimitSeconds, maxEvaluations, threads, orderMutation, w, localRadius, densityWeight);
    }

    /** A copy with another local radius (grid cells, -1 = unlimited). */
    public EaOptions withLocalRadius(int r) {
        return new EaOptions(timeLimitSeconds, maxEvaluations, threads, orderMutation, warmStart, r, densityWeight);
    }

    public EaOptions withTimeLimit(double seconds) {
        return new EaOptions(seconds, maxEvaluations, threads, orderMutation, warmStart, localRadius, densityWeight);
    }

    public EaOptions withMaxEvaluations(int n) {
        return new EaOptions(timeLimitSeconds, n, threads, orderMutation, warmStart, localRadius, densityWeight);
    }

    public EaOptions withThreads(int n) {
        return new EaOptions(timeLimitSeconds, maxEvaluations, n, orderMutation, warmStart, localRadius, densityWeight);
    }

    /** A copy with another density weight (0 = HPWL only). */
    public EaOptions withDensityWeight(double w) {
        return new EaOptions(timeLimitSeconds, maxEvaluations, threads, orderMutation, warmStart, localRadius, w);
    }
}
