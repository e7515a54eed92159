package org.chipplace.placer.detailed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClumpingTest {

    /** Smallest objective over all ordered, non-overlapping integer positions in [lo, hi]. */
    private static double bruteForce(int n, double[] w, int[] start, double[] val, double[] wgt, int lo, int hi) {
        return search(0, lo, n, w, start, val, wgt, hi, new double[n]);
    }

    private static double search(int i, double from, int n, double[] w, int[] start, double[] val, double[] wgt,
                                 int hi, double[] x) {
        if (i == n) {
            return Clumping.cost(n, start, val, wgt, x);
        }
        double best = Double.MAX_VALUE;
        for (double xi = from; xi + w[i] <= hi; xi++) {
            x[i] = xi;
            best = Math.min(best, search(i + 1, xi + w[i], n, w, start, val, wgt, hi, x));
        }
        return best;
    }

    @Test
    void clumpingReachesTheBruteForceOptimumOnTinyIntegerSegments() {
        Clumping c = new Clumping();
        int cases = 0;
        for (int n = 1; n <= 4; n++) {
            for (long seed = 1; seed <= 60; seed++) {
                SplittableRandom rnd = new SplittableRandom(seed * 17 + n);
                int lo = rnd.nextInt(4) - 2;
                int len = 5 + rnd.nextInt(8);
                int hi = lo + len;
                double[] w = new double[n];
                int[] start = new int[n + 1];
                double[] val = new double[3 * n];
                double[] wgt = new double[3 * n];
                double widths = 0;
                int np = 0;
                for (int i = 0; i < n; i++) {
                    w[i] = 1 + rnd.nextInt(3);
                    widths += w[i];
                    start[i] = np;
                    int k = 1 + rnd.nextInt(3); // one point is the classic target t_i, more a piecewise cost
                    for (int j = 0; j < k; j++) {
                        val[np] = lo - 4 + rnd.nextInt(len + 8);
                        wgt[np++] = seed % 3 == 0 ? 1 : rnd.nextInt(4);
                    }
                }
                start[n] = np;
                double[] x = new double[n];
                boolean ok = c.solve(n, w, start, val, wgt, lo, hi, x);
                assertThat(ok).isEqualTo(widths <= len);
                if (!ok) {
                    continue;
                }
                cases++;
                assertThat(x[0]).isGreaterThanOrEqualTo(lo);
                assertThat(x[n - 1] + w[n - 1]).isLessThanOrEqualTo(hi);
                for (int i = 1; i < n; i++) {
                    assertThat(x[i - 1] + w[i - 1]).as("n %d seed %d cell %d", n, seed, i).isLessThanOrEqualTo(x[i]);
                }
                assertThat(Clumping.cost(n, start, val, wgt, x)).as("n %d seed %d", n, seed)
                        .isCloseTo(bruteForce(n, w, start, val, wgt, lo, hi), offset(1e-9));
            }
        }
        assertThat(cases).isGreaterThan(150);
    }

    @Test
    void cellsWithDistantTargetsInTheWrongOrderShareOneClusterAtTheMedian() {
        // targets 10 (weight 1) and 0 (weight 3): the pair clumps, the heavier cell wins
        double[] w = {2, 2};
        int[] start = {0, 1, 2};
        double[] val = {10, 0};
        double[] wgt = {1, 3};
        double[] x = new double[2];
        assertThat(new Clumping().solve(2, w, start, val, wgt, -5, 20, x)).isTrue();
        assertThat(x).containsExactly(-2.0, 0.0);
    }

    @Test
    void clustersAreClampedToTheSegment() {
        double[] w = {3, 3};
        int[] start = {0, 1, 2};
        double[] val = {-50, 50};
        double[] wgt = {1, 1};
        double[] x = new double[2];
        assertThat(new Clumping().solve(2, w, start, val, wgt, 0, 10, x)).isTrue();
        assertThat(x).containsExactly(0.0, 7.0);
        assertThat(new Clumping().solve(2, w, start, val, wgt, 0, 5, x)).isFalse();
    }
}
