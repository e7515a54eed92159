/**
 * Detailed placement of a legal placement ({@link org.chipplace.placer.detailed.DetailedPlacer}):
 * FastDP-style global swap, vertical and gap moves, insertions that push neighbours aside,
 * independent-set matching, local reordering and single-segment clustering, accepting only moves
 * that strictly lower weighted HPWL, so legality is kept and HPWL never rises.
 *
 * <p>API: {@link org.chipplace.placer.detailed.DetailedPlacer#improve}, configured by
 * {@link org.chipplace.placer.detailed.DetailedPlacerOptions}, returning
 * {@link org.chipplace.placer.detailed.DetailedPlacementResult}. Internals (package-private): the moves
 * ({@code GlobalSwap} with {@code ShiftInsert}, {@code IndependentSetMatching} with {@code Hungarian},
 * {@code LocalReorder}, {@code SingleSegmentClustering} with {@code Clumping}), the cells of each row
 * segment ({@code SegmentCells}, over {@link org.chipplace.placer.rows.RowSegments}), and incremental
 * weighted HPWL: cached net boxes and trial moves ({@code NetBoxes}) over the fixed pin layout
 * ({@code NetPins}).
 */
package org.chipplace.placer.detailed;
