package org.chipplace.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OverlapSweepPropertyTest {

    @Test
    void sweepMatchesQuadraticBruteForceOnRandomRectangles() {
        SplittableRandom r = new SplittableRandom(20240611L);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(40);
            boolean grid = trial % 2 == 0; // half-unit grid: many touching and contained rectangles
            double[] xl = new double[n], yl = new double[n], xh = new double[n], yh = new double[n];
            boolean[] fixed = new boolean[n];
            for (int i = 0; i < n; i++) {
                if (grid) {
                    xl[i] = 0.5 * r.nextInt(20) - 3;
                    yl[i] = 0.5 * r.nextInt(20) - 3;
                    xh[i] = xl[i] + 0.5 * r.nextInt(12); // zero sizes too
                    yh[i] = yl[i] + 0.5 * r.nextInt(12);
                } else {
                    xl[i] = r.nextDouble(0, 10);
                    yl[i] = r.nextDouble(0, 10);
                    xh[i] = xl[i] + r.nextDouble(0, 5);
                    yh[i] = yl[i] + r.nextDouble(0, 5);
                }
                if (i > 0 && r.nextInt(8) == 0) { // exact duplicate, or a copy contained in its predecessor
                    boolean inner = r.nextBoolean();
                    xl[i] = xl[i - 1] + (inner ? 0.5 : 0);
                    yl[i] = yl[i - 1];
                    xh[i] = Math.max(xl[i], xh[i - 1] - (inner ? 0.5 : 0));
                    yh[i] = yh[i - 1];
                }
                fixed[i] = r.nextInt(4) == 0;
            }
            double[] ref = Reference.overlap(xl, yl, xh, yh, fixed, n, 1e-6);
            OverlapSweep.Result got = OverlapSweep.run(xl, yl, xh, yh, fixed, n, 1e-6);
            assertThat(got.pairs()).as("trial %d", trial).isEqualTo((long) ref[1]);
            assertThat(got.area()).as("trial %d", trial).isCloseTo(ref[0], within(1e-9 * (1 + ref[0])));
            // thin horizontal strips: rectangles span several strips, pairs must still count once
            int leaves = 1 + r.nextInt(4);
            OverlapSweep.Result strips = OverlapSweep.run(xl, yl, xh, yh, fixed, n, 1e-6, leaves, trial % 3 == 0);
            assertThat(strips.pairs()).as("trial %d, %d leaves", trial, leaves).isEqualTo((long) ref[1]);
            assertThat(strips.area()).as("trial %d, %d leaves", trial, leaves)
                    .isCloseTo(ref[0], within(1e-9 * (1 + ref[0])));
        }
    }

    @Test
    void snapSortsNegativeZeroAndPositiveValuesAndMergesNearValues() {
        double[] lo = {3, -2.5, 0.0, 1e-7, -1e9, 7};
        double[] hi = {-0.0, 5, 2e-7, 4, 3 + 1e-9, 1e300};
        int n = lo.length;
        int[] li = new int[n], hi2 = new int[n];
        double[] reps = Snap.run(lo, hi, n, 1e-6, li, hi2);
        assertThat(reps).containsExactly(-1e9, -2.5, 0.0, 3, 4, 5, 7, 1e300);
        assertThat(li).containsExactly(3, 1, 2, 2, 0, 6);
        assertThat(hi2).containsExactly(2, 5, 2, 4, 3, 7);
    }

    @Test
    void flatRectanglesNeverOverlap() {
        double[] xl = {0, 1, 0}, xh = {5, 6, 5}, y = {2, 2, 2 + 1e-9};
        OverlapSweep.Result got = OverlapSweep.run(xl, y, xh, y.clone(), new boolean[3], 3, 1e-6);
        assertThat(got).isEqualTo(new OverlapSweep.Result(0, 0));
    }

    @Test
    void manyIdenticalRectanglesCountEveryPair() {
        int n = 500;
        double[] xl = new double[n], yl = new double[n], xh = new double[n], yh = new double[n];
        java.util.Arrays.fill(xh, 2);
        java.util.Arrays.fill(yh, 3);
        OverlapSweep.Result got = OverlapSweep.run(xl, yl, xh, yh, new boolean[n], n, 1e-6);
        long pairs = (long) n * (n - 1) / 2;
        assertThat(got.pairs()).isEqualTo(pairs);
        assertThat(got.area()).isCloseTo(6.0 * pairs, within(1e-6));
    }
}
