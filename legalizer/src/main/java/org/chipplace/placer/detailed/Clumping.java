package org.chipplace.placer.detailed;

/**
 * Order-preserving placement of the cells of one row segment minimising a sum of weighted
 * absolute deviations, by clumping (the cluster-merging scheme of FastDP's single-segment
 * clustering, Pan, Viswanathan, Chu, ICCAD 2005, and of Abacus, here for an L1 objective).
 *
 * <p>Cells {@code 0..n-1} have widths {@code w[i]} and own the breakpoints
 * {@code p = start[i] .. start[i+1]-1} with values {@code val[p]} and weights {@code wgt[p] >= 0};
 * the solver minimises {@code sum_i sum_p wgt[p] * |x_i - val[p]|} subject to
 * {@code lo <= x_0}, {@code x_i + w[i] <= x_{i+1}} and {@code x_{n-1} + w[n-1] <= hi}. A cell with
 * one breakpoint is the classic target {@code t_i} with weight {@code w_i}; two breakpoints at the
 * ends of an interval give the distance to that interval (plus a constant).
 *
 * <p>Cells are appended left to right as one-cell clusters; a cluster sits at the weighted median of
 * its breakpoints, each shifted left by its cell's offset within the cluster, clamped to the segment;
 * while a cluster overlaps its left neighbour the two are merged. Each cluster keeps its shifted
 * breakpoints sorted in a contiguous range, so a merge is a shift and a linear merge of two adjacent
 * ranges. Cost: O(total breakpoints) per merge, so O(n * points) per segment in the worst case. A
 * cluster whose weights sum to 0 goes as far left as it may.
 */
final class Clumping {
    private double[] sv = new double[64];
    private double[] sw = new double[64];
    private double[] tv = new double[64];
    private double[] tw = new double[64];
    private int[] cFirst = new int[16];
    private int[] cP0 = new int[16];
    private double[] cWidth = new double[16];
    private double[] cWeight = new double[16];
    private double[] cX = new double[16];

    /**
     * Solves the problem above into {@code out[0..n-1]} (lower-left x of each cell); false, with
     * {@code out} untouched, when the widths do not fit into {@code [lo, hi]}.
     */
    boolean solve(int n, double[] w, int[] start, double[] val, double[] wgt, double lo, double hi, double[] out) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += w[i];
        }
        if (total > hi - lo + 1e-9) {
            return false;
        }
        int np = start[n] - start[0];
        if (sv.length < np) {
            sv = new double[2 * np];
            sw = new double[2 * np];
            tv = new double[2 * np];
            tw = new double[2 * np];
        }
        if (cFirst.length < n + 1) {
            cFirst = new int[2 * n + 1];
            cP0 = new int[2 * n + 1];
            cWidth = new double[2 * n + 1];
            cWeight = new double[2 * n + 1];
            cX = new double[2 * n + 1];
        }
        int nc = 0;
        for (int i = 0; i < n; i++) {
            int a = start[i] - start[0];
            int b = start[i + 1] - start[0];
            double wsum = 0;
            for (int p = a; p < b; p++) {
                // insertion sort of the cell's own breakpoints (a handful)
                double v = val[p + start[0]];
                double g = wgt[p + start[0]];
                wsum += g;
                int q = p;
                while (q > a && sv[q - 1] > v) {
                    sv[q] = sv[q - 1];
                    sw[q] = sw[q - 1];
                    q--;
                }
                sv[q] = v;
                sw[q] = g;
            }
            cFirst[nc] = i;
            cP0[nc] = a;
            cWidth[nc] = w[i];
            cWeight[nc] = wsum;
            cP0[nc + 1] = b;
            cX[nc] = place(cP0[nc], b, wsum, cWidth[nc], lo, hi);
            nc++;
            while (nc > 1 && cX[nc - 2] + cWidth[nc - 2] > cX[nc - 1]) {
                int l = nc - 2;
                int r = nc - 1;
                int pm = cP0[r];
                int pe = cP0[r + 1];
                double shift = cWidth[l];
                for (int p = pm; p < pe; p++) {
                    sv[p] -= shift;
                }
                mergeRanges(cP0[l], pm, pe);
                cWidth[l] += cWidth[r];
                cWeight[l] += cWeight[r];
                cP0[r] = pe;
                nc--;
                cX[l] = place(cP0[l], pe, cWeight[l], cWidth[l], lo, hi);
            }
        }
        for (int c = 0; c < nc; c++) {
            double x = cX[c];
            int end = c + 1 < nc ? cFirst[c + 1] : n;
            for (int i = cFirst[c]; i < end; i++) {
                out[i] = x;
                x += w[i];
            }
        }
        return true;
    }

    /** Lower weighted median of the sorted breakpoints [a, b), clamped to [lo, hi - width]. */
    private double place(int a, int b, double weight, double width, double lo, double hi) {
        double m = lo;
        if (weight > 0) {
            double half = weight / 2;
            double cum = 0;
            for (int p = a; p < b; p++) {
                cum += sw[p];
                if (cum >= half) {
                    m = sv[p];
                    break;
                }
            }
        }
        return Math.max(lo, Math.min(hi - width, m));
    }

    /** Merges the sorted adjacent ranges [a, m) and [m, e) of (sv, sw) into one sorted range. */
    private void mergeRanges(int a, int m, int e) {
        if (m == a || m == e || sv[m - 1] <= sv[m]) {
            return;
        }
        int nl = m - a;
        System.arraycopy(sv, a, tv, 0, nl);
        System.arraycopy(sw, a, tw, 0, nl);
        int i = 0;
        int j = m;
        int k = a;
        while (i < nl && j < e) {
            if (tv[i] <= sv[j]) {
                sv[k] = tv[i];
                sw[k++] = tw[i++];
            } else {
                sv[k] = sv[j];
                sw[k++] = sw[j++];
            }
        }
        while (i < nl) {
            sv[k] = tv[i];
            sw[k++] = tw[i++];
        }
    }

    /** Objective value {@code sum_i sum_p wgt[p] * |x[i] - val[p]|} of positions x. */
    static double cost(int n, int[] start, double[] val, double[] wgt, double[] x) {
        double c = 0;
        for (int i = 0; i < n; i++) {
            for (int p = start[i]; p < start[i + 1]; p++) {
                c += wgt[p] * Math.abs(x[i] - val[p]);
            }
        }
        return c;
    }
}
