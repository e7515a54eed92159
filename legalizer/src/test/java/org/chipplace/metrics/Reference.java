package org.chipplace.metrics;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;

/** Brute-force reference implementations and small test designs. */
final class Reference {
    private Reference() {
    }

    /** Per-pin HPWL of net e, straight from the definition. */
    static double netHpwl(Netlist nl, double[] x, double[] y, int e) {
        int[] nps = nl.netPinStart();
        if (nps[e + 1] - nps[e] < 2) {
            return 0;
        }
        double xl = Double.MAX_VALUE, xh = -Double.MAX_VALUE, yl = Double.MAX_VALUE, yh = -Double.MAX_VALUE;
        for (int p = nps[e]; p < nps[e + 1]; p++) {
            int v = nl.pinNode()[p];
            double px = x[v] + nl.widths()[v] / 2 + nl.pinDx()[p];
            double py = y[v] + nl.heights()[v] / 2 + nl.pinDy()[p];
            xl = Math.min(xl, px);
            xh = Math.max(xh, px);
            yl = Math.min(yl, py);
            yh = Math.max(yh, py);
        }
        return xh - xl + yh - yl;
    }

    static double overlap1d(double a0, double a1, double b0, double b1) {
        return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
    }

    /** O(n^2) overlap: {area, pairs}; pairs need more than eps overlap in both directions. */
    static double[] overlap(double[] xl, double[] yl, double[] xh, double[] yh, boolean[] fixed, int n, double eps) {
        double area = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (fixed[i] && fixed[j]) {
                    continue;
                }
                double ox = overlap1d(xl[i], xh[i], xl[j], xh[j]);
                double oy = overlap1d(yl[i], yh[i], yl[j], yh[j]);
                if (ox > eps && oy > eps) {
                    area += ox * oy;
                    pairs++;
                }
            }
        }
        return new double[] {area, pairs};
    }

    /** O(n^2) overlap of a placement with the inclusion rules of {@link LegalityChecker}. */
    static double[] overlap(Netlist nl, Placement p) {
        int n = nl.numNodes();
        double[] xl = new double[n], yl = new double[n], xh = new double[n], yh = new double[n];
        boolean[] fixed = new boolean[n];
        int k = 0;
        for (int v = 0; v < n; v++) {
            NodeKind kind = nl.kind(v);
            double x0 = p.x()[v], y0 = p.y()[v], x1 = x0 + nl.widths()[v], y1 = y0 + nl.heights()[v];
            boolean inCore = overlap1d(x0, x1, nl.coreXl(), nl.coreXh()) > 0
                    && overlap1d(y0, y1, nl.coreYl(), nl.coreYh()) > 0;
            if (kind.movable() || (kind == NodeKind.FIXED && inCore)) {
                xl[k] = x0;
                yl[k] = y0;
                xh[k] = x1;
                yh[k] = y1;
                fixed[k] = kind == NodeKind.FIXED;
                k++;
            }
        }
        return overlap(xl, yl, xh, yh, fixed, k, 1e-6);
    }

    /** Area of rectangle [x0,x1]x[y0,y1] inside bin (ix, iy) of the grid, by direct intersection. */
    static double inBin(double x0, double y0, double x1, double y1, double gx, double gy, double bw, double bh,
                        int ix, int iy) {
        return overlap1d(x0, x1, gx + ix * bw, gx + (ix + 1) * bw) * overlap1d(y0, y1, gy + iy * bh, gy + (iy + 1) * bh);
    }

    /**
     * A 100 x 100 core of ten rows (height 10, sites 1 wide, spacing 1, 100 sites). Node sizes
     * {w, h, kind} where kind 0 movable, 1 fixed, 2 fixed NI; heights above 10 make macros.
     */
    static NetlistBuilder rows100(String name) {
        NetlistBuilder b = new NetlistBuilder(name);
        for (int r = 0; r < 10; r++) {
            b.addRow(new Row(10 * r, 10, 1, 1, 0, 100, "N"));
        }
        return b;
    }

    /** Placement from interleaved (x, y) pairs. */
    static Placement at(double... xy) {
        Placement p = new Placement(xy.length / 2);
        for (int i = 0; i < xy.length / 2; i++) {
            p.x()[i] = xy[2 * i];
            p.y()[i] = xy[2 * i + 1];
        }
        return p;
    }
}
