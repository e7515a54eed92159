package org.chipplace.placer.legalize;

import java.util.Arrays;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;
import org.chipplace.placer.rows.RowSegments;

/**
 * Legalization of multi-row-height standard cells (LEF {@code CLASS CORE} cells two or more rows
 * tall, {@link Netlist#rowSpan} {@code k > 1}): each lands with its bottom on a row, spanning
 * {@code k} consecutive, abutting existing rows whose heights add up to the cell's height, on the
 * site grid, inside the core, overlapping no blockage ({@link NodeKind#FIXED}, {@link NodeKind#MACRO},
 * multi-row cells not being moved) and no multi-row cell placed before it.
 *
 * <p><b>Power-rail parity.</b> A cell spanning an even number of rows has the same rail at its
 * bottom and top, so its bottom row must have the masters' bottom rail: a row of
 * {@link Row#parity()} 0 ({@code N}/{@code FN}) or of unknown parity (-1, e.g. Bookshelf rows).
 * A cell spanning an odd number of rows fits any row (it is flipped with the row: its orientation
 * follows the bottom row, see {@code LefDef.writeDef}).
 *
 * <p><b>Algorithm.</b> Rows are grouped into lines (distinct y). Every line keeps a bit per site of
 * one global site grid (origin: the leftmost row's x, spacing: the first row's): set = free. Rows
 * with another spacing or off that grid, parts outside the core and sites touched by a blockage are
 * not free. Cells go tallest first, then by global x; for each, candidate bottom lines are visited
 * outward from the one nearest its global y, skipping lines of the wrong parity, until the vertical
 * cost alone exceeds the best found; in a candidate band the free bits of its {@code k} lines are
 * ANDed (only the words within reach of the best cost) and the free run of {@code ceil(w/site)} sites
 * nearest the global x is taken. The cost is {@code |dx| + verticalWeight*|dy|}, so each cell gets its
 * exact nearest legal spot given the cells before it. Its sites are then cleared in all its lines.
 * Cost: {@code O(k * words)} per candidate band.
 */
final class MultiRowLegalizer {
    private static final double EPS = 1e-6;
    private final Netlist nl;
    private final double ox;
    private final double sp;
    private final int nw;
    private final double[] lineY;
    private final double[] lineH;
    private final int[] lineParity;
    private final double maxLineH;
    private final long[] free;
    private final long[] band;

    private MultiRowLegalizer(Netlist nl, Placement p, boolean[] moving) {
        this.nl = nl;
        Row[] rows = nl.rows();
        sp = rows[0].siteSpacing();
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        int lines = 0;
        for (int r = 0; r < rows.length; r++) {
            minX = Math.min(minX, rows[r].x());
            maxX = Math.max(maxX, rows[r].xMax());
            if (r == 0 || Math.abs(rows[r].y() - rows[r - 1].y()) > EPS) {
                lines++;
            }
        }
        ox = minX;
        int nSites = (int) Math.ceil((maxX - ox) / sp - EPS);
        nw = (nSites + 63) >>> 6;
        lineY = new double[lines];
        lineH = new double[lines];
        lineParity = new int[lines];
        free = new long[lines * nw];
        band = new long[nw];
        int cLo = (int) Math.max(0, Math.ceil((nl.coreXl() - ox) / sp - EPS));
        int cHi = (int) Math.min(nSites, Math.floor((nl.coreXh() - ox) / sp + EPS));
        int l = -1;
        for (int r = 0; r < rows.length; r++) {
            Row row = rows[r];
            if (r == 0 || Math.abs(row.y() - rows[r - 1].y()) > EPS) {
                l++;
                lineY[l] = row.y();
                lineH[l] = row.height();
                lineParity[l] = row.parity();
            }
            double off = (row.x() - ox) / sp;
            boolean onGrid = Math.abs(row.siteSpacing() - sp) <= EPS && Math.abs(off - Math.rint(off)) * sp <= EPS;
            boolean inCore = row.y() >= nl.coreYl() - EPS && row.yMax() <= nl.coreYh() + EPS
                    && Math.abs(row.height() - lineH[l]) <= EPS;
            if (onGrid && inCore) {
                int a = Math.max(cLo, (int) Math.rint(off));
                int b = Math.min(cHi, (int) Math.rint(off) + row.numSites());
                setBits(free, l * nw, a, b, true);
            }
        }
        double mh = 0;
        for (double lh : lineH) {
            mh = Math.max(mh, lh);
        }
        maxLineH = mh;
        boolean[] block = RowSegments.defaultBlockages(nl);
        double[] x = p.x();
        double[] y = p.y();
        double[] w = nl.widths();
        double[] h = nl.heights();
        double[] halo = nl.halos();
        for (int v = 0; v < block.length; v++) {
            if (block[v] && !moving[v] && w[v] > 0 && h[v] > 0) {
                if (nl.hasHalo(v)) { // the halo is blocked too (DEF HALO)
                    double hl = halo[4 * v], hb = halo[4 * v + 1];
                    clear(x[v] - hl, y[v] - hb, w[v] + hl + halo[4 * v + 2], h[v] + hb + halo[4 * v + 3]);
                } else {
                    clear(x[v], y[v], w[v], h[v]);
                }
            }
        }
    }

    /**
     * Moves every node with {@code moving[v]} (movable multi-row cells) to the nearest legal spot as
     * described in the class comment; {@code p} is updated in place.
     *
     * @throws LegalizationException when a cell fits nowhere
     */
    static void legalize(Netlist nl, Placement p, boolean[] moving, LegalizerOptions o) {
        int count = 0;
        for (boolean m : moving) {
            count += m ? 1 : 0;
        }
        if (count == 0) {
            return;
        }
        if (nl.rows().length == 0) {
            throw new LegalizationException("design " + nl.name() + " has no rows for its " + count
                    + " multi-row cells");
        }
        MultiRowLegalizer lg = new MultiRowLegalizer(nl, p, moving);
        int[] ids = new int[count];
        int k = 0;
        for (int v = 0; v < moving.length; v++) {
            if (moving[v]) {
                ids[k++] = v;
            }
        }
        int[] byX = CellLegalizer.sortByX(ids, p.x(), null);
        int maxSpan = 0;
        for (int v : ids) {
            maxSpan = Math.max(maxSpan, nl.rowSpan(v));
        }
        for (int span = maxSpan; span >= 1; span--) { // tallest first, each height by global x
            for (int i : byX) {
                if (nl.rowSpan(ids[i]) == span) {
                    lg.place(ids[i], p, o.verticalWeight());
                }
            }
        }
    }

    private void place(int v, Placement p, double vw) {
        double w = nl.widths()[v];
        double h = nl.heights()[v];
        int k = nl.rowSpan(v);
        int ws = RowSegments.sitesOf(w, sp);
        double gx = p.x()[v];
        double gy = p.y()[v];
        double tk = (gx - ox) / sp;
        int lines = lineY.length;
        int up = lowerBound(lineY, gy);
        int down = up - 1;
        double best = Double.POSITIVE_INFINITY;
        int bestLine = -1;
        long bestSite = -1;
        while (up < lines || down >= 0) {
            int l;
            if (down < 0 || (up < lines && lineY[up] - gy <= gy - lineY[down])) {
                l = up++;
            } else {
                l = down--;
            }
            double dy = vw * Math.abs(lineY[l] - gy);
            if (dy >= best) {
                break; // the nearer side is too far already, so is the other
            }
            if (!bandFits(l, k, h)) {
                continue;
            }
            double maxD = (best - dy) / sp;
            long s = nearestRun(l, k, ws, tk, maxD);
            if (s >= 0) {
                double c = dy + Math.abs(s - tk) * sp;
                if (c < best) {
                    best = c;
                    bestLine = l;
                    bestSite = s;
                }
            }
        }
        if (bestLine < 0) {
            throw new LegalizationException("multi-row cell " + nl.nodeNames()[v] + " (w=" + w + ", h=" + h + ", "
                    + k + " rows) fits nowhere: no free span of " + ws + " sites on " + k + " abutting rows"
                    + (k % 2 == 0 ? " with an N (power-rail parity 0) bottom row" : "") + " in the core");
        }
        for (int j = 0; j < k; j++) {
            setBits(free, (bestLine + j) * nw, (int) bestSite, (int) bestSite + ws, false);
        }
        p.x()[v] = ox + bestSite * sp;
        p.y()[v] = lineY[bestLine];
    }

    /** Whether lines {@code l .. l+k-1} abut, add up to height {@code h}, and line l has the parity a k-row cell needs. */
    private boolean bandFits(int l, int k, double h) {
        if (l + k > lineY.length || (k % 2 == 0 && lineParity[l] == 1)) {
            return false;
        }
        for (int j = 1; j < k; j++) {
            if (Math.abs(lineY[l + j] - lineY[l + j - 1] - lineH[l + j - 1]) > EPS) {
                return false;
            }
        }
        return Math.abs(lineY[l + k - 1] + lineH[l + k - 1] - lineY[l] - h) <= EPS;
    }

    /**
     * Start site of the run of {@code ws} sites free in lines {@code l .. l+k-1} nearest to {@code tk},
     * looking no farther than {@code maxD} sites; -1 when there is none.
     */
    private long nearestRun(int l, int k, int ws, double tk, double maxD) {
        double lo = tk - maxD - ws;
        double hi = tk + maxD + ws + 1;
        int wFrom = lo <= 0 ? 0 : (int) Math.min(nw, ((long) lo) >>> 6);
        int wEnd = hi <= 0 ? 0 : hi >= (double) nw * 64 ? nw : ((int) hi >>> 6) + 1;
        if (wFrom >= wEnd) {
            return -1;
        }
        System.arraycopy(free, l * nw + wFrom, band, wFrom, wEnd - wFrom);
        for (int j = 1; j < k; j++) {
            int base = (l + j) * nw;
            for (int i = wFrom; i < wEnd; i++) {
                band[i] &= free[base + i];
            }
        }
        long best = -1;
        double bestD = maxD;
        int from = wFrom << 6;
        int limit = wEnd << 6;
        long target = Math.round(tk);
        while (from < limit) {
            int a = nextSet(band, wEnd, from);
            if (a < 0 || a > tk + bestD) {
                break;
            }
            int b = nextClear(band, wEnd, a);
            if (b - a >= ws) {
                long s = Math.max(a, Math.min(b - ws, target));
                double d = Math.abs(s - tk);
                if (d < bestD || (best < 0 && d <= bestD)) {
                    bestD = d;
                    best = s;
                }
            }
            from = b;
        }
        return best;
    }

    /** Clears the sites touched by box (x, y, w, h) in every line it overlaps. */
    private void clear(double x, double y, double w, double h) {
        int a = (int) Math.max(0, Math.floor((x - ox) / sp + EPS));
        int b = (int) Math.min((long) nw << 6, (long) Math.ceil((x + w - ox) / sp - EPS));
        if (a >= b) {
            return;
        }
        for (int l = Math.max(0, lowerBound(lineY, y - maxLineH) - 1); l < lineY.length; l++) {
            if (lineY[l] >= y + h - EPS) {
                break;
            }
            if (lineY[l] + lineH[l] > y + EPS) {
                setBits(free, l * nw, a, b, false);
            }
        }
    }

    /** Sets ({@code value}) or clears bits {@code a .. b-1} of the bit array starting at word {@code base}. */
    static void setBits(long[] bits, int base, int a, int b, boolean value) {
        for (int i = a; i < b; ) {
            int wi = i >>> 6;
            int end = Math.min(b, (wi + 1) << 6);
            long mask = (end - i == 64) ? -1L : ((1L << (end - i)) - 1) << (i & 63);
            if (value) {
                bits[base + wi] |= mask;
            } else {
                bits[base + wi] &= ~mask;
            }
            i = end;
        }
    }

    /** First set bit at or after {@code from} among words {@code 0 .. wEnd-1}, or -1. */
    static int nextSet(long[] bits, int wEnd, int from) {
        int wi = from >>> 6;
        if (wi >= wEnd) {
            return -1;
        }
        long word = bits[wi] & (-1L << from);
        while (word == 0) {
            if (++wi == wEnd) {
                return -1;
            }
            word = bits[wi];
        }
        return (wi << 6) + Long.numberOfTrailingZeros(word);
    }

    /** First clear bit at or after {@code from}, or {@code wEnd * 64}. */
    static int nextClear(long[] bits, int wEnd, int from) {
        int wi = from >>> 6;
        if (wi >= wEnd) {
            return from;
        }
        long word = ~bits[wi] & (-1L << from);
        while (word == 0) {
            if (++wi == wEnd) {
                return wEnd << 6;
            }
            word = ~bits[wi];
        }
        return (wi << 6) + Long.numberOfTrailingZeros(word);
    }

    private static int lowerBound(double[] a, double key) {
        int lo = 0;
        int hi = a.length;
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
}
