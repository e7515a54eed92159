package org.chipplace.offline.experts;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;

/**
 * Standard-cell area under macros, the density term of {@link EaPlacer} (see
 * {@link EaOptions#densityWeight()}). Static kernels over primitive arrays; grids are flat
 * {@code a[ix*g+iy]} over the environment's {@code g x g} grid of the core, prefix sums
 * {@code prefix[i*(g+1)+j]} over cells {@code ix < i, iy < j}.
 */
final class CellDensityKernel {
    private CellDensityKernel() {
    }

    /**
     * Area (design units squared) of the standard cells ({@code NodeKind.CELL}) of {@code p} inside
     * each grid cell, split exactly by overlap; area outside the core is dropped.
     */
    static double[] cellArea(Netlist nl, Placement p, int g, double x0, double y0, double cw, double ch) {
        double[] out = new double[g * g];
        byte cell = NodeKind.CELL.code();
        byte[] kinds = nl.kinds();
        double[] w = nl.widths();
        double[] h = nl.heights();
        for (int v = 0; v < nl.numNodes(); v++) {
            if (kinds[v] != cell || !(w[v] > 0) || !(h[v] > 0)) {
                continue;
            }
            double xl = (p.x()[v] - x0) / cw;
            double xh = xl + w[v] / cw;
            double yl = (p.y()[v] - y0) / ch;
            double yh = yl + h[v] / ch;
            int ixl = Math.max(0, (int) Math.floor(xl));
            int ixh = Math.min(g - 1, (int) Math.floor(xh));
            int iyl = Math.max(0, (int) Math.floor(yl));
            int iyh = Math.min(g - 1, (int) Math.floor(yh));
            for (int ix = ixl; ix <= ixh; ix++) {
                double ox = Math.min(xh, ix + 1) - Math.max(xl, ix);
                if (ox <= 0) {
                    continue;
                }
                for (int iy = iyl; iy <= iyh; iy++) {
                    double oy = Math.min(yh, iy + 1) - Math.max(yl, iy);
                    if (oy > 0) {
                        out[ix * g + iy] += ox * oy * cw * ch;
                    }
                }
            }
        }
        return out;
    }

    /** 2-D prefix sums of a {@code g x g} grid into {@code prefix} (length {@code (g+1)^2}). */
    static void prefixSums(double[] grid, int g, double[] prefix) {
        int s = g + 1;
        for (int j = 0; j <= g; j++) {
            prefix[j] = 0;
        }
        for (int i = 1; i <= g; i++) {
            double row = 0;
            prefix[i * s] = 0;
            for (int j = 1; j <= g; j++) {
                row += grid[(i - 1) * g + j - 1];
                prefix[i * s + j] = prefix[(i - 1) * s + j] + row;
            }
        }
    }

    /**
     * Standard-cell area under the macros: the sum over macros {@code k} of the grid's area inside
     * the {@code gw[k] x gh[k]} cells from cell {@code cells[k]} (lower-left corner, {@code ix*g+iy};
     * macros with a negative cell are skipped). Overlapping macros count shared cells twice.
     */
    static double areaUnder(double[] prefix, int g, int[] cells, int[] gw, int[] gh) {
        int s = g + 1;
        double total = 0;
        for (int k = 0; k < cells.length; k++) {
            int c = cells[k];
            if (c < 0) {
                continue;
            }
            int ix = Math.min(c / g, g - gw[k]);
            int iy = Math.min(c % g, g - gh[k]);
            int ix2 = ix + gw[k];
            int iy2 = iy + gh[k];
            total += prefix[ix2 * s + iy2] - prefix[ix * s + iy2] - prefix[ix2 * s + iy] + prefix[ix * s + iy];
        }
        return total;
    }
}
