/**
 * Placement pipeline: macro placement, global placement, legalization, detailed placement.
 *
 * <p>Subpackages: {@code global} (electrostatic global placement), {@code legalize} (macro and cell
 * legalization), {@code detailed} (detailed placement) and {@code rows} (the free-row segments that
 * legalization and detailed placement share). Parallel chunking comes from
 * {@link org.chipplace.parallel.Parallel}.
 */
package org.chipplace.placer;
