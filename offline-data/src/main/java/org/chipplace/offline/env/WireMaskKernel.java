package org.chipplace.offline.env;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;

/** Static kernels of {@link MacroEnv} over primitive arrays; grids are flat {@code a[ix*g+iy]}. */
final class WireMaskKernel {
    private WireMaskKernel() {
    }

    /**
     * Adds one net's separable HPWL increase along one axis: for grid line {@code i} the macro's pins
     * on the net span {@code [origin + i*cs + minOff, origin + i*cs + maxOff]}; the net's current
     * extent is {@code [lo, hi]} (lo = +inf, hi = -inf when empty) and its counted span {@code base}.
     */
    static void accumulate(double[] part, int g, double origin, double cs, double minOff, double maxOff,
                           double lo, double hi, double base, double weight) {
        for (int i = 0; i < g; i++) {
            double p = origin + i * cs;
            double a = Math.min(lo, p + minOff);
            double b = Math.max(hi, p + maxOff);
            part[i] += weight * ((b - a) - base);
        }
    }

    /** 2-D prefix sums: {@code prefix[i*(g+1)+j]} = occupied cells with ix &lt; i and iy &lt; j. */
    static void prefixSums(byte[] occ, int g, int[] prefix) {
        int s = g + 1;
        for (int j = 0; j <= g; j++) {
            prefix[j] = 0;
        }
        for (int i = 1; i <= g; i++) {
            int row = 0;
            prefix[i * s] = 0;
            int src = (i - 1) * g;
            for (int j = 1; j <= g; j++) {
                row += occ[src + j - 1];
                prefix[i * s + j] = prefix[(i - 1) * s + j] + row;
            }
        }
    }

    static int rectSum(int[] prefix, int g, int ix, int iy, int w, int h) {
        int s = g + 1;
        return prefix[(ix + w) * s + iy + h] - prefix[ix * s + iy + h] - prefix[(ix + w) * s + iy]
                + prefix[ix * s + iy];
    }

    /** Legal cells of a {@code w x h} macro; returns their number. */
    static int fitMask(int[] prefix, int g, int w, int h, boolean[] out) {
        int count = 0;
        for (int ix = 0; ix < g; ix++) {
            for (int iy = 0; iy < g; iy++) {
                boolean ok = ix + w <= g && iy + h <= g && rectSum(prefix, g, ix, iy, w, h) == 0;
                out[ix * g + iy] = ok;
                if (ok) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Occupied cells under a {@code w x h} macro at each in-canvas cell, -1 where it sticks out. */
    static void overlapCounts(int[] prefix, int g, int w, int h, int[] out) {
        for (int ix = 0; ix < g; ix++) {
            for (int iy = 0; iy < g; iy++) {
                out[ix * g + iy] = ix + w <= g && iy + h <= g ? rectSum(prefix, g, ix, iy, w, h) : -1;
            }
        }
    }

    /** Reference macro HPWL (see {@link MacroEnv}). */
    static double macroHpwl(Netlist nl, Placement pl, boolean fixedPins, boolean cellPins) {
        byte[] kinds = nl.kinds();
        byte macro = NodeKind.MACRO.code();
        byte cell = NodeKind.CELL.code();
        int[] nps = nl.netPinStart();
        int[] pinNode = nl.pinNode();
        double[] w = nl.widths();
        double[] h = nl.heights();
        double total = 0;
        for (int e = 0; e < nl.numNets(); e++) {
            boolean hasMacro = false;
            double xl = Double.POSITIVE_INFINITY, xh = Double.NEGATIVE_INFINITY;
            double yl = Double.POSITIVE_INFINITY, yh = Double.NEGATIVE_INFINITY;
            for (int p = nps[e]; p < nps[e + 1]; p++) {
                int v = pinNode[p];
                boolean skip = kinds[v] == cell ? !cellPins : !fixedPins && kinds[v] != macro;
                if (skip) {
                    continue;
                }
                hasMacro |= kinds[v] == macro;
                double x = pl.x()[v] + 0.5 * w[v] + nl.pinDx()[p];
                double y = pl.y()[v] + 0.5 * h[v] + nl.pinDy()[p];
                xl = Math.min(xl, x);
                xh = Math.max(xh, x);
                yl = Math.min(yl, y);
                yh = Math.max(yh, y);
            }
            if (hasMacro) {
                total += nl.netWeights()[e] * ((xh - xl) + (yh - yl));
            }
        }
        return total;
    }
}
