package org.chipplace.metrics;

/**
 * Circuit Training's proxy cost of a placement ({@link ProxyCost#compute}); all terms are
 * dimensionless.
 *
 * @param wirelength weighted HPWL / (net count x (canvas width + canvas height))
 * @param density    0.5 x the mean density of the densest 10 % of grid cells
 * @param congestion mean of the most congested 5 % of the horizontal and vertical grid-cell
 *                   congestion values together
 * @param total      {@code wW * wirelength + wD * density + wC * congestion} (weights of
 *                   {@link ProxyCostOptions}, 1 / 0.5 / 0.5 by default)
 */
public record ProxyCostReport(double wirelength, double density, double congestion, double total) {
}
