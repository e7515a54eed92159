package org.chipplace.placer.detailed;

import org.chipplace.netlist.Row;

/**
 * Local reordering: for every window of {@code W} adjacent cells of a segment, all {@code W!}
 * orders are packed left to right from the window's left edge (abutting, widths rounded up to
 * sites, so they stay inside the window's span) and the order with the largest strict HPWL decrease
 * is applied.
 */
final class LocalReorder {
    private final SegmentCells sc;
    private final NetBoxes nb;
    private final int window;
    private final int[][] perms;
    private final int[] win = new int[4];
    private final double[] pos = new double[4];
    private final int[] tmp = new int[4];

    LocalReorder(SegmentCells sc, NetBoxes nb, int window) {
        this.sc = sc;
        this.nb = nb;
        this.window = window;
        this.perms = permutations(window);
    }

    static int[][] permutations(int n) {
        int f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        int[][] out = new int[f][];
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int p = 0; p < f; p++) {
            out[p] = a.clone();
            // next lexicographic permutation
            int i = n - 2;
            while (i >= 0 && a[i] >= a[i + 1]) {
                i--;
            }
            if (i < 0) {
                break;
            }
            int j = n - 1;
            while (a[j] <= a[i]) {
                j--;
            }
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
            for (int l = i + 1, r = n - 1; l < r; l++, r--) {
                t = a[l];
                a[l] = a[r];
                a[r] = t;
            }
        }
        return out;
    }

    /** One pass over all windows of all segments; returns the number of reorders applied. */
    int pass() {
        int moves = 0;
        for (int s = 0; s < sc.seg.numSegments(); s++) {
            for (int k = 0; k + window <= sc.count(s); k++) {
                if (reorder(s, k, window)) {
                    moves++;
                }
            }
        }
        return moves;
    }

    /** Best packed order of the {@code m} cells at slots k..k+m-1 of segment s; true if applied. */
    boolean reorder(int s, int k, int m) {
        Row row = sc.seg.rows()[sc.seg.segRow(s)];
        double sp = row.siteSpacing();
        for (int i = 0; i < m; i++) {
            win[i] = sc.cell(s, k + i);
        }
        double x0 = sc.x[win[0]];
        double limit = sc.rightBound(s, k + m - 1);
        double ry = row.y();
        double best = 0;
        int bestP = -1;
        int[][] ps = m == window ? perms : permutations(m);
        for (int p = 0; p < ps.length; p++) {
            if (!pack(ps[p], m, x0, sp, limit)) {
                continue;
            }
            nb.begin();
            boolean moved = false;
            for (int i = 0; i < m; i++) {
                int v = win[ps[p][i]];
                if (pos[i] != sc.x[v]) {
                    nb.move(v, pos[i], ry);
                    moved = true;
                }
            }
            double d = moved ? nb.delta() : 0;
            nb.abort();
            if (NetBoxes.improves(d) && d < best) {
                best = d;
                bestP = p;
            }
        }
        if (bestP < 0) {
            return false;
        }
        pack(ps[bestP], m, x0, sp, limit);
        nb.begin();
        for (int i = 0; i < m; i++) {
            nb.move(win[ps[bestP][i]], pos[i], ry);
        }
        nb.delta();
        nb.commit();
        for (int i = 0; i < m; i++) {
            tmp[i] = win[ps[bestP][i]];
        }
        for (int i = 0; i < m; i++) {
            sc.setSlot(s, k + i, tmp[i]);
        }
        return true;
    }

    private boolean pack(int[] perm, int m, double x0, double sp, double limit) {
        double cur = x0;
        for (int i = 0; i < m; i++) {
            double wv = sc.w[win[perm[i]]];
            pos[i] = cur;
            if (cur + wv > limit + 1e-6) {
                return false;
            }
            cur += Math.ceil(wv / sp - 1e-6) * sp;
        }
        return true;
    }
}
