package org.chipplace.metrics;

/**
 * RUDY routing-congestion estimate ({@link Rudy#compute}).
 *
 * @param nx            bins in x
 * @param ny            bins in y
 * @param map           per-bin {@code demand / (binArea * rudyCapacity)}, flat layout
 *                      {@code bin[ix * ny + iy]}; dimensionless, 1 means demand equals capacity
 * @param peak          the largest map value
 * @param totalOverflow {@code sum_b max(0, map_b - 1) * binArea}, in area units (equivalently the
 *                      wirelength demand above capacity divided by {@code rudyCapacity})
 */
public record RudyReport(int nx, int ny, double[] map, double peak, double totalOverflow) {
}
