package org.chipplace.placer.detailed;

/**
 * Outcome of {@link DetailedPlacer#improve}.
 *
 * @param hpwlBefore weighted HPWL (database units) of the legal input placement
 * @param hpwlAfter  weighted HPWL after detailed placement, never above {@code hpwlBefore}
 * @param passes     passes run
 * @param seconds    wall-clock time
 */
public record DetailedPlacementResult(double hpwlBefore, double hpwlAfter, int passes, double seconds) {
}
