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
 */
public record GlobalPlacementResult(int iterations, double hpwl, double overflow, double seconds,
                                    double[] hpwlTrace, double[] overflowTrace, int keptIteration) {
}
