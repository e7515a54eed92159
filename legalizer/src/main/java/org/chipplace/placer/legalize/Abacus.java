package org.chipplace.placer.legalize;

import org.chipplace.netlist.Row;
import org.chipplace.placer.rows.RowSegments;

/**
 * Abacus row placement (Spindler, Schlichtmann, Johannes: "Abacus: fast legalization of standard
 * cell circuits with minimal movement", ISPD 2008) on row segments, in site units.
 *
 * <p>Cells are inserted one at a time; each is tried in the segments of the rows near its global
 * position (non-destructive {@link #trial}), and placed for real ({@link #place}) where its own
 * displacement {@code |dx| + verticalWeight*|dy|} is smallest. Per segment the clusters form a stack
 * (linked by {@code cPrev}); a new cell joins the last cluster when it would overlap it, and clusters
 * collapse leftwards while they overlap, each at its weighted optimal position clamped to the
 * segment. Cell weights are their widths in sites, or the caller's per-cell weights when given.
 * Positions are continuous during the run and snapped to sites by {@link #write}.
 */
final class Abacus {
    private final RowSegments seg;
    private final double vw;
    private final int[] segUsed;
    private final int[] segLast;
    private final int[] segFirstCell;
    private final int[] segLastCell;
    private final int[] cellNext;
    private final int[] cellSeg;
    private final int[] cellSites;
    private final double[] cE;
    private final double[] cQ;
    private final double[] cW;
    private final double[] cX;
    private final int[] cFirst;
    private final int[] cPrev;
    private int numClusters;
    /** Per local cell, its weight in the cluster cost; null: its width in sites. */
    private final double[] weight;

    Abacus(RowSegments seg, int numCells, double verticalWeight) {
        this(seg, numCells, verticalWeight, null);
    }

    /**
     * @param weight per local cell, its positive weight in the quadratic cluster cost (Abacus' {@code e_i});
     *               null for the cell widths in sites
     */
    Abacus(RowSegments seg, int numCells, double verticalWeight, double[] weight) {
        this.seg = seg;
        this.weight = weight;
        this.vw = verticalWeight;
        int ns = seg.numSegments();
        segUsed = new int[ns];
        segLast = new int[ns];
        segFirstCell = new int[ns];
        segLastCell = new int[ns];
        java.util.Arrays.fill(segLast, -1);
        java.util.Arrays.fill(segFirstCell, -1);
        java.util.Arrays.fill(segLastCell, -1);
        cellNext = new int[numCells];
        cellSeg = new int[numCells];
        cellSites = new int[numCells];
        cE = new double[numCells];
        cQ = new double[numCells];
        cW = new double[numCells];
        cX = new double[numCells];
        cFirst = new int[numCells];
        cPrev = new int[numCells];
        java.util.Arrays.fill(cellSeg, -1);
    }

    /**
     * Places local cell {@code i} of width {@code w} and height {@code h} whose global lower-left corner
     * is (gx, gy), in the best segment of a row at least {@code h} high; returns false when no segment
     * has room.
     */
    boolean insert(int i, double w, double h, double gx, double gy) {
        Row[] rows = seg.rows();
        int r0 = seg.nearestRow(gy);
        if (r0 < 0) {
            return false;
        }
        double best = Double.POSITIVE_INFINITY;
        int bestSeg = -1;
        int up = r0;
        int down = r0 - 1;
        while (up < rows.length || down >= 0) {
            int r;
            if (down < 0 || (up < rows.length && Math.abs(rows[up].y() - gy) <= Math.abs(gy - rows[down].y()))) {
                r = up++;
            } else {
                r = down--;
            }
            Row row = rows[r];
            double dy = vw * Math.abs(row.y() - gy);
            if (dy >= best) {
                break; // the nearer side is too far already, so is the other
            }
            if (row.height() + 1e-6 < h) {
                continue; // the cell is taller than this row
            }
            int s0 = seg.segmentAt(r, gx);
            if (s0 < 0) {
                continue;
            }
            double sp = row.siteSpacing();
            int ws = RowSegments.sitesOf(w, sp);
            double wAbs = ws * sp;
            double t = (gx - row.x()) / sp;
            for (int dir = 0; dir < 2; dir++) {
                int s = dir == 0 ? s0 : s0 + 1;
                int end = dir == 0 ? seg.rowSegStart(r) - 1 : seg.rowSegStart(r + 1);
                int step = dir == 0 ? -1 : 1;
                for (; s != end; s += step) {
                    double lb = dy + Math.max(0, Math.max(seg.xLo(s) - gx, gx + wAbs - seg.xHi(s)));
                    if (lb >= best) {
                        break;
                    }
                    if (segUsed[s] + ws > seg.siteHi(s) - seg.siteLo(s)) {
                        continue;
                    }
                    double pos = trial(s, t, ws, weight == null ? ws : weight[i]);
                    double c = dy + Math.abs(pos - t) * sp;
                    if (c < best) {
                        best = c;
                        bestSeg = s;
                    }
                }
            }
        }
        if (bestSeg < 0) {
            return false;
        }
        Row row = rows[seg.segRow(bestSeg)];
        int ws = RowSegments.sitesOf(w, row.siteSpacing());
        place(bestSeg, i, (gx - row.x()) / row.siteSpacing(), ws);
        return true;
    }

    /** Appends local cell i (width w, global x gx) to the given segment, which must have room. */
    void placeIn(int s, int i, double w, double gx) {
        Row row = seg.rows()[seg.segRow(s)];
        place(s, i, (gx - row.x()) / row.siteSpacing(), RowSegments.sitesOf(w, row.siteSpacing()));
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : Math.min(v, hi);
    }

    /**
     * Position (sites) a cell of width ws and weight e would get at the end of segment s, without
     * changing anything.
     */
    double trial(int s, double t, int ws, double e) {
        int lo = seg.siteLo(s);
        int hi = seg.siteHi(s);
        int c = segLast[s];
        double xt = clamp(t, lo, hi - ws);
        if (c < 0 || cX[c] + cW[c] <= xt) {
            return xt;
        }
        double ce = cE[c] + e;
        double cq = cQ[c] + e * (t - cW[c]);
        double cw = cW[c] + ws;
        int prev = cPrev[c];
        while (true) {
            double x = clamp(cq / ce, lo, hi - cw);
            if (prev >= 0 && cX[prev] + cW[prev] > x) {
                cq = cQ[prev] + cq - ce * cW[prev];
                ce += cE[prev];
                cw += cW[prev];
                prev = cPrev[prev];
            } else {
                return x + cw - ws;
            }
        }
    }

    /** Appends local cell i (target t sites, width ws sites) to segment s and collapses. */
    void place(int s, int i, double t, int ws) {
        int lo = seg.siteLo(s);
        int hi = seg.siteHi(s);
        cellSeg[i] = s;
        cellSites[i] = ws;
        cellNext[i] = -1;
        if (segLastCell[s] < 0) {
            segFirstCell[s] = i;
        } else {
            cellNext[segLastCell[s]] = i;
        }
        segLastCell[s] = i;
        segUsed[s] += ws;
        double e = weight == null ? ws : weight[i];
        int c = segLast[s];
        double xt = clamp(t, lo, hi - ws);
        if (c < 0 || cX[c] + cW[c] <= xt) {
            c = numClusters++;
            cE[c] = e;
            cQ[c] = e * t;
            cW[c] = ws;
            cX[c] = xt;
            cFirst[c] = i;
            cPrev[c] = segLast[s];
            segLast[s] = c;
            return;
        }
        cE[c] += e;
        cQ[c] += e * (t - cW[c]);
        cW[c] += ws;
        while (true) {
            double x = clamp(cQ[c] / cE[c], lo, hi - cW[c]);
            cX[c] = x;
            int prev = cPrev[c];
            if (prev >= 0 && cX[prev] + cW[prev] > x) {
                cQ[prev] += cQ[c] - cE[c] * cW[prev];
                cE[prev] += cE[c];
                cW[prev] += cW[c];
                segLast[s] = prev;
                c = prev;
            } else {
                return;
            }
        }
    }

    /** Segment of local cell i, or -1 when it was not placed. */
    int segmentOf(int i) {
        return cellSeg[i];
    }

    /**
     * Writes snapped positions: cluster starts are rounded to sites, then pushed right past their
     * left neighbour and left inside the segment end, so no overlap can result.
     *
     * @param node node id of every local cell
     */
    void write(int[] node, double[] x, double[] y) {
        Row[] rows = seg.rows();
        int[] stack = new int[16];
        long[] start = new long[16];
        for (int s = 0; s < seg.numSegments(); s++) {
            int m = 0;
            for (int c = segLast[s]; c >= 0; c = cPrev[c]) {
                if (m == stack.length) {
                    stack = java.util.Arrays.copyOf(stack, m * 2);
                    start = java.util.Arrays.copyOf(start, m * 2);
                }
                stack[m++] = c;
            }
            if (m == 0) {
                continue;
            }
            // clusters left to right are stack[m-1] .. stack[0]
            long prevEnd = seg.siteLo(s);
            for (int j = m - 1; j >= 0; j--) {
                int c = stack[j];
                long k = Math.max(Math.round(cX[c]), prevEnd);
                start[j] = k;
                prevEnd = k + Math.round(cW[c]);
            }
            long nextStart = seg.siteHi(s);
            for (int j = 0; j < m; j++) {
                long k = Math.min(start[j], nextStart - Math.round(cW[stack[j]]));
                start[j] = k;
                nextStart = k;
            }
            Row row = rows[seg.segRow(s)];
            int j = m - 1;
            long k = start[j];
            for (int i = segFirstCell[s]; i >= 0; i = cellNext[i]) {
                if (j > 0 && cFirst[stack[j - 1]] == i) {
                    j--;
                    k = start[j];
                }
                x[node[i]] = row.x() + k * row.siteSpacing();
                y[node[i]] = row.y();
                k += cellSites[i];
            }
        }
    }
}
