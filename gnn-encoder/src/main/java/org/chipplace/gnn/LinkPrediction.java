package org.chipplace.gnn;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Link-prediction helpers on primitive arrays: held-out edge splits, negative sampling and the
 * exact ROC AUC (Mann-Whitney U with average ranks for ties).
 */
final class LinkPrediction {
    private LinkPrediction() {
    }

    /** Key of the unordered pair {@code {u, v}}. */
    static long key(int u, int v) {
        int a = Math.min(u, v);
        int b = Math.max(u, v);
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    /** Sorted keys of all edges, for {@link #isEdge}. */
    static long[] sortedKeys(int[] src, int[] dst) {
        long[] k = new long[src.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = key(src[i], dst[i]);
        }
        Arrays.sort(k);
        return k;
    }

    static boolean isEdge(long[] sortedKeys, int u, int v) {
        return Arrays.binarySearch(sortedKeys, key(u, v)) >= 0;
    }

    /**
     * Fills {@code u[off..off+count-1]}, {@code v[...]} with uniform random pairs {@code u != v} that are
     * not edges (up to 20 tries per pair; a dense graph may keep an edge after that).
     */
    static void sampleNegatives(int n, long[] sortedKeys, int count, SplittableRandom rnd, int[] u, int[] v, int off) {
        for (int i = 0; i < count; i++) {
            int a = 0;
            int b = 0;
            for (int t = 0; t < 20; t++) {
                a = rnd.nextInt(n);
                b = rnd.nextInt(n - 1);
                if (b >= a) {
                    b++;
                }
                if (!isEdge(sortedKeys, a, b)) {
                    break;
                }
            }
            u[off + i] = a;
            v[off + i] = b;
        }
    }

    /** Inner products {@code <z_u, z_v>} of rows of the row-major {@code (N, L)} matrix {@code z}. */
    static float[] scores(float[] z, int dim, int[] u, int[] v) {
        float[] s = new float[u.length];
        for (int i = 0; i < u.length; i++) {
            int a = u[i] * dim;
            int b = v[i] * dim;
            float acc = 0;
            for (int d = 0; d < dim; d++) {
                acc += z[a + d] * z[b + d];
            }
            s[i] = acc;
        }
        return s;
    }

    /**
     * Exact ROC AUC: the probability that a random positive scores above a random negative, ties
     * counting one half; computed from ranks in {@code O((P + N) log(P + N))}. NaN when either set is empty.
     */
    static double rocAuc(float[] pos, float[] neg) {
        int p = pos.length;
        int q = neg.length;
        if (p == 0 || q == 0) {
            return Double.NaN;
        }
        float[] all = new float[p + q];
        System.arraycopy(pos, 0, all, 0, p);
        System.arraycopy(neg, 0, all, p, q);
        int[] order = sortIndex(all);
        double rankSumPos = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && all[order[j + 1]] == all[order[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1.0;
            for (int k = i; k <= j; k++) {
                if (order[k] < p) {
                    rankSumPos += avgRank;
                }
            }
            i = j + 1;
        }
        double u = rankSumPos - (double) p * (p + 1) / 2.0;
        return u / ((double) p * q);
    }

    private static int[] sortIndex(float[] a) {
        // sort (value, index) pairs packed into longs: order-preserving float bits in the high word
        long[] packed = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            int bits = Float.floatToIntBits(a[i] == 0f ? 0f : a[i]);
            int ordered = bits >= 0 ? bits : bits ^ 0x7fffffff;
            packed[i] = ((long) ordered << 32) | i;
        }
        Arrays.sort(packed);
        int[] order = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            order[i] = (int) packed[i];
        }
        return order;
    }
}
