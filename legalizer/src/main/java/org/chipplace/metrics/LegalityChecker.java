package org.chipplace.metrics;

import java.util.Arrays;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;

/**
 * Checks a placement for legality: overlap, core containment, row and site alignment.
 *
 * <ul>
 *   <li>Overlap: exact total pairwise overlap area and pair count among movable objects
 *       ({@link NodeKind#CELL}, {@link NodeKind#MACRO}) and between movable objects and blocking fixed
 *       objects ({@link NodeKind#FIXED}) that overlap the core. {@link NodeKind#FIXED_NI} objects and
 *       fixed-fixed pairs are ignored. {@code O(n log n)} sweep line (see {@link OverlapSweep});
 *       abutting objects do not overlap; overlaps thinner than epsilon are ignored.</li>
 *   <li>Outside core: movable objects with any edge more than epsilon beyond the core. Skipped
 *       when the core is empty.</li>
 *   <li>Rows (standard cells only): the bottom must be within epsilon of a row's y; a cell taller
 *       than that row (a multi-row-height cell) must be covered by abutting rows from its bottom to
 *       exactly its top, each holding its x range (a missing row counts it off row).</li>
 *   <li>Power-rail parity: a multi-row cell spanning an even number of rows whose bottom row has
 *       {@link Row#parity()} 1 ({@code FS}/{@code S}) counts in {@link Legality#cellsWrongParity()}
 *       (rows of unknown orientation never do). Sites: on the bottom row
 *       (or a sub-row at the same y) the cell must lie within the row's x range and
 *       {@code x - row.x} must be a multiple of the site spacing, within epsilon. Off-row cells are
 *       not counted as off-site. Skipped (0) when the design has no rows.</li>
 *   <li>Halos (DEF {@code + HALO}, {@link Netlist#halos()}): a standard cell overlapping the halo box
 *       of a macro or blocking object (the object grown by its margins) counts as an overlap pair
 *       with that area, so a placement with cells in a halo is not legal.</li>
 *   <li>Macros are checked for overlap and containment only.</li>
 * </ul>
 * Node dimensions are taken from the netlist as they are (orientations are not applied).
 */
public final class LegalityChecker {
    private static final byte CELL = NodeKind.CELL.code();
    private static final byte MACRO = NodeKind.MACRO.code();
    private static final byte FIXED = NodeKind.FIXED.code();

    private LegalityChecker() {
    }

    /** Checks with the default tolerance {@link MetricsOptions#DEFAULT_EPSILON}. */
    public static Legality check(Netlist nl, Placement p) {
        return check(nl, p, MetricsOptions.DEFAULT_EPSILON);
    }

    /** Checks with tolerance {@code eps} (database units). */
    public static Legality check(Netlist nl, Placement p, double eps) {
        if (p.size() < nl.numNodes()) {
            throw new IllegalArgumentException("placement has " + p.size() + " nodes, netlist " + nl.numNodes());
        }
        OverlapSweep.Result ov = overlap(nl, p, eps);
        int outside = outsideCore(nl, p, eps);
        int[] rowSite = rowsAndSites(nl, p, eps);
        boolean legal = ov.pairs() == 0 && ov.area() == 0 && outside == 0 && rowSite[0] == 0 && rowSite[1] == 0
                && rowSite[2] == 0;
        return new Legality(ov.area(), ov.pairs(), outside, rowSite[0], rowSite[1], rowSite[2], legal);
    }

    /** Overlap among movable objects and between movable and blocking fixed objects. */
    static OverlapSweep.Result overlap(Netlist nl, Placement p, double eps) {
        int n = nl.numNodes();
        double[] x = p.x(), y = p.y(), w = nl.widths(), h = nl.heights();
        byte[] kind = nl.kinds();
        double cxl = nl.coreXl(), cyl = nl.coreYl(), cxh = nl.coreXh(), cyh = nl.coreYh();
        int count = 0;
        for (int v = 0; v < n; v++) {
            if (include(kind[v], x[v], y[v], w[v], h[v], cxl, cyl, cxh, cyh)) {
                count++;
            }
        }
        double[] rxl = new double[count], ryl = new double[count], rxh = new double[count], ryh = new double[count];
        boolean[] fixed = new boolean[count];
        int k = 0;
        for (int v = 0; v < n; v++) {
            if (include(kind[v], x[v], y[v], w[v], h[v], cxl, cyl, cxh, cyh)) {
                rxl[k] = x[v];
                ryl[k] = y[v];
                rxh[k] = x[v] + w[v];
                ryh[k] = y[v] + h[v];
                fixed[k] = kind[v] == FIXED;
                k++;
            }
        }
        OverlapSweep.Result r = OverlapSweep.run(rxl, ryl, rxh, ryh, fixed, count, eps);
        OverlapSweep.Result inHalos = cellsInHalos(nl, p, eps);
        return inHalos == null ? r : new OverlapSweep.Result(r.area() + inHalos.area(), r.pairs() + inHalos.pairs());
    }

    /**
     * Overlap between standard cells and the halos (DEF {@code HALO}) of macros and blocking objects:
     * each halo box (the object grown by its margins) against every cell, the halo boxes among
     * themselves ignored; null when the design has no halos.
     */
    static OverlapSweep.Result cellsInHalos(Netlist nl, Placement p, double eps) {
        double[] halo = nl.halos();
        if (halo == null) {
            return null;
        }
        int n = nl.numNodes();
        double[] x = p.x(), y = p.y(), w = nl.widths(), h = nl.heights();
        byte[] kind = nl.kinds();
        int count = 0;
        for (int v = 0; v < n; v++) {
            if (kind[v] == CELL || ((kind[v] == MACRO || kind[v] == FIXED) && nl.hasHalo(v))) {
                count++;
            }
        }
        double[] rxl = new double[count], ryl = new double[count], rxh = new double[count], ryh = new double[count];
        boolean[] box = new boolean[count];
        int k = 0;
        for (int v = 0; v < n; v++) {
            boolean cell = kind[v] == CELL;
            if (cell || ((kind[v] == MACRO || kind[v] == FIXED) && nl.hasHalo(v))) {
                rxl[k] = x[v] - (cell ? 0 : halo[4 * v]);
                ryl[k] = y[v] - (cell ? 0 : halo[4 * v + 1]);
                rxh[k] = x[v] + w[v] + (cell ? 0 : halo[4 * v + 2]);
                ryh[k] = y[v] + h[v] + (cell ? 0 : halo[4 * v + 3]);
                box[k] = !cell;
                k++;
            }
        }
        // cells among themselves were counted by the main sweep: count only cell-halo pairs here
        OverlapSweep.Result all = OverlapSweep.run(rxl, ryl, rxh, ryh, box, count, eps);
        double[] cxl = new double[count], cyl = new double[count], cxh = new double[count], cyh = new double[count];
        int c = 0;
        for (int i = 0; i < count; i++) {
            if (!box[i]) {
                cxl[c] = rxl[i];
                cyl[c] = ryl[i];
                cxh[c] = rxh[i];
                cyh[c] = ryh[i];
                c++;
            }
        }
        OverlapSweep.Result cells = OverlapSweep.run(cxl, cyl, cxh, cyh, new boolean[c], c, eps);
        return new OverlapSweep.Result(all.area() - cells.area(), all.pairs() - cells.pairs());
    }

    private static boolean include(byte kind, double x, double y, double w, double h,
                                   double cxl, double cyl, double cxh, double cyh) {
        if (kind == CELL || kind == MACRO) {
            return true;
        }
        // blocking fixed objects count only when they overlap the core
        return kind == FIXED && x < cxh && x + w > cxl && y < cyh && y + h > cyl;
    }

    /** Movable objects with any part more than eps outside the core (0 when the core is empty). */
    static int outsideCore(Netlist nl, Placement p, double eps) {
        double cxl = nl.coreXl(), cyl = nl.coreYl(), cxh = nl.coreXh(), cyh = nl.coreYh();
        if (!(cxh > cxl && cyh > cyl)) {
            return 0;
        }
        double[] x = p.x(), y = p.y(), w = nl.widths(), h = nl.heights();
        byte[] kind = nl.kinds();
        int count = 0;
        for (int v = 0, n = nl.numNodes(); v < n; v++) {
            if ((kind[v] == CELL || kind[v] == MACRO)
                    && (x[v] < cxl - eps || y[v] < cyl - eps || x[v] + w[v] > cxh + eps || y[v] + h[v] > cyh + eps)) {
                count++;
            }
        }
        return count;
    }

    /** {cells off row, cells off site, even-height cells on a row of the wrong parity}. */
    static int[] rowsAndSites(Netlist nl, Placement p, double eps) {
        Row[] rows = nl.rows();
        int r = rows.length;
        if (r == 0) {
            return new int[3];
        }
        double[] ry = new double[r], rtop = new double[r], rx = new double[r], rxh = new double[r], sp = new double[r];
        for (int i = 0; i < r; i++) {
            ry[i] = rows[i].y();
            rtop[i] = rows[i].yMax();
            rx[i] = rows[i].x();
            rxh[i] = rows[i].xMax();
            sp[i] = rows[i].siteSpacing();
        }
        double[] x = p.x(), y = p.y(), w = nl.widths(), h = nl.heights();
        byte[] kind = nl.kinds();
        int offRow = 0, offSite = 0, parity = 0;
        for (int v = 0, n = nl.numNodes(); v < n; v++) {
            if (kind[v] != CELL) {
                continue;
            }
            int first = lowerBound(ry, y[v] - eps);
            if (first >= r || ry[first] > y[v] + eps) {
                offRow++;
                continue;
            }
            if (h[v] > rtop[first] - ry[first] + eps) {
                // multi-row cell: rows must cover it without gaps, bottom to top, and have its height
                int bottom = -1;
                int span = 0;
                double yy = y[v];
                while (yy < y[v] + h[v] - eps) {
                    int c = covering(ry, rx, rxh, yy, x[v], w[v], eps);
                    if (c < 0) {
                        break;
                    }
                    bottom = bottom < 0 ? c : bottom;
                    span++;
                    yy = rtop[c];
                }
                if (Math.abs(yy - y[v] - h[v]) > eps) {
                    offRow++;
                    continue;
                }
                if (span % 2 == 0 && rows[bottom].parity() == 1) {
                    parity++;
                }
            }
            // sub-rows at this y: first .. last-1, sorted by x; candidate = last with rx <= x + eps
            int last = upperBound(ry, 0, r, ry[first]);
            int cand = upperBound(rx, first, last, x[v] + eps) - 1;
            if (!onSite(rx, rxh, sp, Math.max(first, cand - 1), cand, x[v], w[v], eps)) {
                offSite++;
            }
        }
        return new int[] {offRow, offSite, parity};
    }

    /** A row whose bottom is at {@code yy} and whose x range holds {@code [x, x+w]}, or -1. */
    private static int covering(double[] ry, double[] rx, double[] rxh, double yy, double x, double w, double eps) {
        int first = lowerBound(ry, yy - eps);
        for (int i = first; i < ry.length && ry[i] <= yy + eps; i++) {
            if (rx[i] <= x + eps && rxh[i] >= x + w - eps) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the cell is on a site of one of the sub-rows {@code from..to} (inclusive). */
    private static boolean onSite(double[] rx, double[] rxh, double[] sp, int from, int to, double x, double w,
                                  double eps) {
        for (int i = to; i >= from; i--) {
            if (x < rx[i] - eps || x + w > rxh[i] + eps) {
                continue;
            }
            double q = (x - rx[i]) / sp[i];
            if (Math.abs(q - Math.rint(q)) * sp[i] <= eps) {
                return true;
            }
        }
        return false;
    }

    /** First index with {@code a[i] >= key} in the sorted array {@code a}. */
    private static int lowerBound(double[] a, double key) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index in {@code from..to-1} with {@code a[i] > key} ({@code a} sorted there), else {@code to}. */
    private static int upperBound(double[] a, int from, int to, double key) {
        int lo = from, hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
