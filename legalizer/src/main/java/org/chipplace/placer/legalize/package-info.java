/**
 * Legalization after global placement: {@link org.chipplace.placer.legalize.MacroLegalizer} (greedy
 * nearest free spot per macro, largest first, exact band scans over rows and sites, then improvement
 * passes) and {@link org.chipplace.placer.legalize.CellLegalizer} (multi-row-height cells first, at
 * their nearest spot on abutting rows of matching N/FS power-rail parity, then Abacus, Spindler et al.
 * ISPD 2008, cells weighted by pin count, on row segments cut by fixed objects, macros and
 * multi-row cells, with bin-packing fallback). Options in
 * {@link org.chipplace.placer.legalize.LegalizerOptions}; failures raise
 * {@link org.chipplace.placer.legalize.LegalizationException}. Internals (package-private): Abacus row
 * placement ({@code Abacus}) and the multi-row-height cell placer ({@code MultiRowLegalizer}); the row
 * segments come from {@link org.chipplace.placer.rows.RowSegments}, shared with detailed placement.
 * {@link org.chipplace.placer.legalize.Flipper} flips macros (N, FN, FS, S) and cells (x mirror) where that shortens their nets.
 * Usual order: macros, then cells, then {@code org.chipplace.placer.detailed.DetailedPlacer}.
 */
package org.chipplace.placer.legalize;
