package org.chipplace.placer.detailed;

import java.util.Arrays;
import org.chipplace.netlist.Netlist;

/**
 * FastDP-style global swap and vertical moves (Pan, Viswanathan, Chu: "An efficient and effective
 * detailed placement algorithm", ICCAD 2005). For a cell, its optimal region is the median box of
 * the bounding boxes of its nets without the cell; the target is the point of that region nearest to
 * the cell. In the rows of the region (up to {@link #REGION_ROWS} on each side of the target's row)
 * plus {@code searchRows} more on each side, and, as vertical moves, in the row next to the cell on
 * the target's side at the cell's own x, the cells of the region around the target x (up to
 * {@link #REGION_SLOTS} on each side, plus two) are tried as swap partners (each goes into the
 * other's free space, between its neighbours) and the gaps around them as destinations; with
 * {@code pushCells > 0} the cell is also tried in the gaps nearest the target x with up to that many
 * neighbours on each side pushed aside ({@link ShiftInsert}). The cell may also slide within its own
 * free space. The move with the largest strict HPWL decrease is applied.
 */
final class GlobalSwap {
    /**
     * Rows of the optimal region searched on each side of the target row (besides {@code searchRows}),
     * and cells of the region searched on each side of the target x (after global placement and
     * legalization, 4 and 10 gave 0.004-0.17 % lower final HPWL than 0 and 0 on ibm01, ibm02, ibm03 and
     * ibm05).
     */
    static final int REGION_ROWS = 4;
    static final int REGION_SLOTS = 10;
    /** Insertions with pushing try the gaps this many slots on each side of the target x. */
    static final int PUSH_GAPS = 2;
    private final SegmentCells sc;
    private final NetBoxes nb;
    private final ShiftInsert shift;
    private final double[] h;
    private final int maxDegree;
    private final int searchRows;
    private final double[] box = new double[4];
    private double[] xs = new double[32];
    private double[] ys = new double[32];
    /** Per considered pin of the current cell: box of the net without it, pin offset, weight, old value. */
    private double[] est = new double[128];
    private int numEst;
    private double bestDelta;
    private int bestKind; // 0 none, 1 swap, 2 gap move, 3 slide, 4 insertion with pushing (bestXo: its target x)
    private int bestOther;
    private int bestSeg;
    private int bestSlot;
    private double bestXi;
    private double bestXo;

    /**
     * @param pushCells most cells pushed aside on each side by an insertion (see {@link ShiftInsert}); 0
     *                  for no insertions
     */
    GlobalSwap(Netlist nl, SegmentCells sc, NetBoxes nb, int maxDegree, int searchRows, int pushCells) {
        this.searchRows = searchRows;
        this.sc = sc;
        this.nb = nb;
        this.h = nl.heights();
        this.maxDegree = maxDegree;
        this.shift = pushCells > 0 ? new ShiftInsert(sc, pushCells) : null;
    }

    /** One pass over all cells; returns the number of moves applied. */
    int pass() {
        int moves = 0;
        for (int v : sc.movable) {
            if (improve(v)) {
                moves++;
            }
        }
        return moves;
    }

    /** Tries to move cell v; true when a move was applied. */
    boolean improve(int v) {
        double[] x = sc.x;
        double[] y = sc.y;
        double wv = sc.w[v];
        int k = 0;
        for (int p = nb.pinStart(v); p < nb.pinEnd(v); p++) {
            int e = nb.netOfPinSlot(p);
            if (nb.degree(e) < 2 || nb.degree(e) > maxDegree || !nb.boxWithout(e, v, box)) {
                continue;
            }
            if (k == xs.length) {
                xs = Arrays.copyOf(xs, k * 2);
                ys = Arrays.copyOf(ys, k * 2);
            }
            xs[k] = box[0];
            xs[k + 1] = box[1];
            ys[k] = box[2];
            ys[k + 1] = box[3];
            if (8 * (k / 2 + 1) > est.length) {
                est = Arrays.copyOf(est, est.length * 2);
            }
            int b = 8 * (k / 2);
            System.arraycopy(box, 0, est, b, 4);
            est[b + 4] = nb.pinOffsetX(p);
            est[b + 5] = nb.pinOffsetY(p);
            est[b + 6] = nb.weight(e);
            est[b + 7] = nb.value(e);
            k += 2;
        }
        if (k == 0) {
            return false;
        }
        numEst = k / 2;
        Arrays.sort(xs, 0, k);
        Arrays.sort(ys, 0, k);
        double cx = x[v] + wv / 2;
        double cy = y[v] + h[v] / 2;
        double rxl = xs[k / 2 - 1];
        double rxh = xs[k / 2];
        double ryl = ys[k / 2 - 1];
        double ryh = ys[k / 2];
        if (cx >= rxl && cx <= rxh && cy >= ryl && cy <= ryh) {
            return false; // already in its optimal region
        }
        double tcx = Math.max(rxl, Math.min(rxh, cx));
        double tcy = Math.max(ryl, Math.min(ryh, cy));
        double tx = tcx - wv / 2;
        bestDelta = 0;
        bestKind = 0;
        int s0 = sc.segOf(v);
        int k0 = sc.indexOf(v);
        // slide within own space
        double xi = sc.snap(s0, tx, wv, sc.leftBound(s0, k0), sc.rightBound(s0, k0));
        if (!Double.isNaN(xi) && xi != x[v] && estimate(xi, y[v]) < bestDelta) {
            nb.begin();
            nb.move(v, xi, y[v]);
            consider(nb.delta(), 3, -1, s0, k0, xi, 0);
            nb.abort();
        }
        int rt = sc.seg.nearestRow(tcy - h[v] / 2);
        int rc = sc.seg.segRow(s0);
        int rlo = Math.max(sc.seg.nearestRow(ryl - h[v] / 2), rt - REGION_ROWS) - searchRows;
        int rhi = Math.min(sc.seg.nearestRow(ryh - h[v] / 2), rt + REGION_ROWS) + searchRows;
        double xlo = rxl - wv / 2;
        double xhi = rxh - wv / 2;
        for (int r = Math.max(0, rlo); r <= Math.min(sc.seg.numRows() - 1, rhi); r++) {
            tryRow(v, r, tx, xlo, xhi);
        }
        if (rt != rc) {
            int r = rc + (rt > rc ? 1 : -1);
            tryRow(v, r, x[v], x[v], x[v]);
        }
        if (bestKind == 0) {
            return false;
        }
        apply(v);
        return true;
    }

    /**
     * Cheap HPWL change of moving the current cell alone to lower-left (nx, ny), from the boxes of its
     * nets without it (exact unless the cell has several pins on one net or nets above the degree
     * limit); used only to skip exact evaluations.
     */
    private double estimate(double nx, double ny) {
        double d = 0;
        for (int i = 0; i < numEst; i++) {
            int b = 8 * i;
            double px = nx + est[b + 4];
            double py = ny + est[b + 5];
            double hp = Math.max(est[b + 1], px) - Math.min(est[b], px) + Math.max(est[b + 3], py)
                    - Math.min(est[b + 2], py);
            d += est[b + 6] * hp - est[b + 7];
        }
        return d;
    }

    private void consider(double d, int kind, int other, int s, int slot, double xiNew, double xoNew) {
        if (NetBoxes.improves(d) && d < bestDelta) {
            bestDelta = d;
            bestKind = kind;
            bestOther = other;
            bestSeg = s;
            bestSlot = slot;
            bestXi = xiNew;
            bestXo = xoNew;
        }
    }

    private void tryRow(int v, int r, double tx, double xlo, double xhi) {
        int s = sc.seg.segmentAt(r, tx);
        if (s < 0 || sc.seg.rows()[r].height() + 1e-6 < h[v]) {
            return;
        }
        int slot = sc.slotAt(s, tx);
        int jlo = Math.max(sc.slotAt(s, xlo), slot - REGION_SLOTS) - 2;
        int jhi = Math.min(sc.slotAt(s, xhi), slot + REGION_SLOTS) + 1;
        int s0 = sc.segOf(v);
        int k0 = sc.indexOf(v);
        double wv = sc.w[v];
        double ry = sc.rowY(s);
        for (int j = jlo; j <= jhi; j++) {
            if (j >= 0 && j < sc.count(s)) {
                trySwap(v, s0, k0, sc.cell(s, j), tx);
            }
            // gap before slot j+1, i.e. between cell j and cell j+1
            int g = j + 1;
            if (g < 0 || g > sc.count(s)) {
                continue;
            }
            if (s == s0 && (g == k0 || g == k0 + 1)) {
                continue; // adjacent to v: covered by the slide
            }
            double lo = g == 0 ? sc.seg.xLo(s) : sc.x[sc.cell(s, g - 1)] + sc.w[sc.cell(s, g - 1)];
            double hi = sc.gapRight(s, g);
            double xi = sc.snap(s, tx, wv, lo, hi);
            if (Double.isNaN(xi) || estimate(xi, ry) >= bestDelta) {
                continue;
            }
            nb.begin();
            nb.move(v, xi, ry);
            consider(nb.delta(), 2, -1, s, g, xi, 0);
            nb.abort();
        }
        if (shift != null) {
            for (int g = Math.max(0, slot - PUSH_GAPS); g <= Math.min(sc.count(s), slot + PUSH_GAPS); g++) {
                if (!shift.plan(v, s, g, tx) || estimate(shift.x(), ry) >= bestDelta) {
                    continue;
                }
                nb.begin();
                nb.move(v, shift.x(), ry);
                for (int i = 0; i < shift.count(); i++) {
                    nb.move(shift.node(i), shift.newX(i), ry);
                }
                consider(nb.delta(), 4, -1, s, g, shift.x(), tx);
                nb.abort();
            }
        }
    }

    private void trySwap(int v, int s0, int k0, int u, double tx) {
        if (u == v) {
            return;
        }
        int su = sc.segOf(u);
        int ku = sc.indexOf(u);
        if (su == s0 && Math.abs(ku - k0) <= 1) {
            return; // neighbours: local reordering handles them
        }
        if (sc.seg.rows()[sc.seg.segRow(s0)].height() + 1e-6 < h[u]) {
            return; // u is taller than v's row
        }
        double xv = sc.snap(su, tx, sc.w[v], sc.leftBound(su, ku), sc.rightBound(su, ku));
        if (Double.isNaN(xv)) {
            return;
        }
        double xu = sc.snap(s0, sc.x[v] + (sc.w[v] - sc.w[u]) / 2, sc.w[u], sc.leftBound(s0, k0),
                sc.rightBound(s0, k0));
        if (Double.isNaN(xu)) {
            return;
        }
        nb.begin();
        nb.move(v, xv, sc.rowY(su));
        nb.move(u, xu, sc.rowY(s0));
        consider(nb.delta(), 1, u, su, ku, xv, xu);
        nb.abort();
    }

    private void apply(int v) {
        int s0 = sc.segOf(v);
        nb.begin();
        switch (bestKind) {
            case 1 -> {
                int u = bestOther;
                nb.move(v, bestXi, sc.rowY(bestSeg));
                nb.move(u, bestXo, sc.rowY(s0));
                nb.delta();
                nb.commit();
                sc.swapSlots(v, u);
            }
            case 2 -> {
                nb.move(v, bestXi, sc.rowY(bestSeg));
                nb.delta();
                nb.commit();
                sc.relocate(v, bestSeg, bestSlot);
            }
            case 4 -> {
                shift.plan(v, bestSeg, bestSlot, bestXo);
                double ry = sc.rowY(bestSeg);
                nb.move(v, shift.x(), ry);
                for (int i = 0; i < shift.count(); i++) {
                    nb.move(shift.node(i), shift.newX(i), ry);
                }
                nb.delta();
                nb.commit();
                sc.relocate(v, bestSeg, bestSlot);
            }
            default -> {
                nb.move(v, bestXi, sc.y[v]);
                nb.delta();
                nb.commit();
            }
        }
    }
}
