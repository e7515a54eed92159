package org.chipplace.placer.detailed;

import java.util.Arrays;
import org.chipplace.netlist.Row;

/**
 * FastDP's single-segment clustering (Pan, Viswanathan, Chu: "An efficient and effective detailed
 * placement algorithm", ICCAD 2005): the cells of one free row segment keep their left-to-right
 * order and are shifted horizontally into the segment's whitespace to lower HPWL.
 *
 * <p>Cost model: for cell i and each of its pins on a net of 2..{@code maxDegree} pins, the net's
 * bounding box without the cell, {@code [xl, xh]}, minus the pin's x offset from the cell's
 * lower-left corner {@code o}, is the interval of lower-left x where that pin does not widen the box;
 * the net adds {@code weight * dist(x, [xl - o, xh - o])} to the cell's cost. That distance is
 * {@code (|x - (xl - o)| + |x - (xh - o)|) / 2} minus a constant, so every pin gives two breakpoints of
 * weight {@code weight / 2} and the segment's problem is exactly the one {@link Clumping} solves
 * (its optimum for a lone cell is any point of the cell's optimal x-region, the median interval of the
 * box bounds). This is exact for one cell against fixed neighbours; nets shared by several cells of
 * the segment are approximated by the other cells' current positions. Cells without such pins get one
 * breakpoint at their current x with a negligible weight, so they stay put unless pushed.
 *
 * <p>The solution is snapped to the row's site grid keeping order and non-overlap (nearest site,
 * pushed right past the previous cell; if the last cell then leaves the segment, a right-to-left pass
 * pushes cells left; if the first then leaves it, the segment is left alone). The new positions are
 * applied only if the exact weighted HPWL of the nets touching moved cells strictly decreases.
 */
final class SingleSegmentClustering {
    private static final double EPS = 1e-6;
    /** Weight of the breakpoint at the current x of a cell without considered nets. */
    private static final double IDLE_WEIGHT = 1e-9;
    private final SegmentCells sc;
    private final NetBoxes nb;
    private final int maxDegree;
    private final Clumping clumping = new Clumping();
    private final double[] box = new double[4];
    private int[] start = new int[65];
    private double[] val = new double[256];
    private double[] wgt = new double[256];
    private double[] wd = new double[64];
    private double[] nx = new double[64];

    SingleSegmentClustering(SegmentCells sc, NetBoxes nb, int maxDegree) {
        this.sc = sc;
        this.nb = nb;
        this.maxDegree = maxDegree;
    }

    /** One pass over all segments; returns the number of segments whose cells moved. */
    int pass() {
        int moves = 0;
        for (int s = 0; s < sc.seg.numSegments(); s++) {
            if (cluster(s)) {
                moves++;
            }
        }
        return moves;
    }

    /** Clusters segment s; true when new positions were applied. */
    boolean cluster(int s) {
        int n = sc.count(s);
        if (n == 0) {
            return false;
        }
        if (wd.length < n) {
            wd = new double[2 * n];
            nx = new double[2 * n];
            start = new int[2 * n + 1];
        }
        int np = 0;
        for (int i = 0; i < n; i++) {
            int v = sc.cell(s, i);
            wd[i] = sc.w[v];
            start[i] = np;
            for (int k = nb.pinStart(v); k < nb.pinEnd(v); k++) {
                int e = nb.netOfPinSlot(k);
                if (nb.degree(e) < 2 || nb.degree(e) > maxDegree || !nb.boxWithoutCached(e, v, box)) {
                    continue;
                }
                if (np + 2 > val.length) {
                    val = Arrays.copyOf(val, 2 * val.length);
                    wgt = Arrays.copyOf(wgt, 2 * wgt.length);
                }
                double o = nb.pinOffsetX(k);
                double g = nb.weight(e) / 2;
                val[np] = box[0] - o;
                wgt[np++] = g;
                val[np] = box[1] - o;
                wgt[np++] = g;
            }
            if (np == start[i]) {
                if (np + 1 > val.length) {
                    val = Arrays.copyOf(val, 2 * val.length);
                    wgt = Arrays.copyOf(wgt, 2 * wgt.length);
                }
                val[np] = sc.x[v];
                wgt[np++] = IDLE_WEIGHT;
            }
        }
        start[n] = np;
        if (!clumping.solve(n, wd, start, val, wgt, sc.seg.xLo(s), sc.seg.xHi(s), nx) || !snap(s, n)) {
            return false;
        }
        double ry = sc.rowY(s);
        nb.begin();
        boolean moved = false;
        for (int i = 0; i < n; i++) {
            int v = sc.cell(s, i);
            if (nx[i] != sc.x[v]) {
                nb.move(v, nx[i], ry);
                moved = true;
            }
        }
        if (moved && NetBoxes.improves(nb.delta())) {
            nb.commit();
            return true;
        }
        nb.abort();
        return false;
    }

    /** Snaps nx[0..n-1] to the sites of segment s keeping order and non-overlap; false if impossible. */
    private boolean snap(int s, int n) {
        Row row = sc.seg.rows()[sc.seg.segRow(s)];
        double rx = row.x();
        double sp = row.siteSpacing();
        double xLo = sc.seg.xLo(s);
        double xHi = sc.seg.xHi(s);
        double end = xLo;
        for (int i = 0; i < n; i++) {
            double k = Math.max(Math.rint((nx[i] - rx) / sp), Math.ceil((end - rx) / sp - EPS));
            nx[i] = rx + k * sp;
            end = nx[i] + wd[i];
        }
        if (end > xHi + EPS) {
            double next = xHi;
            for (int i = n - 1; i >= 0; i--) {
                double kMax = Math.floor((next - wd[i] - rx) / sp + EPS);
                if (nx[i] > rx + kMax * sp) {
                    nx[i] = rx + kMax * sp;
                }
                next = nx[i];
            }
            return nx[0] >= xLo - EPS;
        }
        return true;
    }
}
