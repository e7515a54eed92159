package org.chipplace.metrics;

import java.util.Arrays;

/**
 * Segment tree over consecutive elementary y intervals {@code [ys[y0+k], ys[y0+k+1])}, holding the
 * cover counts {@code cm} (movable) and {@code cf} (fixed) under range additions, and the integrals
 * over y of {@code cm}, {@code cm^2}, {@code cf} and {@code cm*cf}. No push-down: every node keeps
 * its own pending additions and the statistics of its range including them, so an update touches
 * {@code O(log n)} nodes and only the root is read. Used by {@link OverlapSweep}.
 */
final class CoverTree {
    private final double[] ys;
    private final int size;
    private final double[] len, sm, smm, sf, smf;
    private final int[] om, of;

    /** A tree for up to {@code maxLeaves} elementary intervals of the coordinates {@code ys}. */
    CoverTree(double[] ys, int maxLeaves) {
        this.ys = ys;
        int s = 1;
        while (s < maxLeaves) {
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
    }

    /** Clears all counts and covers the intervals {@code y0 .. y1-1} (at most {@code maxLeaves}). */
    void reset(int y0, int y1) {
        Arrays.fill(sm, 0);
        Arrays.fill(smm, 0);
        Arrays.fill(sf, 0);
        Arrays.fill(smf, 0);
        Arrays.fill(om, 0);
        Arrays.fill(of, 0);
        Arrays.fill(len, 0);
        for (int k = 0; k < y1 - y0; k++) {
            len[size + k] = ys[y0 + k + 1] - ys[y0 + k];
        }
        for (int i = size - 1; i >= 1; i--) {
            len[i] = len[2 * i] + len[2 * i + 1];
        }
    }

    /** Integral over y of {@code cm(cm-1)/2 + cm*cf}: the overlap area per unit of x. */
    double integrand() {
        return 0.5 * (smm[1] - sm[1]) + smf[1];
    }

    /** Adds {@code (dm, df)} to the counts on local intervals {@code [l, r)}. */
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
        // recompute the ancestors of both boundary leaves, level by level
        for (a0 >>= 1, b0 >>= 1; a0 >= 1; a0 >>= 1, b0 >>= 1) {
            pull(a0);
            if (b0 != a0) {
                pull(b0);
            }
        }
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
