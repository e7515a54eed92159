package org.chipplace.metrics;

/**
 * Result of {@link LegalityChecker#check}.
 *
 * @param overlapArea  total pairwise overlap area (area units) among movable objects and between
 *                     movable and blocking fixed objects
 * @param overlapPairs number of such overlapping pairs
 * @param outsideCore  movable objects with any part outside the core
 * @param cellsOffRow  standard cells whose y is not on a row (or, multi-row, not covered by abutting rows up to its top)
 * @param cellsOffSite standard cells on a row but not on a site of it, or extending past its end
 * @param cellsWrongParity multi-row cells spanning an even number of rows whose bottom row has the
 *                     wrong power-rail parity ({@code FS}/{@code S} rather than {@code N}/{@code FN})
 * @param legal        true when all counts and the area are zero
 */
public record Legality(double overlapArea, long overlapPairs, int outsideCore, int cellsOffRow, int cellsOffSite,
                       int cellsWrongParity, boolean legal) {
}
