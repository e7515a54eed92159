/**
 * The free-row model shared by legalization ({@code org.chipplace.placer.legalize}) and detailed
 * placement ({@code org.chipplace.placer.detailed}): {@link org.chipplace.placer.rows.RowSegments},
 * the placement rows minus blockages (by default fixed nodes, macros and multi-row cells, see
 * {@link org.chipplace.placer.rows.RowSegments#defaultBlockages}) cut into site-aligned segments, with
 * the site rounding ({@link org.chipplace.placer.rows.RowSegments#sitesOf}) both use. A building block
 * of the placers, not part of the placement API ({@code org.chipplace.placer.Placer}).
 */
package org.chipplace.placer.rows;
