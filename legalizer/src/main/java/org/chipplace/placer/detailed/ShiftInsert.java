package org.chipplace.placer.detailed;

import org.chipplace.netlist.Row;

/**
 * Plans the insertion of a cell into a gap of a row segment that may be too narrow for it: the cell
 * goes to the site nearest a target x, and up to {@code maxPush} cells on each side of the gap are
 * pushed away from it (left cells leftwards, right cells rightwards, keeping their order, each by the
 * least whole number of sites that removes the overlap) so that it fits. The moved cell itself is
 * ignored when it already sits in the segment (its old space counts as free). A plan is feasible
 * only when the pushed cells stay inside the segment and clear of the first unpushed cell on each
 * side, so applying it keeps the placement legal; a site-aligned, non-overlapping segment stays so.
 *
 * <p>After a successful {@link #plan}, {@link #x()} is the cell's new x and {@link #count()} cells
 * {@link #node(int)} move to {@link #newX(int)} (all in the segment's row).
 */
final class ShiftInsert {
    private static final double EPS = 1e-6;
    private final SegmentCells sc;
    private final int maxPush;
    private final int[] left;
    private final int[] right;
    private final int[] node;
    private final double[] nx;
    private int count;
    private double xv;

    ShiftInsert(SegmentCells sc, int maxPush) {
        if (maxPush < 0) {
            throw new IllegalArgumentException("maxPush must be >= 0: " + maxPush);
        }
        this.sc = sc;
        this.maxPush = maxPush;
        left = new int[maxPush];
        right = new int[maxPush];
        node = new int[2 * maxPush];
        nx = new double[2 * maxPush];
    }

    /**
     * Plans inserting cell v into segment s before slot g (between the cells at slots g-1 and g, v
     * itself skipped), at the site nearest tx that the pushes allow; false when v cannot fit there.
     */
    boolean plan(int v, int s, int g, double tx) {
        Row row = sc.seg.rows()[sc.seg.segRow(s)];
        double sp = row.siteSpacing();
        double x0 = row.x();
        double[] x = sc.x;
        double[] w = sc.w;
        int n = sc.count(s);
        // up to maxPush cells on each side (v skipped), and the wall beyond them
        int nl = 0;
        double sumL = 0;
        int j = g - 1;
        for (; j >= 0 && nl < maxPush; j--) {
            int u = sc.cell(s, j);
            if (u != v) {
                left[nl++] = u;
                sumL += sites(w[u], sp) * sp;
            }
        }
        while (j >= 0 && sc.cell(s, j) == v) {
            j--;
        }
        double wallL = j >= 0 ? x[sc.cell(s, j)] + w[sc.cell(s, j)] : sc.seg.xLo(s);
        int nr = 0;
        double sumR = 0;
        j = g;
        for (; j < n && nr < maxPush; j++) {
            int u = sc.cell(s, j);
            if (u != v) {
                right[nr++] = u;
                sumR += sites(w[u], sp) * sp;
            }
        }
        while (j < n && sc.cell(s, j) == v) {
            j++;
        }
        double wallR = j < n ? x[sc.cell(s, j)] : sc.seg.xHi(s);
        double lo = x0 + Math.ceil((wallL + sumL - x0) / sp - EPS) * sp;
        double hi = x0 + Math.floor((wallR - sumR - sites(w[v], sp) * sp - x0) / sp + EPS) * sp;
        if (hi < lo - EPS) {
            return false;
        }
        double k = Math.rint((tx - x0) / sp);
        xv = Math.max(lo, Math.min(hi, x0 + k * sp));
        count = 0;
        double cur = xv;
        for (int i = 0; i < nl; i++) {
            int u = left[i];
            if (x[u] + w[u] <= cur + EPS) {
                break;
            }
            double p = x0 + Math.floor((cur - w[u] - x0) / sp + EPS) * sp;
            node[count] = u;
            nx[count++] = p;
            cur = p;
        }
        if (cur < wallL - EPS) {
            return false;
        }
        cur = xv + w[v];
        for (int i = 0; i < nr; i++) {
            int u = right[i];
            if (x[u] >= cur - EPS) {
                break;
            }
            double p = x0 + Math.ceil((cur - x0) / sp - EPS) * sp;
            node[count] = u;
            nx[count++] = p;
            cur = p + w[u];
        }
        return cur <= wallR + EPS;
    }

    private static double sites(double width, double sp) {
        return Math.ceil(width / sp - EPS);
    }

    /** New x of the inserted cell. */
    double x() {
        return xv;
    }

    /** Number of pushed cells. */
    int count() {
        return count;
    }

    int node(int i) {
        return node[i];
    }

    double newX(int i) {
        return nx[i];
    }
}
