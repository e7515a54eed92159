package org.chipplace.placer.rows;

import java.util.Arrays;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;
import org.chipplace.parallel.Parallel;

/**
 * The free parts of the placement rows: every {@link Row} of the netlist minus the blockages that
 * overlap it, cut into segments whose ends lie on the row's site grid. Shared by the cell
 * legalizer and the detailed placer.
 *
 * <p>Layout: segments are numbered row by row (rows in {@link Netlist#rows()} order, segments of a
 * row sorted by x); the segments of row {@code r} are {@code rowSegStart(r) .. rowSegStart(r+1)-1}.
 * Segment {@code s} covers sites {@code siteLo(s) .. siteHi(s)-1} of its row, that is x in
 * {@code [row.x + siteLo*siteSpacing, row.x + siteHi*siteSpacing)}. A blockage overlapping any part of
 * a site removes the whole site.
 */
public final class RowSegments {
    private static final double EPS = 1e-6;
    private final Row[] rows;
    private final int[] rowSegStart;
    private final int[] segRow;
    private final int[] siteLo;
    private final int[] siteHi;

    private RowSegments(Row[] rows, int[] rowSegStart, int[] segRow, int[] siteLo, int[] siteHi) {
        this.rows = rows;
        this.rowSegStart = rowSegStart;
        this.segRow = segRow;
        this.siteLo = siteLo;
        this.siteHi = siteHi;
    }

    /**
     * The default blockages: {@link NodeKind#FIXED} nodes, {@link NodeKind#MACRO} nodes and cells
     * taller than the netlist's row height (multi-row cells). {@link NodeKind#FIXED_NI} never blocks.
     */
    public static boolean[] defaultBlockages(Netlist nl) {
        boolean[] b = new boolean[nl.numNodes()];
        double rh = nl.rowHeight();
        byte[] k = nl.kinds();
        double[] h = nl.heights();
        for (int v = 0; v < b.length; v++) {
            b[v] = k[v] == NodeKind.FIXED.code() || k[v] == NodeKind.MACRO.code()
                    || (k[v] == NodeKind.CELL.code() && h[v] > rh + EPS);
        }
        return b;
    }

    /** Builds the segments of all rows of {@code nl}, cutting at the nodes with {@code blockage[v]}. */
    public static RowSegments build(Netlist nl, Placement p, boolean[] blockage, int threads) {
        Row[] rows = nl.rows();
        int nr = rows.length;
        double[] rowY = new double[nr];
        for (int r = 0; r < nr; r++) {
            rowY[r] = rows[r].y();
        }
        // blocked intervals per row, CSR by two passes
        double[] x = p.x();
        double[] y = p.y();
        double[] w = nl.widths();
        double[] h = nl.heights();
        double[] halo = nl.halos();
        int[] cnt = new int[nr + 1];
        double maxH = maxRowHeight(rows);
        for (int pass = 0; pass < 2; pass++) {
            int[] fill = pass == 1 ? cnt.clone() : null;
            double[] lo = pass == 1 ? new double[cnt[nr]] : null;
            double[] hi = pass == 1 ? new double[cnt[nr]] : null;
            for (int v = 0; v < blockage.length; v++) {
                if (!blockage[v] || w[v] <= 0 || h[v] <= 0) {
                    continue;
                }
                // the blocked box: the node and its halo (DEF HALO: cells keep clear of it)
                boolean hv = halo != null && nl.hasHalo(v);
                double bxl = x[v] - (hv ? halo[4 * v] : 0), byl = y[v] - (hv ? halo[4 * v + 1] : 0);
                double bxh = x[v] + w[v] + (hv ? halo[4 * v + 2] : 0), byh = y[v] + h[v] + (hv ? halo[4 * v + 3] : 0);
                int r = lowerBound(rowY, byl + EPS - maxH);
                for (; r < nr && rowY[r] < byh - EPS; r++) {
                    Row row = rows[r];
                    if (row.yMax() <= byl + EPS || row.x() >= bxh - EPS || row.xMax() <= bxl + EPS) {
                        continue;
                    }
                    if (pass == 0) {
                        cnt[r + 1]++;
                    } else {
                        int i = fill[r]++;
                        lo[i] = bxl;
                        hi[i] = bxh;
                    }
                }
            }
            if (pass == 0) {
                for (int r = 0; r < nr; r++) {
                    cnt[r + 1] += cnt[r];
                }
            } else {
                return subtract(rows, cnt, lo, hi, threads);
            }
        }
        throw new AssertionError();
    }

    private static double maxRowHeight(Row[] rows) {
        double m = 0;
        for (Row r : rows) {
            m = Math.max(m, r.height());
        }
        return m;
    }

    private static RowSegments subtract(Row[] rows, int[] start, double[] lo, double[] hi, int threads) {
        int nr = rows.length;
        int[][] segLo = new int[nr][];
        int[][] segHi = new int[nr][];
        Parallel.forRange(threads, nr, (a, b) -> {
            for (int r = a; r < b; r++) {
                rowSegments(rows[r], lo, hi, start[r], start[r + 1], segLo, segHi, r);
            }
        });
        int[] rowSegStart = new int[nr + 1];
        for (int r = 0; r < nr; r++) {
            rowSegStart[r + 1] = rowSegStart[r] + segLo[r].length;
        }
        int ns = rowSegStart[nr];
        int[] segRow = new int[ns];
        int[] sl = new int[ns];
        int[] sh = new int[ns];
        for (int r = 0; r < nr; r++) {
            int s0 = rowSegStart[r];
            System.arraycopy(segLo[r], 0, sl, s0, segLo[r].length);
            System.arraycopy(segHi[r], 0, sh, s0, segHi[r].length);
            Arrays.fill(segRow, s0, rowSegStart[r + 1], r);
        }
        return new RowSegments(rows, rowSegStart, segRow, sl, sh);
    }

    private static void rowSegments(Row row, double[] lo, double[] hi, int a, int b, int[][] outLo,
                                    int[][] outHi, int r) {
        int m = b - a;
        // blocked site ranges [bl, bh) sorted by bl
        long[] packed = new long[m];
        int[] bl = new int[m];
        int[] bh = new int[m];
        double sp = row.siteSpacing();
        for (int i = 0; i < m; i++) {
            bl[i] = (int) Math.max(0, Math.floor((lo[a + i] - row.x()) / sp + EPS));
            bh[i] = (int) Math.min(row.numSites(), Math.ceil((hi[a + i] - row.x()) / sp - EPS));
            packed[i] = ((long) bl[i] << 32) | i;
        }
        Arrays.sort(packed);
        int[] tl = new int[m + 1];
        int[] th = new int[m + 1];
        int k = 0;
        int cur = 0;
        for (int j = 0; j < m; j++) {
            int i = (int) (packed[j] & 0xffffffffL);
            if (bl[i] > cur) {
                tl[k] = cur;
                th[k++] = bl[i];
            }
            cur = Math.max(cur, bh[i]);
        }
        if (row.numSites() > cur) {
            tl[k] = cur;
            th[k++] = row.numSites();
        }
        outLo[r] = Arrays.copyOf(tl, k);
        outHi[r] = Arrays.copyOf(th, k);
    }

    /** First index {@code i} with {@code a[i] >= key} ({@code a} sorted ascending). */
    private static int lowerBound(double[] a, double key) {
        int l = 0;
        int h = a.length;
        while (l < h) {
            int mid = (l + h) >>> 1;
            if (a[mid] < key) {
                l = mid + 1;
            } else {
                h = mid;
            }
        }
        return l;
    }

    /** Width of a node in whole sites (rounded up). */
    public static int sitesOf(double width, double siteSpacing) {
        return (int) Math.ceil(width / siteSpacing - EPS);
    }

    public Row[] rows() {
        return rows;
    }

    public int numRows() {
        return rows.length;
    }

    public int numSegments() {
        return segRow.length;
    }

    /** First segment of row {@code r}; {@code rowSegStart(numRows())} is the segment count. */
    public int rowSegStart(int r) {
        return rowSegStart[r];
    }

    public int segRow(int s) {
        return segRow[s];
    }

    /** First site of segment {@code s} (site index within its row). */
    public int siteLo(int s) {
        return siteLo[s];
    }

    /** One past the last site of segment {@code s}. */
    public int siteHi(int s) {
        return siteHi[s];
    }

    /** Left edge of segment {@code s}. */
    public double xLo(int s) {
        Row r = rows[segRow[s]];
        return r.x() + siteLo[s] * r.siteSpacing();
    }

    /** Right edge of segment {@code s}. */
    public double xHi(int s) {
        Row r = rows[segRow[s]];
        return r.x() + siteHi[s] * r.siteSpacing();
    }

    /** Total number of free sites times site spacing times row height, summed over segments. */
    public double freeArea() {
        double a = 0;
        for (int s = 0; s < segRow.length; s++) {
            Row r = rows[segRow[s]];
            a += (siteHi[s] - siteLo[s]) * r.siteSpacing() * r.height();
        }
        return a;
    }

    /**
     * The segment of row {@code r} that contains x, or, when x lies in a blockage, the nearest one to
     * its right (or the last segment of the row); -1 when the row has no segment.
     */
    public int segmentAt(int r, double x) {
        int a = rowSegStart[r];
        int b = rowSegStart[r + 1];
        if (a == b) {
            return -1;
        }
        int l = a;
        int h = b;
        while (l < h) { // first segment whose right edge is > x
            int mid = (l + h) >>> 1;
            if (xHi(mid) <= x) {
                l = mid + 1;
            } else {
                h = mid;
            }
        }
        return Math.min(l, b - 1);
    }

    /** Index of the row whose bottom is nearest to {@code y} (rows sorted by y); -1 when none. */
    public int nearestRow(double y) {
        int l = 0;
        int h = rows.length;
        while (l < h) {
            int mid = (l + h) >>> 1;
            if (rows[mid].y() < y) {
                l = mid + 1;
            } else {
                h = mid;
            }
        }
        if (l == rows.length) {
            return rows.length - 1;
        }
        if (l > 0 && y - rows[l - 1].y() <= rows[l].y() - y) {
            return l - 1;
        }
        return l;
    }
}
