package org.chipplace.metrics;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;

/**
 * A uniform bin grid over a region (the core), flat layout {@code bin[ix * ny + iy]}, and a
 * rectangle rasteriser that adds {@code density * overlapArea(rect, bin)} to every bin.
 *
 * <p>Rasterising a rectangle costs {@code O(columns + rows)} it spans: its border bins are written
 * directly and the fully covered interior is added to a 2D difference array, which
 * {@link #flush(double[])} folds into the grid. Not thread-safe: one instance per thread.
 */
final class BinGrid {
    /** Most bins in total for an explicit bin size. */
    static final long MAX_BINS = 1L << 24;
    final int nx, ny;
    final double x0, y0, binW, binH;
    private double[] diff;

    BinGrid(int nx, int ny, double x0, double y0, double binW, double binH) {
        this.nx = nx;
        this.ny = ny;
        this.x0 = x0;
        this.y0 = y0;
        this.binW = binW;
        this.binH = binH;
    }

    /** A grid of the same geometry with its own difference array. */
    BinGrid copy() {
        return new BinGrid(nx, ny, x0, y0, binW, binH);
    }

    /**
     * The grid of a design: over the core (or, when the core is empty, the bounding box of all
     * nodes), with the bin size of {@code o} (see {@link MetricsOptions#binSize()}).
     */
    static BinGrid of(Netlist nl, Placement p, MetricsOptions o) {
        double xl = nl.coreXl(), yl = nl.coreYl(), xh = nl.coreXh(), yh = nl.coreYh();
        if (!(xh > xl && yh > yl)) {
            xl = yl = Double.POSITIVE_INFINITY;
            xh = yh = Double.NEGATIVE_INFINITY;
            double[] x = p.x(), y = p.y(), w = nl.widths(), h = nl.heights();
            for (int v = 0; v < nl.numNodes(); v++) {
                xl = Math.min(xl, x[v]);
                yl = Math.min(yl, y[v]);
                xh = Math.max(xh, x[v] + w[v]);
                yh = Math.max(yh, y[v] + h[v]);
            }
            if (!(xh > xl)) {
                xh = (xl = Double.isFinite(xl) ? xl : 0) + 1;
            }
            if (!(yh > yl)) {
                yh = (yl = Double.isFinite(yl) ? yl : 0) + 1;
            }
        }
        double cw = xh - xl, ch = yh - yl;
        int nx, ny;
        if (o.binSize() == 0) {
            double s = Math.sqrt(cw * ch / Math.max(1, nl.numMovable())) * 4;
            nx = clamp((int) Math.min(1 << 20, Math.ceil(cw / s)), 16, 512);
            ny = clamp((int) Math.min(1 << 20, Math.ceil(ch / s)), 16, 512);
        } else {
            double fx = Math.ceil(cw / o.binSize() - 1e-9), fy = Math.ceil(ch / o.binSize() - 1e-9);
            if (fx * fy > MAX_BINS) {
                throw new IllegalArgumentException("binSize " + o.binSize() + " gives " + fx + " x " + fy
                        + " bins, more than " + MAX_BINS);
            }
            nx = Math.max(1, (int) fx);
            ny = Math.max(1, (int) fy);
        }
        return new BinGrid(nx, ny, xl, yl, cw / nx, ch / ny);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    double binArea() {
        return binW * binH;
    }

    /** Adds {@code density * overlap area} of rectangle [xl, xh] x [yl, yh] to each bin of {@code grid}. */
    void add(double[] grid, double xl, double yl, double xh, double yh, double density) {
        double gxh = x0 + nx * binW, gyh = y0 + ny * binH;
        xl = Math.max(xl, x0);
        yl = Math.max(yl, y0);
        xh = Math.min(xh, gxh);
        yh = Math.min(yh, gyh);
        if (!(xh > xl && yh > yl) || density == 0) {
            return;
        }
        int ixl = Math.min(nx - 1, (int) ((xl - x0) / binW));
        int ixh = Math.min(nx - 1, (int) ((xh - x0) / binW));
        int iyl = Math.min(ny - 1, (int) ((yl - y0) / binH));
        int iyh = Math.min(ny - 1, (int) ((yh - y0) / binH));
        if (ixh - ixl < 2 || iyh - iyl < 2) {
            for (int ix = ixl; ix <= ixh; ix++) {
                double ox = density * span(xl, xh, x0 + ix * binW, x0 + (ix + 1) * binW);
                int base = ix * ny;
                for (int iy = iyl; iy <= iyh; iy++) {
                    grid[base + iy] += ox * span(yl, yh, y0 + iy * binH, y0 + (iy + 1) * binH);
                }
            }
            return;
        }
        double oxl = density * span(xl, xh, x0 + ixl * binW, x0 + (ixl + 1) * binW);
        double oxh = density * span(xl, xh, x0 + ixh * binW, x0 + (ixh + 1) * binW);
        double oyl = span(yl, yh, y0 + iyl * binH, y0 + (iyl + 1) * binH);
        double oyh = span(yl, yh, y0 + iyh * binH, y0 + (iyh + 1) * binH);
        double dw = density * binW;
        // left and right columns (full interior rows)
        int bl = ixl * ny, bh = ixh * ny;
        grid[bl + iyl] += oxl * oyl;
        grid[bl + iyh] += oxl * oyh;
        grid[bh + iyl] += oxh * oyl;
        grid[bh + iyh] += oxh * oyh;
        for (int iy = iyl + 1; iy < iyh; iy++) {
            grid[bl + iy] += oxl * binH;
            grid[bh + iy] += oxh * binH;
        }
        // bottom and top rows (interior columns)
        for (int ix = ixl + 1; ix < ixh; ix++) {
            grid[ix * ny + iyl] += dw * oyl;
            grid[ix * ny + iyh] += dw * oyh;
        }
        // interior block [ixl+1, ixh-1] x [iyl+1, iyh-1]: constant density * binArea
        if (diff == null) {
            diff = new double[(nx + 1) * (ny + 1)];
        }
        double c = dw * binH;
        int s = ny + 1;
        diff[(ixl + 1) * s + iyl + 1] += c;
        diff[ixh * s + iyl + 1] -= c;
        diff[(ixl + 1) * s + iyh] -= c;
        diff[ixh * s + iyh] += c;
    }

    /** Folds the pending interior additions into {@code grid} and clears them. */
    void flush(double[] grid) {
        if (diff == null) {
            return;
        }
        int s = ny + 1;
        for (int ix = 0; ix < nx; ix++) {
            double run = 0;
            for (int iy = 0; iy < ny; iy++) {
                // prefix over y within column ix, then over x through the previous column's diff row
                run += diff[ix * s + iy];
                diff[ix * s + iy] = run + (ix > 0 ? diff[(ix - 1) * s + iy] : 0);
                grid[ix * ny + iy] += diff[ix * s + iy];
            }
        }
        diff = null;
    }

    private static double span(double a, double b, double lo, double hi) {
        return Math.max(0, Math.min(b, hi) - Math.max(a, lo));
    }
}
