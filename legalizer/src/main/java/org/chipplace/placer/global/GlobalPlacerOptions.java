package org.chipplace.placer.global;

/**
 * Options of the electrostatic global placer ({@link GlobalPlacer}, ePlace/RePlAce).
 *
 * @param targetDensity              ePlace's target density rho_t in (0, 1]: the fillers fill the free
 *                                   core area up to this density; default 1.0
 * @param targetOverflow             stop when the density overflow is at most this value (in [0, 1));
 *                                   default 0.07
 * @param maxIterations              maximum number of Nesterov iterations (&gt;= 1); default 1500
 * @param binsPerSide                bins per side of the square bin grid, a power of two in [8, 4096],
 *                                   or 0 for automatic (the power of two nearest to sqrt(#movable),
 *                                   clamped to 32..1024); default 0
 * @param gammaScale                 base of the weighted-average smoothing: gamma = gammaScale * binSize
 *                                   * 10^(20/9 * (overflow - 0.1) - 1) (RePlAce); default 8.0
 * @param initialDensityWeight       initial density weight lambda, or 0 for automatic (8e-5 times the
 *                                   ratio of the L1 norms of the wirelength and density gradients,
 *                                   as in RePlAce); default 0
 * @param initialPlacementIterations bound-to-bound quadratic placement rounds before Nesterov (&gt;= 0),
 *                                   from all movable nodes at the centre of the fixed pins; 0 starts
 *                                   Nesterov from the positions in the given placement (refinement);
 *                                   default 5
 * @param threads                    worker threads, 0 for all available cores; results do not depend
 *                                   on this value
 * @param seed                       seed of the initial perturbation and of the filler positions
 */
public record GlobalPlacerOptions(double targetDensity, double targetOverflow, int maxIterations, int binsPerSide,
                                  double gammaScale, double initialDensityWeight, int initialPlacementIterations,
                                  int threads, long seed) {

    public GlobalPlacerOptions {
        if (!(targetDensity > 0 && targetDensity <= 1)) {
            throw new IllegalArgumentException("targetDensity must be in (0, 1]: " + targetDensity);
        }
        if (!(targetOverflow >= 0 && targetOverflow < 1)) {
            throw new IllegalArgumentException("targetOverflow must be in [0, 1): " + targetOverflow);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1: " + maxIterations);
        }
        if (binsPerSide != 0 && (binsPerSide < 8 || binsPerSide > 4096 || Integer.bitCount(binsPerSide) != 1)) {
            throw new IllegalArgumentException("binsPerSide must be 0 or a power of two in [8, 4096]: " + binsPerSide);
        }
        if (!(gammaScale > 0) || Double.isInfinite(gammaScale)) {
            throw new IllegalArgumentException("gammaScale must be positive: " + gammaScale);
        }
        if (!(initialDensityWeight >= 0) || Double.isInfinite(initialDensityWeight)) {
            throw new IllegalArgumentException("initialDensityWeight must be >= 0: " + initialDensityWeight);
        }
        if (initialPlacementIterations < 0) {
            throw new IllegalArgumentException("initialPlacementIterations must be >= 0: " + initialPlacementIterations);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0: " + threads);
        }
    }

    /** Defaults: density 1.0, overflow 0.07, 1500 iterations, automatic bins, gamma base 8, seed 1. */
    public static GlobalPlacerOptions defaults() {
        return new GlobalPlacerOptions(1.0, 0.07, 1500, 0, 8.0, 0.0, 5, 0, 1L);
    }

    /** A copy with another thread count. */
    public GlobalPlacerOptions withThreads(int n) {
        return new GlobalPlacerOptions(targetDensity, targetOverflow, maxIterations, binsPerSide, gammaScale,
                initialDensityWeight, initialPlacementIterations, n, seed);
    }

    /** A copy with another target overflow. */
    public GlobalPlacerOptions withTargetOverflow(double o) {
        return new GlobalPlacerOptions(targetDensity, o, maxIterations, binsPerSide, gammaScale,
                initialDensityWeight, initialPlacementIterations, threads, seed);
    }

    /** A copy with another target density. */
    public GlobalPlacerOptions withTargetDensity(double d) {
        return new GlobalPlacerOptions(d, targetOverflow, maxIterations, binsPerSide, gammaScale,
                initialDensityWeight, initialPlacementIterations, threads, seed);
    }

    /** A copy with another number of quadratic rounds (0: a refinement from the given positions). */
    public GlobalPlacerOptions withInitialPlacementIterations(int k) {
        return new GlobalPlacerOptions(targetDensity, targetOverflow, maxIterations, binsPerSide, gammaScale,
                initialDensityWeight, k, threads, seed);
    }

    /** A copy with another seed. */
    public GlobalPlacerOptions withSeed(long s) {
        return new GlobalPlacerOptions(targetDensity, targetOverflow, maxIterations, binsPerSide, gammaScale,
                initialDensityWeight, initialPlacementIterations, threads, s);
    }

    /** The number of threads to use: {@link #threads()}, or all available processors when 0. */
    int effectiveThreads() {
        return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
