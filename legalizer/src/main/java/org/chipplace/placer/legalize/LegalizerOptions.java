package org.chipplace.placer.legalize;

/**
 * Options of {@link MacroLegalizer} and {@link CellLegalizer}.
 *
 * @param verticalWeight     weight of vertical displacement relative to horizontal displacement in the
 *                           legalization cost {@code |dx| + verticalWeight * |dy|} (database units); default 1
 * @param macroImprovePasses passes of macro re-placement after the greedy macro legalization (each pass
 *                           re-places every macro at its nearest free legal spot if that is closer to its
 *                           global position); default 2
 * @param threads            upper bound on worker threads used to build the row segments (the Abacus and
 *                           macro sweeps themselves are sequential); default: available processors
 * @param pinWeighted        whether Abacus weights each single-row cell by its number of pins (at least 1) in
 *                           the quadratic cluster cost, so that well-connected cells move less, instead of by
 *                           its width in sites; default true (after global placement, the final HPWL after
 *                           detailed placement was 0.02-0.19 % lower on ibm01, ibm02, ibm03 and ibm05)
 */
public record LegalizerOptions(double verticalWeight, int macroImprovePasses, int threads, boolean pinWeighted) {

    public LegalizerOptions {
        if (!(verticalWeight > 0) || Double.isInfinite(verticalWeight)) {
            throw new IllegalArgumentException("verticalWeight must be positive and finite: " + verticalWeight);
        }
        if (macroImprovePasses < 0) {
            throw new IllegalArgumentException("macroImprovePasses must be >= 0: " + macroImprovePasses);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
    }

    /** Vertical weight 1, 2 macro improvement passes, all available processors, pin-weighted Abacus. */
    public static LegalizerOptions defaults() {
        return new LegalizerOptions(1.0, 2, Runtime.getRuntime().availableProcessors(), true);
    }

    /** A copy with another thread count. */
    public LegalizerOptions withThreads(int t) {
        return new LegalizerOptions(verticalWeight, macroImprovePasses, t, pinWeighted);
    }

    /** A copy with pin-weighted Abacus switched on or off (off: cells weighted by their widths). */
    public LegalizerOptions withPinWeighted(boolean on) {
        return new LegalizerOptions(verticalWeight, macroImprovePasses, threads, on);
    }
}
