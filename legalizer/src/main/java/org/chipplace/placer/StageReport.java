package org.chipplace.placer;

/**
 * Outcome of one pipeline stage.
 *
 * @param stage   stage name: {@code global-mixed} (with a macro placer), {@code macro}, {@code global},
 *                {@code macro-legalize}, {@code global-cells}, {@code legalize}, {@code detailed}
 * @param seconds wall time of the stage in seconds
 * @param hpwl    unweighted HPWL of the whole design after the stage
 */
public record StageReport(String stage, double seconds, double hpwl) {
}
