package org.chipplace.placer.detailed;

/**
 * Minimum-cost assignment of {@code k} rows to {@code k} columns (Hungarian method with row and
 * column potentials and shortest augmenting paths, O(k^3); Kuhn 1955, Munkres 1957, in the
 * Jonker-Volgenant style of one Dijkstra-like scan per row).
 *
 * <p>The cost matrix is a flat row-major {@code double[k * k]}: {@code cost[i * k + j]} is the cost of
 * giving column j to row i. All costs must be finite. Work arrays are supplied by the caller so that
 * the kernel allocates nothing.
 */
final class Hungarian {
    private Hungarian() {
    }

    /** Length of the {@code double} work array for size k. */
    static int doubleWork(int k) {
        return 3 * (k + 1);
    }

    /** Length of the {@code int} work array for size k. */
    static int intWork(int k) {
        return 3 * (k + 1);
    }

    /**
     * Solves the assignment problem.
     *
     * @param cost   row-major k x k costs (read only)
     * @param k      size, >= 1
     * @param assign out: {@code assign[i]} is the column given to row i (length >= k)
     * @param dw     work, length >= {@link #doubleWork}
     * @param iw     work, length >= {@link #intWork}
     * @return the minimum total cost
     */
    static double solve(double[] cost, int k, int[] assign, double[] dw, int[] iw) {
        // 1-based potentials u (rows), v (columns); p[j] = row matched to column j (0: none)
        int n1 = k + 1;
        int u = 0;
        int v = n1;
        int minv = 2 * n1;
        int p = 0;
        int way = n1;
        int used = 2 * n1; // 1 when column j is in the current alternating tree
        for (int j = 0; j < n1; j++) {
            dw[u + j] = 0;
            dw[v + j] = 0;
            iw[p + j] = 0;
            iw[way + j] = 0;
        }
        for (int i = 1; i <= k; i++) {
            iw[p] = i;
            int j0 = 0;
            for (int j = 0; j < n1; j++) {
                dw[minv + j] = Double.POSITIVE_INFINITY;
                iw[used + j] = 0;
            }
            do {
                iw[used + j0] = 1;
                int i0 = iw[p + j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                int row = (i0 - 1) * k;
                for (int j = 1; j <= k; j++) {
                    if (iw[used + j] == 0) {
                        double cur = cost[row + j - 1] - dw[u + i0] - dw[v + j];
                        if (cur < dw[minv + j]) {
                            dw[minv + j] = cur;
                            iw[way + j] = j0;
                        }
                        if (dw[minv + j] < delta) {
                            delta = dw[minv + j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= k; j++) {
                    if (iw[used + j] != 0) {
                        dw[u + iw[p + j]] += delta;
                        dw[v + j] -= delta;
                    } else {
                        dw[minv + j] -= delta;
                    }
                }
                j0 = j1;
            } while (iw[p + j0] != 0);
            do {
                int j1 = iw[way + j0];
                iw[p + j0] = iw[p + j1];
                j0 = j1;
            } while (j0 != 0);
        }
        double total = 0;
        for (int j = 1; j <= k; j++) {
            int i = iw[p + j] - 1;
            assign[i] = j - 1;
            total += cost[i * k + j - 1];
        }
        return total;
    }
}
