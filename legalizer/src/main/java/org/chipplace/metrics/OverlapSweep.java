package org.chipplace.metrics;

import java.util.Arrays;

/**
 * Exact total pairwise overlap area and overlapping-pair count of axis-parallel rectangles in
 * {@code O(n log n)}, by a sweep line over x.
 *
 * <p>Every rectangle is either movable or fixed; pairs of two fixed rectangles are not counted.
 * The sum of pairwise intersection areas equals the integral over the plane of
 * {@code cm(cm-1)/2 + cm*cf}, where {@code cm} and {@code cf} are the numbers of movable and fixed
 * rectangles covering a point. A segment tree over the compressed y coordinates maintains, under
 * range additions to {@code cm} and {@code cf}, the integrals over y of {@code cm}, {@code cm^2},
 * {@code cf} and {@code cm*cf}; the sweep multiplies the integrand by the x distance between
 * events. Pairs are counted on insertion with Fenwick trees over the y-interval end points
 * (active rectangles minus those entirely below or above).
 *
 * <p>Coordinates within {@code eps} of their predecessor in sorted order are snapped to the first
 * value of their cluster, so rectangles that abut up to rounding do not overlap; overlaps thinner
 * than {@code eps} are ignored. Rectangles that collapse to zero width or height are skipped.
 * Memory: about 100 bytes per rectangle.
 */
final class OverlapSweep {
    private OverlapSweep() {
    }

    /** Result: total overlap area and number of overlapping pairs. */
    record Result(double area, long pairs) {
    }

    /**
     * @param xl left edges, {@code xh} right edges, {@code yl} bottoms, {@code yh} tops of
     *           rectangles {@code 0..n-1}
     * @param fixed  whether each rectangle is fixed
     */
    static Result run(double[] xl, double[] yl, double[] xh, double[] yh, boolean[] fixed, int n, double eps) {
        if (n < 2) {
            return new Result(0, 0);
        }
        int[] xli = new int[n], xhi = new int[n], yli = new int[n], yhi = new int[n];
        double[] xs = snap(xl, xh, n, eps, xli, xhi);
        double[] ys = snap(yl, yh, n, eps, yli, yhi);
        int kx = xs.length, ky = ys.length;
        // events bucketed by x index (counting sort): starts and ends
        int[] sStart = new int[kx + 1], eStart = new int[kx + 1];
        for (int i = 0; i < n; i++) {
            if (xli[i] < xhi[i] && yli[i] < yhi[i]) {
                sStart[xli[i] + 1]++;
                eStart[xhi[i] + 1]++;
            }
        }
        for (int k = 0; k < kx; k++) {
            sStart[k + 1] += sStart[k];
            eStart[k + 1] += eStart[k];
        }
        int[] sList = new int[sStart[kx]], eList = new int[eStart[kx]];
        int[] sFill = Arrays.copyOf(sStart, kx), eFill = Arrays.copyOf(eStart, kx);
        for (int i = 0; i < n; i++) {
            if (xli[i] < xhi[i] && yli[i] < yhi[i]) {
                sList[sFill[xli[i]]++] = i;
                eList[eFill[xhi[i]]++] = i;
            }
        }
        Tree tree = new Tree(ys);
        // Fenwick trees of y bottoms / tops of active rectangles, movable (0) and fixed (1)
        int[][] bitLo = {new int[ky + 1], new int[ky + 1]};
        int[][] bitHi = {new int[ky + 1], new int[ky + 1]};
        long[] active = new long[2];
        double area = 0;
        long pairs = 0;
        double prevX = xs[0];
        for (int k = 0; k < kx; k++) {
            area += (xs[k] - prevX) * tree.integrand();
            prevX = xs[k];
            for (int j = eStart[k]; j < eStart[k + 1]; j++) {
                int i = eList[j];
                int t = fixed[i] ? 1 : 0;
                tree.add(yli[i], yhi[i], fixed[i] ? 0 : -1, fixed[i] ? -1 : 0);
                bitAdd(bitLo[t], yli[i], -1);
                bitAdd(bitHi[t], yhi[i], -1);
                active[t]--;
            }
            for (int j = sStart[k]; j < sStart[k + 1]; j++) {
                int i = sList[j];
                int t = fixed[i] ? 1 : 0;
                pairs += overlapping(bitLo[0], bitHi[0], active[0], yli[i], yhi[i], ky);
                if (t == 0) {
                    pairs += overlapping(bitLo[1], bitHi[1], active[1], yli[i], yhi[i], ky);
                }
                tree.add(yli[i], yhi[i], fixed[i] ? 0 : 1, fixed[i] ? 1 : 0);
                bitAdd(bitLo[t], yli[i], 1);
                bitAdd(bitHi[t], yhi[i], 1);
                active[t]++;
            }
        }
        // without overlapping pairs the exact area is 0; this drops rounding residue
        return new Result(pairs == 0 ? 0 : Math.max(0, area), pairs);
    }

    /** Active rectangles whose y-interval [lo, hi) strictly overlaps [l, h). */
    private static long overlapping(int[] bitLo, int[] bitHi, long active, int l, int h, int ky) {
        if (active == 0) {
            return 0;
        }
        long below = bitSum(bitHi, l); // tops <= l
        long above = active - bitSum(bitLo, h - 1); // bottoms >= h
        return active - below - above;
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

    /**
     * Sorts lo and hi values together, clusters values within {@code eps} of their predecessor,
     * writes the cluster index of every value and returns the cluster representatives (first value).
     */
    static double[] snap(double[] lo, double[] hi, int n, double eps, int[] loIdx, int[] hiIdx) {
        double[] v = new double[2 * n];
        System.arraycopy(lo, 0, v, 0, n);
        System.arraycopy(hi, 0, v, n, n);
        if (v.length > Chunks.PARALLEL_MIN) {
            Arrays.parallelSort(v);
        } else {
            Arrays.sort(v);
        }
        int k = 0;
        for (int i = 0; i < v.length; i++) {
            if (i == 0 || v[i] - v[i - 1] > eps) {
                v[k++] = v[i];
            }
        }
        // v[0..k) are the cluster first values; cluster of x = last first value <= x
        double[] reps = Arrays.copyOf(v, k);
        for (int i = 0; i < n; i++) {
            loIdx[i] = cluster(reps, lo[i]);
            hiIdx[i] = cluster(reps, hi[i]);
        }
        return reps;
    }

    private static int cluster(double[] reps, double x) {
        int i = Arrays.binarySearch(reps, x);
        return i >= 0 ? i : -i - 2;
    }

    /**
     * Segment tree over the elementary y intervals [ys[k], ys[k+1]) without push-down: every node
     * keeps its own pending additions and the statistics of its range including them.
     */
    private static final class Tree {
        private final int size;
        private final double[] len, sm, smm, sf, smf;
        private final int[] om, of;

        Tree(double[] ys) {
            int leaves = Math.max(1, ys.length - 1);
            int s = 1;
            while (s < leaves) {
                s <<= 1;
            }
            size = s;
            len = new double[2 * s];
            sm = new double[2 * s];
            smm = new double[2 * s];
            sf = new double[2 * s];
            smf = new double[2 * s];
            om = new int[2 * s];
            of = new int[2 * s];
            for (int k = 0; k + 1 < ys.length; k++) {
                len[s + k] = ys[k + 1] - ys[k];
            }
            for (int i = s - 1; i >= 1; i--) {
                len[i] = len[2 * i] + len[2 * i + 1];
            }
        }

        /** Integral over y of cm(cm-1)/2 + cm*cf. */
        double integrand() {
            return 0.5 * (smm[1] - sm[1]) + smf[1];
        }

        /** Adds (dm, df) to the counts on elementary intervals [l, r). */
        void add(int l, int r, int dm, int df) {
            int a = l + size, b = r + size;
            int a0 = a, b0 = b - 1;
            while (a < b) {
                if ((a & 1) == 1) {
                    apply(a++, dm, df);
                }
                if ((b & 1) == 1) {
                    apply(--b, dm, df);
                }
                a >>= 1;
                b >>= 1;
            }
            pull(a0);
            pull(b0);
        }

        private void apply(int i, int dm, int df) {
            om[i] += dm;
            of[i] += df;
            transform(i, dm, df);
        }

        /** Statistics of node i after adding (dm, df) to every point of its range. */
        private void transform(int i, int dm, int df) {
            double l = len[i];
            double m = sm[i], f = sf[i];
            smm[i] += 2.0 * dm * m + (double) dm * dm * l;
            smf[i] += (double) dm * f + (double) df * m + (double) dm * df * l;
            sm[i] = m + dm * l;
            sf[i] = f + df * l;
        }

        private void pull(int i) {
            for (i >>= 1; i >= 1; i >>= 1) {
                int c = 2 * i;
                sm[i] = sm[c] + sm[c + 1];
                smm[i] = smm[c] + smm[c + 1];
                sf[i] = sf[c] + sf[c + 1];
                smf[i] = smf[c] + smf[c + 1];
                if (om[i] != 0 || of[i] != 0) {
                    transform(i, om[i], of[i]);
                }
            }
        }
    }
}
