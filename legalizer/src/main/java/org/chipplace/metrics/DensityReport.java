package org.chipplace.metrics;

/**
 * Bin density of a placement ({@link Density#compute}).
 *
 * @param nx       bins in x
 * @param ny       bins in y
 * @param binW     bin width (database units)
 * @param binH     bin height (database units)
 * @param overflow ePlace/DREAMPlace density overflow: sum over bins of
 *                 {@code max(0, movableArea - targetDensity * freeArea)} divided by the total movable
 *                 area (dimensionless, 0 when nothing overflows)
 * @param peak     the largest value of {@code density}
 * @param density  per-bin utilisation {@code (movable area + blocking fixed area) / bin area},
 *                 flat layout {@code bin[ix * ny + iy]}; the fixed part of a bin is capped at the bin
 *                 area, movable objects stacked on each other can exceed 1
 */
public record DensityReport(int nx, int ny, double binW, double binH, double overflow, double peak,
                            double[] density) {
}
