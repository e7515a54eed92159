package org.chipplace.placer;

/**
 * Receives progress from a running placement stage (for the CLI progress line and the service's
 * job events). Implementations must be cheap and thread-safe.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every report. */
    ProgressListener NONE = (stage, iteration, fraction, hpwl, overflow) -> { };

    /**
     * @param stage     stage name ({@code macro}, {@code global}, {@code legalize}, {@code detailed})
     * @param iteration iteration within the stage
     * @param fraction  estimated completed fraction of the stage in [0, 1], or NaN when unknown
     * @param hpwl      current HPWL, or NaN
     * @param overflow  current density overflow, or NaN
     */
    void report(String stage, int iteration, double fraction, double hpwl, double overflow);
}
