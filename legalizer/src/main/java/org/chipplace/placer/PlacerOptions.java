package org.chipplace.placer;

/**
 * Options of the whole placement pipeline.
 *
 * @param seed                  random seed of every stage (default 1)
 * @param threads               worker threads, 0 = all cores (default 0)
 * @param targetDensity         target density of global placement in (0, 1], or {@link #AUTO_TARGET_DENSITY}
 *                              (the default): the design's uniform density plus a margin
 *                              ({@link TargetDensity#auto}; 1.0 on the IBM suites, which are 80-90 % full)
 * @param targetOverflow        global placement stops at this density overflow (default 0.07)
 * @param detailedPlacement     run detailed placement after legalization (default true)
 * @param refineCellsAfterMacros when macros moved in global placement, re-run global placement of
 *                              the cells alone once the macros are legal (default true)
 * @param mixedTargetOverflow   target overflow of the mixed-size global placement that moves the
 *                              macros (ePlace-MS's mGP: without a macro placer the macros are
 *                              legalized after it and the cells re-placed at {@code targetOverflow};
 *                              with one, it is the {@code global-mixed} stage the macro placer starts from).
 *                              Macros spread further before legalization move less in it: ibm01,
 *                              mean final HPWL of seeds 1-3, 2.185e6 at 0.07, 2.132e6 at 0.03, 2.111e6
 *                              at 0.02, 2.090e6 at 0.01 (2026-11-30). Default 0.01
 * @param analyticCandidate     with a macro placer, also finish the mixed-size placement's own macros
 *                              as a candidate (default true)
 * @param macroFlipping         after macro legalization, turn each movable macro to the member of
 *                              N, FN, FS, S that shortens its nets ({@code Flipper}; default true)
 * @param releaseMacros         with a macro placer, release each of its candidates to the analytic
 *                              placer before the cell stages ({@link Placer#release}: a mixed-size global
 *                              placement started from the candidate, ChiPFormer's warm start), so that its
 *                              macros are a start, not a final placement (default RELEASE_DEFAULT)
 */
public record PlacerOptions(long seed, int threads, double targetDensity, double targetOverflow,
                            boolean detailedPlacement, boolean refineCellsAfterMacros, double mixedTargetOverflow,
                            boolean analyticCandidate, boolean macroFlipping, boolean releaseMacros) {

    public PlacerOptions {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        }
        if (!(targetDensity > 0 && targetDensity <= 1) && targetDensity != AUTO_TARGET_DENSITY) {
            throw new IllegalArgumentException("target density must be in (0, 1] (or 0 = automatic), got " + targetDensity);
        }
        if (!(targetOverflow > 0 && targetOverflow < 1)) {
            throw new IllegalArgumentException("target overflow must be in (0, 1), got " + targetOverflow);
        }
        if (!(mixedTargetOverflow > 0 && mixedTargetOverflow < 1)) {
            throw new IllegalArgumentException("mixed target overflow must be in (0, 1), got " + mixedTargetOverflow);
        }
    }

    /**
     * Default of {@link #releaseMacros()}. Measured with the shipped {@code dt} on ICCAD04 ibm01, ibm04,
     * ibm08 (docs/benchmarks.md, "Flow labels and released candidates").
     */
    public static final boolean RELEASE_DEFAULT = true;

    /** {@link #targetDensity()} value that asks for the automatic target density ({@link TargetDensity#auto}). */
    public static final double AUTO_TARGET_DENSITY = 0;

    public static PlacerOptions defaults() {
        return new PlacerOptions(1, 0, AUTO_TARGET_DENSITY, 0.07, true, true, 0.01, true, true, RELEASE_DEFAULT);
    }

    public PlacerOptions withSeed(long s) {
        return new PlacerOptions(s, threads, targetDensity, targetOverflow, detailedPlacement, refineCellsAfterMacros,
                mixedTargetOverflow, analyticCandidate, macroFlipping, releaseMacros);
    }

    public PlacerOptions withThreads(int t) {
        return new PlacerOptions(seed, t, targetDensity, targetOverflow, detailedPlacement, refineCellsAfterMacros,
                mixedTargetOverflow, analyticCandidate, macroFlipping, releaseMacros);
    }

    public PlacerOptions withTargetDensity(double d) {
        return new PlacerOptions(seed, threads, d, targetOverflow, detailedPlacement, refineCellsAfterMacros,
                mixedTargetOverflow, analyticCandidate, macroFlipping, releaseMacros);
    }

    public PlacerOptions withMixedTargetOverflow(double o) {
        return new PlacerOptions(seed, threads, targetDensity, targetOverflow, detailedPlacement, refineCellsAfterMacros,
                o, analyticCandidate, macroFlipping, releaseMacros);
    }

    public PlacerOptions withAnalyticCandidate(boolean a) {
        return new PlacerOptions(seed, threads, targetDensity, targetOverflow, detailedPlacement, refineCellsAfterMacros,
                mixedTargetOverflow, a, macroFlipping, releaseMacros);
    }

    public PlacerOptions withMacroFlipping(boolean f) {
        return new PlacerOptions(seed, threads, targetDensity, targetOverflow, detailedPlacement, refineCellsAfterMacros,
                mixedTargetOverflow, analyticCandidate, f, releaseMacros);
    }

    public PlacerOptions withReleaseMacros(boolean r) {
        return new PlacerOptions(seed, threads, targetDensity, targetOverflow, detailedPlacement, refineCellsAfterMacros,
                mixedTargetOverflow, analyticCandidate, macroFlipping, r);
    }

    /** These options with an automatic target density resolved for {@code netlist} (else this). */
    public PlacerOptions resolvedFor(org.chipplace.netlist.Netlist netlist) {
        return targetDensity == AUTO_TARGET_DENSITY ? withTargetDensity(TargetDensity.auto(netlist)) : this;
    }

    /** Threads to use: {@link #threads()} or all available cores when 0. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
