package org.chipplace.placer.detailed;

import java.util.Arrays;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;
import org.chipplace.placer.rows.RowSegments;

/**
 * The single-row cells of each row segment, sorted by x: {@code cells(s)[0 .. count(s)-1]}, with
 * {@link #segOf} and {@link #indexOf} per node. Gives the free space around a cell (between its
 * neighbours' edges or the segment ends) and keeps itself sorted under swaps and gap moves.
 */
final class SegmentCells {
    private static final double EPS = 1e-6;
    final RowSegments seg;
    final double[] x;
    final double[] y;
    final double[] w;
    private final int[][] cells;
    private final int[] count;
    private final int[] segOf;
    private final int[] indexOf;
    /** Movable single-row cells, in node order. */
    final int[] movable;

    SegmentCells(Netlist nl, Placement p, RowSegments seg) {
        this.seg = seg;
        this.x = p.x();
        this.y = p.y();
        this.w = nl.widths();
        int n = nl.numNodes();
        int ns = seg.numSegments();
        segOf = new int[n];
        indexOf = new int[n];
        Arrays.fill(segOf, -1);
        count = new int[ns];
        boolean[] block = RowSegments.defaultBlockages(nl);
        int m = 0;
        for (int v = 0; v < n; v++) {
            if (nl.kind(v) == NodeKind.CELL && !block[v]) {
                m++;
            }
        }
        movable = new int[m];
        m = 0;
        for (int v = 0; v < n; v++) {
            if (nl.kind(v) == NodeKind.CELL && !block[v]) {
                movable[m++] = v;
                int s = locate(nl, v);
                segOf[v] = s;
                count[s]++;
            }
        }
        cells = new int[ns][];
        for (int s = 0; s < ns; s++) {
            cells[s] = new int[Math.max(4, count[s] + count[s] / 4)];
            count[s] = 0;
        }
        for (int v : movable) {
            int s = segOf[v];
            cells[s][count[s]++] = v;
        }
        for (int s = 0; s < ns; s++) {
            sortSegment(s);
            for (int k = 1; k < count[s]; k++) {
                int a = cells[s][k - 1];
                int b = cells[s][k];
                if (x[a] + w[a] > x[b] + EPS) {
                    throw new IllegalArgumentException("placement is not legal: " + nl.nodeNames()[a] + " overlaps "
                            + nl.nodeNames()[b]);
                }
            }
        }
    }

    private int locate(Netlist nl, int v) {
        int r = seg.nearestRow(y[v]);
        if (r >= 0 && Math.abs(seg.rows()[r].y() - y[v]) < EPS) {
            // subrows may share y: look at all rows with this y
            int r0 = r;
            while (r0 > 0 && Math.abs(seg.rows()[r0 - 1].y() - y[v]) < EPS) {
                r0--;
            }
            for (int rr = r0; rr < seg.numRows() && Math.abs(seg.rows()[rr].y() - y[v]) < EPS; rr++) {
                int s = seg.segmentAt(rr, x[v]);
                if (s >= 0 && x[v] >= seg.xLo(s) - EPS && x[v] + w[v] <= seg.xHi(s) + EPS) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("placement is not legal: cell " + nl.nodeNames()[v] + " at (" + x[v]
                + ", " + y[v] + ") is not inside a free row segment; legalize first");
    }

    private void sortSegment(int s) {
        int c = count[s];
        long[] key = new long[c];
        int[] cs = cells[s];
        for (int k = 0; k < c; k++) {
            Row row = seg.rows()[seg.segRow(s)];
            long site = Math.round((x[cs[k]] - row.x()) / row.siteSpacing());
            key[k] = (site << 32) | k;
        }
        Arrays.sort(key);
        int[] sorted = new int[c];
        for (int k = 0; k < c; k++) {
            sorted[k] = cs[(int) (key[k] & 0xffffffffL)];
        }
        System.arraycopy(sorted, 0, cs, 0, c);
        for (int k = 0; k < c; k++) {
            indexOf[cs[k]] = k;
        }
    }

    int count(int s) {
        return count[s];
    }

    int cell(int s, int k) {
        return cells[s][k];
    }

    int segOf(int v) {
        return segOf[v];
    }

    int indexOf(int v) {
        return indexOf[v];
    }

    /** Left edge of the free space before slot k of segment s (the previous cell's right edge). */
    double leftBound(int s, int k) {
        return k == 0 ? seg.xLo(s) : x[cells[s][k - 1]] + w[cells[s][k - 1]];
    }

    /** Right edge of the free space after slot k of segment s (the next cell's left edge). */
    double rightBound(int s, int k) {
        return k + 1 >= count[s] ? seg.xHi(s) : x[cells[s][k + 1]];
    }

    /** Right edge of the gap before slot k (k == count: the segment end). */
    double gapRight(int s, int k) {
        return k >= count[s] ? seg.xHi(s) : x[cells[s][k]];
    }

    /**
     * Site-aligned x in segment s for a node of width wv, nearest to tx and within [lo, hi - wv];
     * NaN when no site fits.
     */
    double snap(int s, double tx, double wv, double lo, double hi) {
        Row row = seg.rows()[seg.segRow(s)];
        double sp = row.siteSpacing();
        double kl = Math.ceil((lo - row.x()) / sp - EPS);
        double kh = Math.floor((hi - wv - row.x()) / sp + EPS);
        if (kh < kl) {
            return Double.NaN;
        }
        double k = Math.max(kl, Math.min(kh, Math.rint((tx - row.x()) / sp)));
        return row.x() + k * sp;
    }

    double rowY(int s) {
        return seg.rows()[seg.segRow(s)].y();
    }

    /** Exchanges the slots of a and b (their positions must already be set consistently). */
    void swapSlots(int a, int b) {
        int sa = segOf[a];
        int ka = indexOf[a];
        int sb = segOf[b];
        int kb = indexOf[b];
        cells[sa][ka] = b;
        cells[sb][kb] = a;
        segOf[a] = sb;
        indexOf[a] = kb;
        segOf[b] = sa;
        indexOf[b] = ka;
    }

    /** Puts node v into slot k of segment s (used when permuting cells within a segment). */
    void setSlot(int s, int k, int v) {
        cells[s][k] = v;
        segOf[v] = s;
        indexOf[v] = k;
    }

    /** Moves v from its slot to slot k of segment s (k counted before removal of v). */
    void relocate(int v, int s, int k) {
        int s0 = segOf[v];
        int k0 = indexOf[v];
        int[] c0 = cells[s0];
        System.arraycopy(c0, k0 + 1, c0, k0, count[s0] - k0 - 1);
        count[s0]--;
        for (int j = k0; j < count[s0]; j++) {
            indexOf[c0[j]] = j;
        }
        if (s == s0 && k > k0) {
            k--;
        }
        if (count[s] == cells[s].length) {
            cells[s] = Arrays.copyOf(cells[s], count[s] * 2);
        }
        int[] c = cells[s];
        System.arraycopy(c, k, c, k + 1, count[s] - k);
        c[k] = v;
        count[s]++;
        for (int j = k; j < count[s]; j++) {
            indexOf[c[j]] = j;
        }
        segOf[v] = s;
    }

    /** First slot of segment s whose cell starts at or right of xq (binary search). */
    int slotAt(int s, double xq) {
        int l = 0;
        int h = count[s];
        int[] c = cells[s];
        while (l < h) {
            int mid = (l + h) >>> 1;
            if (x[c[mid]] < xq) {
                l = mid + 1;
            } else {
                h = mid;
            }
        }
        return l;
    }
}
