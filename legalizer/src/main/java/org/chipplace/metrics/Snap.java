package org.chipplace.metrics;

import java.util.Arrays;

/**
 * Coordinate compression with a tolerance: the lower and upper coordinates of {@code n}
 * intervals are sorted together (LSD radix sort on the IEEE bits, {@code O(n)}), values within
 * {@code eps} of their predecessor in sorted order join its cluster (chains included), and every
 * coordinate is replaced by the index of its cluster. The cluster representative is its first
 * (smallest) value.
 */
final class Snap {
    private Snap() {
    }

    /**
     * Writes the cluster index of {@code lo[i]} and {@code hi[i]} into {@code loIdx[i]},
     * {@code hiIdx[i]} and returns the representatives, ascending.
     */
    static double[] run(double[] lo, double[] hi, int n, double eps, int[] loIdx, int[] hiIdx) {
        int m = 2 * n;
        long[] key = new long[m];
        int[] id = new int[m];
        for (int i = 0; i < n; i++) {
            key[i] = sortable(lo[i]);
            id[i] = i;
            key[n + i] = sortable(hi[i]);
            id[n + i] = n + i;
        }
        radixSort(key, id);
        double[] reps = new double[Math.max(1, m)];
        int k = -1;
        double prev = 0;
        for (int j = 0; j < m; j++) {
            int i = id[j];
            double v = i < n ? lo[i] : hi[i - n];
            if (k < 0 || v - prev > eps) {
                reps[++k] = v;
            }
            prev = v;
            if (i < n) {
                loIdx[i] = k;
            } else {
                hiIdx[i - n] = k;
            }
        }
        return Arrays.copyOf(reps, k + 1);
    }

    /** A long whose signed order is the numeric order of {@code v} ({@code -0.0} as {@code 0.0}). */
    static long sortable(double v) {
        long bits = Double.doubleToRawLongBits(v + 0.0);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    /** Sorts {@code key} ascending (signed) carrying {@code id} along; stable LSD radix, 8-bit digits. */
    static void radixSort(long[] key, int[] id) {
        int m = key.length;
        long[] k2 = new long[m];
        int[] i2 = new int[m];
        int[] count = new int[257];
        for (int shift = 0; shift < 64; shift += 8) {
            Arrays.fill(count, 0);
            boolean top = shift == 56;
            for (int j = 0; j < m; j++) {
                count[digit(key[j], shift, top) + 1]++;
            }
            boolean trivial = false;
            for (int d = 1; d <= 256; d++) {
                if (count[d] == m) {
                    trivial = true;
                }
                count[d] += count[d - 1];
            }
            if (trivial) {
                continue; // every key has the same digit: this pass would not move anything
            }
            for (int j = 0; j < m; j++) {
                int pos = count[digit(key[j], shift, top)]++;
                k2[pos] = key[j];
                i2[pos] = id[j];
            }
            System.arraycopy(k2, 0, key, 0, m);
            System.arraycopy(i2, 0, id, 0, m);
        }
    }

    private static int digit(long k, int shift, boolean top) {
        int d = (int) (k >>> shift) & 0xff;
        return top ? d ^ 0x80 : d; // the top byte carries the sign: flip it for signed order
    }
}
