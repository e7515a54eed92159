package org.chipplace.metrics;

import java.util.Arrays;

/**
 * Segment tree over consecutive elementary y intervals {@code [ys[y0+k], ys[y0+k+1])}, holding the
 * cover counts {@code cm} (movable) and {@code cf} (fixed) under range additions, and the integrals
 * over y of {@code cm}, {@code cm^2}, {@code cf} and {@code cm*cf}. No push-down: every node keeps
 * its own pending additions and the statistics of its range including them, so an update touches
 * {@code O(log n)} nodes and only the root is read. Nodes are stored interleaved, one cache line
 * each ({@value #STRIDE} doubles: length, the four integrals, the two pending counts). Used by
 * {@link OverlapSweep}.
 */
final class CoverTree {
    private static final int STRIDE = 8;
    private static final int LEN = 0, SM = 1, SMM = 2, SF = 3, SMF = 4, OM = 5, OF = 6;
    private final double[] ys;
    private final int size;
    private final double[] t;

    /** A tree for up to {@code maxLeaves} elementary intervals of the coordinates {@code ys}. */
    CoverTree(double[] ys, int maxLeaves) {
        this.ys = ys;
        int s = 1;
        while (s < maxLeaves) {
            s <<= 1;
        }
        size = s;
        t = new double[2 * s * STRIDE];
    }

    /** Clears all counts and covers the intervals {@code y0 .. y1-1} (at most {@code maxLeaves}). */
    void reset(int y0, int y1) {
        Arrays.fill(t, 0);
        for (int k = 0; k < y1 - y0; k++) {
            t[(size + k) * STRIDE + LEN] = ys[y0 + k + 1] - ys[y0 + k];
        }
        for (int i = size - 1; i >= 1; i--) {
            t[i * STRIDE + LEN] = t[2 * i * STRIDE + LEN] + t[(2 * i + 1) * STRIDE + LEN];
        }
    }

    /** Integral over y of {@code cm(cm-1)/2 + cm*cf}: the overlap area per unit of x. */
    double integrand() {
        return 0.5 * (t[STRIDE + SMM] - t[STRIDE + SM]) + t[STRIDE + SMF];
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
        int o = i * STRIDE;
        t[o + OM] += dm;
        t[o + OF] += df;
        transform(o, dm, df);
    }

    /** Statistics of the node at offset o after adding (dm, df) to every point of its range. */
    private void transform(int o, double dm, double df) {
        double l = t[o + LEN];
        double m = t[o + SM], f = t[o + SF];
        t[o + SMM] += 2.0 * dm * m + dm * dm * l;
        t[o + SMF] += dm * f + df * m + dm * df * l;
        t[o + SM] = m + dm * l;
        t[o + SF] = f + df * l;
    }

    private void pull(int i) {
        int o = i * STRIDE, c = 2 * o, d = c + STRIDE;
        t[o + SM] = t[c + SM] + t[d + SM];
        t[o + SMM] = t[c + SMM] + t[d + SMM];
        t[o + SF] = t[c + SF] + t[d + SF];
        t[o + SMF] = t[c + SMF] + t[d + SMF];
        double om = t[o + OM], of = t[o + OF];
        if (om != 0 || of != 0) {
            transform(o, om, of);
        }
    }
}
