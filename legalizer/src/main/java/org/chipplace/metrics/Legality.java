package org.chipplace.metrics;

/**
 * Result of {@link LegalityChecker#check}.
 *
 * @param overlapArea  total pairwise overlap area (area units) among movable objects and between
 *                     movable and blocking fixed objects
 * @param overlapPairs number of such overlapping pairs
 * @param outsideCore  movable objects with any part outside the core
 * @param cellsOffRow  standard cells whose y is not on a row (or, multi-row, not aligned to rows)
 * @param cellsOffSite standard cells on a row but not on a site of it, or extending past its end
 * @param legal        true when all counts and the area are zero
 */
public record Legality(double overlapArea, long overlapPairs, int outsideCore, int cellsOffRow, int cellsOffSite,
                       boolean legal) {
}
