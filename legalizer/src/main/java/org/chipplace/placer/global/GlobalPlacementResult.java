package org.chipplace.placer.global;

/**
 * Outcome of {@link GlobalPlacer#place}.
 *
 * @param iterations    Nesterov iterations run
 * @param hpwl          weighted half-perimeter wirelength of the final placement (design units)
 * @param overflow      final density overflow: sum over bins of the movable area above the target
 *                      density, divided by the total movable area
 * @param seconds       wall-clock time of the whole global placement, initial placement included
 * @param hpwlTrace     HPWL after each iteration (length {@code iterations})
 * @param overflowTrace overflow after each iteration (length {@code iterations})
 * @param keptIteration the 0-based iteration whose placement was returned (a guard or the least-overflow
 *                      rule may return an earlier iterate than the last); -1 when no iteration ran
 * @param early         with movable macros, the placement a stop at the first failed window of the
 *                      mixed-size wirelength guard returns, when the run went on and returned another
 *                      iterate (a full copy of the given placement with those positions); else null
 * @param earlyIteration the iteration of {@code early}, -1 without one
 */
public record GlobalPlacementResult(int iterations, double hpwl, double overflow, double seconds,
                                    double[] hpwlTrace, double[] overflowTrace, int keptIteration,
                                    org.chipplace.netlist.Placement early, int earlyIteration) {
    /** Without an early alternative. */
    public GlobalPlacementResult(int iterations, double hpwl, double overflow, double seconds, double[] hpwlTrace,
                                 double[] overflowTrace, int keptIteration) {
        this(iterations, hpwl, overflow, seconds, hpwlTrace, overflowTrace, keptIteration, null, -1);
    }
}
