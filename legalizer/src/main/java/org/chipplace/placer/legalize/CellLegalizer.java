package org.chipplace.placer.legalize;

import java.util.Arrays;
import java.util.TreeSet;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.placer.rows.RowSegments;

/**
 * Standard-cell legalization with Abacus (Spindler et al., ISPD 2008) on row segments.
 *
 * <p>Rows are cut into segments by every {@link NodeKind#FIXED} object and every
 * {@link NodeKind#MACRO} node overlapping them (macros must be legal already; they are not moved).
 * Multi-row-height cells ({@link NodeKind#CELL}s taller than the row height, spanning
 * {@link Netlist#rowSpan} rows) are legalized first, each at its nearest spot on abutting rows of the
 * right power-rail parity (even-height cells on N rows; see {@code MultiRowLegalizer}), and then
 * block rows as well. The single-row cells are inserted in order of
 * global x; each tries the segments of the rows around its global y, widening the search row by row
 * until the vertical distance alone exceeds the best cost found (so a cell for which the nearby rows
 * are full searches all rows). Cell widths are rounded up to whole sites; final cluster positions are
 * snapped to the site grid without creating overlap. Cell y is set to its row's bottom; orientations
 * are not changed. With {@link LegalizerOptions#pinWeighted()} a cell's Abacus weight is its pin
 * count (at least 1), else its width in sites.
 *
 * <p>Failure handling: the total cell area is checked first; a cell wider than every segment is
 * reported; if fragmentation leaves some cells without room,
 * segments are instead assigned by best-fit-decreasing bin packing (widest cell first into the
 * fullest segment that still holds it), or worst-fit-decreasing if that fails (both assume one site
 * spacing for all rows), and each segment is
 * then placed by Abacus in x order; if even that fails a {@link LegalizationException} is thrown.
 */
public final class CellLegalizer {
    private static final double EPS = 1e-6;

    private CellLegalizer() {
    }

    /**
     * Legalizes all cells of {@code nl} in {@code p} (updated in place).
     *
     * @throws LegalizationException   when the cells cannot fit into the free row space
     * @throws IllegalArgumentException when a cell position is NaN or infinite
     */
    public static void legalize(Netlist nl, Placement p, LegalizerOptions o) {
        double rh = nl.rowHeight();
        double[] w = nl.widths();
        double[] h = nl.heights();
        byte[] kind = nl.kinds();
        int n = nl.numNodes();
        boolean[] multi = new boolean[n];
        boolean anyMulti = false;
        int count = 0;
        for (int v = 0; v < n; v++) {
            if (kind[v] == NodeKind.CELL.code()) {
                if (!Double.isFinite(p.x()[v]) || !Double.isFinite(p.y()[v])) {
                    throw new IllegalArgumentException("cell " + nl.nodeNames()[v] + " has no finite position ("
                            + p.x()[v] + ", " + p.y()[v] + ")");
                }
                if (h[v] > rh + EPS) {
                    multi[v] = true;
                    anyMulti = true;
                } else {
                    count++;
                }
            }
        }
        if (anyMulti) {
            MultiRowLegalizer.legalize(nl, p, multi, o);
        }
        if (count == 0) {
            return;
        }
        if (nl.rows().length == 0) {
            throw new LegalizationException("design " + nl.name() + " has no rows for its " + count + " cells");
        }
        RowSegments seg = RowSegments.build(nl, p, RowSegments.defaultBlockages(nl), o.threads());
        int[] node = new int[count];
        int k = 0;
        for (int v = 0; v < n; v++) {
            if (kind[v] == NodeKind.CELL.code() && !multi[v]) {
                node[k++] = v;
            }
        }
        checkCapacity(nl, seg, node);
        int[] order = sortByX(node, p.x(), null);
        double[] weight = o.pinWeighted() ? pinWeights(nl, node) : null;
        Abacus a = new Abacus(seg, count, o.verticalWeight(), weight);
        int[] failed = run(a, order, node, w, h, p);
        if (failed.length > 0) {
            int[] assign = packDecreasing(nl, seg, node, true);
            if (assign == null) {
                assign = packDecreasing(nl, seg, node, false);
            }
            if (assign == null) {
                int v = node[failed[0]];
                throw new LegalizationException(failed.length + " cells found no free segment near their "
                        + "position, e.g. cell " + nl.nodeNames()[v] + " (w=" + w[v] + "), and best-fit and "
                        + "worst-fit decreasing packing failed too: the free row space ("
                        + String.format("%.6g", seg.freeArea()) + ") is too fragmented");
            }
            a = new Abacus(seg, count, o.verticalWeight(), weight);
            for (int i : order) {
                a.placeIn(assign[i], i, w[node[i]], p.x()[node[i]]);
            }
        }
        a.write(node, p.x(), p.y());
    }

    /** Abacus weight of every local cell: its number of pins, at least 1. */
    static double[] pinWeights(Netlist nl, int[] node) {
        int[] start = nl.nodePinStart();
        double[] wt = new double[node.length];
        for (int i = 0; i < node.length; i++) {
            wt[i] = Math.max(1, start[node[i] + 1] - start[node[i]]);
        }
        return wt;
    }

    private static int[] run(Abacus a, int[] order, int[] node, double[] w, double[] h, Placement p) {
        int[] failed = new int[order.length];
        int f = 0;
        double[] x = p.x();
        double[] y = p.y();
        for (int i : order) {
            int v = node[i];
            if (!a.insert(i, w[v], h[v], x[v], y[v])) {
                failed[f++] = i;
            }
        }
        return Arrays.copyOf(failed, f);
    }

    /**
     * Fallback when Abacus leaves cells without room: bin packing of all cells into segments, widest
     * first, each into the segment with the least ({@code bestFit}) or most free room that holds it.
     * Returns the segment of every local cell, or null when the packing fails.
     */
    private static int[] packDecreasing(Netlist nl, RowSegments seg, int[] node, boolean bestFit) {
        double[] w = nl.widths();
        double sp = nl.rows()[0].siteSpacing();
        int m = node.length;
        long[] byWidth = new long[m];
        for (int i = 0; i < m; i++) {
            byWidth[i] = ((long) -RowSegments.sitesOf(w[node[i]], sp) << 32) | i;
        }
        Arrays.sort(byWidth);
        TreeSet<Long> free = new TreeSet<>();
        for (int s = 0; s < seg.numSegments(); s++) {
            free.add(((long) (seg.siteHi(s) - seg.siteLo(s)) << 32) | s);
        }
        int[] assign = new int[m];
        for (long key : byWidth) {
            int i = (int) (key & 0xffffffffL);
            int ws = RowSegments.sitesOf(w[node[i]], sp);
            Long fit = bestFit ? free.ceiling((long) ws << 32) : free.last();
            if (fit == null || (fit >>> 32) < ws) {
                return null;
            }
            free.remove(fit);
            int s = (int) (fit & 0xffffffffL);
            assign[i] = s;
            long left = (fit >>> 32) - ws;
            free.add((left << 32) | s);
        }
        return assign;
    }

    private static void checkCapacity(Netlist nl, RowSegments seg, int[] node) {
        double[] w = nl.widths();
        double sp = nl.rows()[0].siteSpacing();
        double rh = nl.rowHeight();
        double need = 0;
        int widest = -1;
        for (int v : node) {
            need += RowSegments.sitesOf(w[v], sp) * sp * rh;
            if (widest < 0 || w[v] > w[widest]) {
                widest = v;
            }
        }
        double free = seg.freeArea();
        if (need > free + EPS) {
            throw new LegalizationException(String.format("cells need %.6g area but rows offer %.6g free", need, free));
        }
        double maxSeg = 0;
        for (int s = 0; s < seg.numSegments(); s++) {
            maxSeg = Math.max(maxSeg, seg.xHi(s) - seg.xLo(s));
        }
        if (RowSegments.sitesOf(w[widest], sp) * sp > maxSeg + EPS) {
            throw new LegalizationException("cell " + nl.nodeNames()[widest] + " (w=" + w[widest]
                    + ") is wider than every free segment (widest " + maxSeg + ")");
        }
    }

    /**
     * Local indices sorted by global x (ties by index); with {@code first} given, the flagged cells
     * come first (each group sorted by x).
     */
    static int[] sortByX(int[] node, double[] x, boolean[] first) {
        int m = node.length;
        long[] key = new long[m];
        for (int i = 0; i < m; i++) {
            int fk = Float.floatToIntBits((float) x[node[i]]);
            fk ^= (fk >> 31) & 0x7fffffff;
            key[i] = ((long) fk << 32) | i;
        }
        Arrays.sort(key);
        int[] out = new int[m];
        int k = 0;
        for (int pass = first == null ? 1 : 0; pass < 2; pass++) {
            for (int j = 0; j < m; j++) {
                int i = (int) (key[j] & 0xffffffffL);
                if (first == null || first[i] == (pass == 0)) {
                    out[k++] = i;
                }
            }
        }
        return out;
    }
}
