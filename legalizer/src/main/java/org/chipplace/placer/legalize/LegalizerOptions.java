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
 */
public record LegalizerOptions(double verticalWeight, int macroImprovePasses, int threads) {

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

    /** Vertical weight 1, 2 macro improvement passes, all available processors. */
    public static LegalizerOptions defaults() {
        return new LegalizerOptions(1.0, 2, Runtime.getRuntime().availableProcessors());
    }

    /** A copy with another thread count. */
    public LegalizerOptions withThreads(int t) {
        return new LegalizerOptions(verticalWeight, macroImprovePasses, t);
    }
}
