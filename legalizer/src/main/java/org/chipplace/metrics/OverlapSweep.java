package org.chipplace.metrics;

import java.util.Arrays;
import org.chipplace.parallel.Parallel;

/**
 * Exact total pairwise overlap area and overlapping-pair count of axis-parallel rectangles in
 * {@code O(n log n)}, by a sweep line over x.
 *
 * <p>Every rectangle is either movable or fixed; pairs of two fixed rectangles are not counted.
 * The sum of pairwise intersection areas equals the integral over the plane of
 * {@code cm(cm-1)/2 + cm*cf}, where {@code cm} and {@code cf} are the numbers of movable and fixed
 * rectangles covering a point. A segment tree over the compressed y coordinates maintains, under
 * range additions to {@code cm} and {@code cf}, the integrals over y of {@code cm}, {@code cm^2},
 * {@code cf} and {@code cm*cf} (see {@link CoverTree}); the sweep multiplies the integrand by the x
 * distance between events. Pairs are counted on insertion with Fenwick trees over the y-interval
 * end points (active rectangles minus those entirely below or above).
 *
 * <p>For cache locality (and parallelism) the y range is cut into horizontal strips of about
 * {@value #STRIP_LEAVES} distinct y coordinates, swept independently with rectangles clipped to
 * the strip: areas add up over strips, and a pair is counted only in the strip holding the bottom
 * of its intersection (not when both rectangles were clipped at the strip's bottom).
 *
 * <p>Coordinates within {@code eps} of their predecessor in sorted order are snapped to the first
 * value of their cluster ({@link Snap}), so rectangles that abut up to rounding do not overlap;
 * overlaps thinner than {@code eps} are ignored. Rectangles that collapse to zero width or height
 * are skipped. Memory: about 100 bytes per rectangle.
 */
final class OverlapSweep {
    /** Distinct y coordinates per strip. */
    static final int STRIP_LEAVES = 1 << 14;

    private OverlapSweep() {
    }

    /** Result: total overlap area and number of overlapping pairs. */
    record Result(double area, long pairs) {
    }

    static Result run(double[] xl, double[] yl, double[] xh, double[] yh, boolean[] fixed, int n, double eps) {
        return run(xl, yl, xh, yh, fixed, n, eps, STRIP_LEAVES, true);
    }

    /**
     * @param xl left edges, {@code xh} right edges, {@code yl} bottoms, {@code yh} tops of
     *           rectangles {@code 0..n-1}
     * @param fixed       whether each rectangle is fixed
     * @param stripLeaves distinct y coordinates per strip
     * @param parallel    whether strips may be swept on the common fork/join pool
     */
    static Result run(double[] xl, double[] yl, double[] xh, double[] yh, boolean[] fixed, int n, double eps,
                      int stripLeaves, boolean parallel) {
        if (n < 2) {
            return new Result(0, 0);
        }
        int[] xli = new int[n], xhi = new int[n], yli = new int[n], yhi = new int[n];
        double[] xs = Snap.run(xl, xh, n, eps, xli, xhi);
        double[] ys = Snap.run(yl, yh, n, eps, yli, yhi);
        int kx = xs.length;
        int cells = ys.length - 1; // elementary y intervals
        int strips = Math.max(1, (cells + stripLeaves - 1) / stripLeaves);
        // rectangles in order of left edge and of right edge (counting sort), then by strip
        int[] byLo = order(xli, xli, xhi, yli, yhi, n, kx);
        int[] byHi = order(xhi, xli, xhi, yli, yhi, n, kx);
        int[] stripStart = new int[strips + 1];
        for (int i : byLo) {
            for (int s = strip(yli[i], cells, strips), e = strip(yhi[i] - 1, cells, strips); s <= e; s++) {
                stripStart[s + 1]++;
            }
        }
        for (int s = 0; s < strips; s++) {
            stripStart[s + 1] += stripStart[s];
        }
        int[] starts = distribute(byLo, stripStart, yli, yhi, cells, strips);
        int[] ends = distribute(byHi, stripStart, yli, yhi, cells, strips);
        double[] areas = new double[strips];
        long[] pairs = new long[strips];
        int chunks = parallel ? Math.min(strips, 4 * Runtime.getRuntime().availableProcessors()) : 1;
        int maxLeaves = (cells + strips - 1) / strips; // longest strip
        Parallel.forEachChunk(chunks, parallel, c -> {
            Sweeper sw = new Sweeper(xs, ys, xli, xhi, yli, yhi, fixed, maxLeaves);
            for (int s = Parallel.start(c, chunks, strips), end = Parallel.start(c + 1, chunks, strips); s < end; s++) {
                sw.sweep(starts, ends, stripStart[s], stripStart[s + 1], bound(s, cells, strips),
                        bound(s + 1, cells, strips));
                areas[s] = sw.area;
                pairs[s] = sw.pairs;
            }
        });
        double area = 0;
        long count = 0;
        for (int s = 0; s < strips; s++) {
            area += areas[s];
            count += pairs[s];
        }
        // without overlapping pairs the exact area is 0; this drops rounding residue
        return new Result(count == 0 ? 0 : Math.max(0, area), count);
    }

    /** First elementary y interval of strip {@code s}. */
    private static int bound(int s, int cells, int strips) {
        return (int) ((long) cells * s / strips);
    }

    /** Strip of elementary y interval {@code c}. */
    private static int strip(int c, int cells, int strips) {
        int s = (int) ((long) c * strips / cells);
        while (s + 1 < strips && bound(s + 1, cells, strips) <= c) {
            s++;
        }
        while (s > 0 && bound(s, cells, strips) > c) {
            s--;
        }
        return s;
    }

    /** Non-empty rectangles sorted by {@code key} (x indices below {@code kx}) by counting sort. */
    private static int[] order(int[] key, int[] xli, int[] xhi, int[] yli, int[] yhi, int n, int kx) {
        int[] start = new int[kx + 1];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (xli[i] < xhi[i] && yli[i] < yhi[i]) {
                start[key[i] + 1]++;
                m++;
            }
        }
        for (int k = 0; k < kx; k++) {
            start[k + 1] += start[k];
        }
        int[] out = new int[m];
        for (int i = 0; i < n; i++) {
            if (xli[i] < xhi[i] && yli[i] < yhi[i]) {
                out[start[key[i]]++] = i;
            }
        }
        return out;
    }

    /** Copies {@code sorted} into per-strip lists (CSR by {@code stripStart}), keeping the order. */
    private static int[] distribute(int[] sorted, int[] stripStart, int[] yli, int[] yhi, int cells, int strips) {
        int[] fill = Arrays.copyOf(stripStart, strips);
        int[] out = new int[stripStart[strips]];
        for (int i : sorted) {
            for (int s = strip(yli[i], cells, strips), e = strip(yhi[i] - 1, cells, strips); s <= e; s++) {
                out[fill[s]++] = i;
            }
        }
        return out;
    }

    /** Per-thread workspace sweeping one strip at a time. */
    private static final class Sweeper {
        private final double[] xs;
        private final int[] xli, xhi, yli, yhi;
        private final boolean[] fixed;
        private final CoverTree tree;
        /** Fenwick trees of bottoms / tops of active rectangles by category (fixed * 2 + clippedBottom). */
        private final int[][] bitLo = new int[4][], bitHi = new int[4][];
        private final long[] active = new long[4];
        double area;
        long pairs;

        Sweeper(double[] xs, double[] ys, int[] xli, int[] xhi, int[] yli, int[] yhi, boolean[] fixed,
                int maxLeaves) {
            this.xs = xs;
            this.xli = xli;
            this.xhi = xhi;
            this.yli = yli;
            this.yhi = yhi;
            this.fixed = fixed;
            this.tree = new CoverTree(ys, maxLeaves);
            for (int c = 0; c < 4; c++) {
                bitLo[c] = new int[maxLeaves + 2];
                bitHi[c] = new int[maxLeaves + 2];
            }
        }

        /**
         * Sweeps the rectangles {@code starts[from..to)} (by left edge) and {@code ends[from..to)} (by
         * right edge) over the elementary y intervals {@code [y0, y1)}. Every rectangle inserted is
         * removed again, so the Fenwick trees end empty.
         */
        void sweep(int[] starts, int[] ends, int from, int to, int y0, int y1) {
            tree.reset(y0, y1);
            area = 0;
            pairs = 0;
            int i = from, j = from, prev = -1;
            while (i < to || j < to) {
                int xsNext = i < to ? xli[starts[i]] : Integer.MAX_VALUE;
                int xeNext = j < to ? xhi[ends[j]] : Integer.MAX_VALUE;
                int cur = Math.min(xsNext, xeNext);
                if (prev >= 0) {
                    area += (xs[cur] - xs[prev]) * tree.integrand();
                }
                prev = cur;
                while (j < to && xhi[ends[j]] == cur) {
                    update(ends[j++], y0, y1, -1);
                }
                while (i < to && xli[starts[i]] == cur) {
                    int r = starts[i++];
                    int l = Math.max(yli[r], y0) - y0, h = Math.min(yhi[r], y1) - y0;
                    boolean cb = yli[r] < y0;
                    // categories: 0 movable, 1 movable clipped, 2 fixed, 3 fixed clipped; a pair whose
                    // members were both clipped at the bottom belongs to a lower strip
                    pairs += overlapping(0, l, h) + (cb ? 0 : overlapping(1, l, h));
                    if (!fixed[r]) {
                        pairs += overlapping(2, l, h) + (cb ? 0 : overlapping(3, l, h));
                    }
                    update(r, y0, y1, 1);
                }
            }
        }

        private void update(int r, int y0, int y1, int d) {
            int l = Math.max(yli[r], y0) - y0, h = Math.min(yhi[r], y1) - y0;
            int cat = (fixed[r] ? 2 : 0) + (yli[r] < y0 ? 1 : 0);
            tree.add(l, h, fixed[r] ? 0 : d, fixed[r] ? d : 0);
            bitAdd(bitLo[cat], l, d);
            bitAdd(bitHi[cat], h, d);
            active[cat] += d;
        }

        /** Active rectangles of category {@code cat} whose local y interval strictly overlaps [l, h). */
        private long overlapping(int cat, int l, int h) {
            long a = active[cat];
            if (a == 0) {
                return 0;
            }
            long below = bitSum(bitHi[cat], l); // tops <= l
            long above = a - bitSum(bitLo[cat], h - 1); // bottoms >= h
            return a - below - above;
        }
    }

    /** Adds {@code d} at index {@code i} (0-based). */
    private static void bitAdd(int[] bit, int i, int d) {
        for (int j = i + 1; j < bit.length; j += j & -j) {
            bit[j] += d;
        }
    }

    /** Sum over indices {@code 0..i} (0-based, inclusive); 0 for negative i. */
    private static long bitSum(int[] bit, int i) {
        long s = 0;
        for (int j = i + 1; j > 0; j -= j & -j) {
            s += bit[j];
        }
        return s;
    }
}
