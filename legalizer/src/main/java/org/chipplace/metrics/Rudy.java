package org.chipplace.metrics;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.parallel.Parallel;

/**
 * RUDY, Rectangular Uniform wire DensitY (Spindler and Johannes, DATE 2007).
 *
 * <p>Every net with at least two pins spreads its weighted half-perimeter wirelength
 * {@code weight * (W + H)} uniformly over its pin bounding box: the wire density
 * {@code weight * (W + H) / (W * H)} is added to every bin in proportion to the exact overlap area
 * of the box with the bin. A box narrower than one bin in x (or lower than one bin in y), including
 * a degenerate box of zero width or height, is widened about its centre to one bin width (height)
 * and, where possible, shifted back inside the core; the density is then
 * {@code weight * (W + H) / (W' * H')} with the widened size, so the total demand of every net stays
 * equal to its weighted HPWL. Demand outside the core is dropped. The map value of a bin is
 * {@code demand / (binArea * rudyCapacity)}. Bins are those of {@link MetricsOptions#binSize()};
 * pins as in {@link Hpwl}.
 */
public final class Rudy {
    private Rudy() {
    }

    public static RudyReport compute(Netlist nl, Placement p, MetricsOptions o) {
        Hpwl.check(nl, p.x(), p.y());
        BinGrid g = BinGrid.of(nl, p, o);
        int nb = g.nx * g.ny;
        int m = nl.numNets();
        int chunks = Hpwl.netChunks(nl, 8);
        double[][] grids = new double[chunks][];
        Parallel.forEachChunk(chunks, o.parallel(), c -> {
            double[] grid = new double[nb];
            BinGrid local = g.copy();
            spread(nl, p, local, grid, Parallel.start(c, chunks, m), Parallel.start(c + 1, chunks, m));
            local.flush(grid);
            grids[c] = grid;
        });
        double[] map = grids[0];
        for (int c = 1; c < chunks; c++) {
            double[] gc = grids[c];
            for (int b = 0; b < nb; b++) {
                map[b] += gc[b];
            }
        }
        double binArea = g.binArea();
        double scale = 1.0 / (binArea * o.rudyCapacity());
        for (int b = 0; b < nb; b++) {
            map[b] *= scale;
        }
        return new RudyReport(g.nx, g.ny, map, peak(map), overflow(map) * binArea);
    }

    // Plain branches instead of Math.max reductions: C2 of JDK 17.0.15 crashed
    // (ShouldNotReachHere in TypeVect::xmeet) vectorising such a loop here.
    private static double peak(double[] map) {
        double peak = 0;
        for (double v : map) {
            if (v > peak) {
                peak = v;
            }
        }
        return peak;
    }

    private static double overflow(double[] map) {
        double over = 0;
        for (double v : map) {
            if (v > 1) {
                over += v - 1;
            }
        }
        return over;
    }

    /** Adds the RUDY demand of nets {@code e0..e1-1} to {@code grid} (wirelength units per bin). */
    static void spread(Netlist nl, Placement p, BinGrid g, double[] grid, int e0, int e1) {
        int[] nps = nl.netPinStart();
        double[] wt = nl.netWeights();
        double[] x = p.x(), y = p.y();
        double[] box = new double[4];
        double gxl = g.x0, gyl = g.y0, gxh = g.x0 + g.nx * g.binW, gyh = g.y0 + g.ny * g.binH;
        for (int e = e0; e < e1; e++) {
            int p0 = nps[e], p1 = nps[e + 1];
            if (p1 - p0 < 2 || wt[e] == 0) {
                continue;
            }
            Hpwl.netBox(nl, x, y, e, box);
            double xl = box[0], xh = box[1], yl = box[2], yh = box[3];
            double bw = xh - xl, bh = yh - yl;
            if (bw + bh <= 0) {
                continue;
            }
            double demand = wt[e] * (bw + bh);
            if (bw < g.binW) {
                double c = 0.5 * (xl + xh);
                xl = fit(c - 0.5 * g.binW, g.binW, gxl, gxh);
                xh = xl + g.binW;
            }
            if (bh < g.binH) {
                double c = 0.5 * (yl + yh);
                yl = fit(c - 0.5 * g.binH, g.binH, gyl, gyh);
                yh = yl + g.binH;
            }
            g.add(grid, xl, yl, xh, yh, demand / ((xh - xl) * (yh - yl)));
        }
    }

    /** Shifts an interval [lo, lo + len] inside [min, max] when it pokes out by widening only. */
    private static double fit(double lo, double len, double min, double max) {
        if (lo < min && lo + len > min) {
            return min;
        }
        if (lo + len > max && lo < max) {
            return max - len;
        }
        return lo;
    }
}
