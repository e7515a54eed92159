package org.chipplace.placer;

/**
 * Outcome of one pipeline stage.
 *
 * @param stage   stage name: {@code global-mixed} (with a macro placer), {@code macro}, {@code global},
 *                {@code macro-legalize}, {@code global-cells}, {@code legalize}, {@code detailed}; with a
 *                macro placer that offers several candidates ({@link MacroPlacer#candidates}) also
 *                {@code candidate-1}, {@code candidate-2}, ...: the cell stages run on each candidate
 *                (seconds of those, HPWL after them), the stages after {@code global-mixed} are those of
 *                the chosen one
 * @param seconds wall time of the stage in seconds
 * @param hpwl    unweighted HPWL of the whole design after the stage
 */
public record StageReport(String stage, double seconds, double hpwl) {
}
