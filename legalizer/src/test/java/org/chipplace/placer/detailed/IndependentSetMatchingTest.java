package org.chipplace.placer.detailed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Placement;
import org.chipplace.placer.legalize.CellLegalizer;
import org.chipplace.placer.legalize.LegalizerOptions;
import org.chipplace.placer.legalize.TestDesigns;
import org.chipplace.placer.rows.RowSegments;
import org.junit.jupiter.api.Test;

class IndependentSetMatchingTest {
    private static final double H = TestDesigns.ROW_H;

    /** Row segments, segment cells and net boxes of a legal placement. */
    private record State(SegmentCells sc, NetBoxes nb) {
        static State of(Netlist nl, Placement p) {
            RowSegments seg = RowSegments.build(nl, p, RowSegments.defaultBlockages(nl), 1);
            return new State(new SegmentCells(nl, p, seg), new NetBoxes(nl, p.x(), p.y(), 1));
        }

        IndependentSetMatching ism(Netlist nl, int setSize) {
            return new IndependentSetMatching(nl, sc, nb, setSize, 1);
        }
    }

    @Test
    void hungarianFindsTheBruteForceMinimumOnRandomMatricesWithAndWithoutTies() {
        int max = 7;
        double[] dw = new double[Hungarian.doubleWork(max)];
        int[] iw = new int[Hungarian.intWork(max)];
        int[] assign = new int[max];
        for (int k = 1; k <= max; k++) {
            int[][] perms = LocalReorder.permutations(k);
            for (long seed = 1; seed <= 6; seed++) {
                SplittableRandom rnd = new SplittableRandom(seed * 31 + k);
                boolean ties = seed % 2 == 0;
                double[] c = new double[k * k];
                for (int i = 0; i < c.length; i++) {
                    c[i] = ties ? rnd.nextInt(3) : rnd.nextDouble() * 100 - 20;
                }
                double brute = Double.MAX_VALUE;
                for (int[] perm : perms) {
                    double t = 0;
                    for (int i = 0; i < k; i++) {
                        t += c[i * k + perm[i]];
                    }
                    brute = Math.min(brute, t);
                }
                double got = Hungarian.solve(c, k, assign, dw, iw);
                assertThat(got).as("k %d seed %d", k, seed).isCloseTo(brute, offset(1e-9));
                boolean[] usedCol = new boolean[k];
                double t = 0;
                for (int i = 0; i < k; i++) {
                    assertThat(usedCol[assign[i]]).as("column %d given twice", assign[i]).isFalse();
                    usedCol[assign[i]] = true;
                    t += c[i * k + assign[i]];
                }
                assertThat(t).isCloseTo(brute, offset(1e-9));
            }
        }
    }

    @Test
    void twoSameWidthCellsEachNextToTheOtherOnesPadAreSwapped() {
        NetlistBuilder b = new NetlistBuilder("ism-swap");
        TestDesigns.addRows(b, 2, 30);
        int a = b.addMovable("a", 3, H);
        int f = b.addMovable("filler", 5, H);
        int c = b.addMovable("c", 3, H);
        b.setPosition(a, 2, 0, "N").setPosition(f, 8, 0, "N").setPosition(c, 14, H, "N");
        int padNearA = b.addFixed("padNearA", 1, 1, false);
        int padNearC = b.addFixed("padNearC", 1, 1, false);
        b.setPosition(padNearA, 3, -10, "N").setPosition(padNearC, 15, 3 * H, "N");
        TestDesigns.addTwoPinNet(b, "a-padNearC", 1, a, padNearC);
        TestDesigns.addTwoPinNet(b, "c-padNearA", 1, c, padNearA);
        TestDesigns.addTwoPinNet(b, "f-padNearA", 1, f, padNearA);
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        double before = TestDesigns.hpwl(nl, p);
        State st = State.of(nl, p);
        double d = st.ism(nl, 16).improve(a);
        assertThat(p.x()[a]).isEqualTo(14.0);
        assertThat(p.y()[a]).isEqualTo(H);
        assertThat(p.x()[c]).isEqualTo(2.0);
        assertThat(p.y()[c]).isEqualTo(0.0);
        assertThat(p.x()[f]).isEqualTo(8.0);
        double after = TestDesigns.hpwl(nl, p);
        assertThat(after).isLessThan(before);
        assertThat(d).isCloseTo(after - before, offset(1e-9));
        assertThat(st.nb().total()).isCloseTo(after, offset(1e-9));
        assertThat(st.sc().segOf(a)).isEqualTo(1);
        assertThat(st.sc().segOf(c)).isEqualTo(0);
        assertConsistent(st.sc(), nl);
        assertThat(TestDesigns.violations(nl, p)).isEmpty();
    }

    @Test
    void cellsSharingANetAreNeverInOneSet() {
        NetlistBuilder b = new NetlistBuilder("ism-shared");
        TestDesigns.addRows(b, 1, 30);
        int a = b.addMovable("a", 3, H);
        int c = b.addMovable("c", 3, H);
        b.setPosition(a, 2, 0, "N").setPosition(c, 14, 0, "N");
        int padL = b.addFixed("padL", 1, 1, false);
        int padR = b.addFixed("padR", 1, 1, false);
        b.setPosition(padL, -10, 0, "N").setPosition(padR, 40, 0, "N");
        // swapping would pay, but a and c share a net, so their costs are not separable
        b.addNet("a-padR-c", 1);
        b.addPin(a, 0, 0, Netlist.DIR_INPUT);
        b.addPin(padR, 0, 0, Netlist.DIR_OUTPUT);
        b.addPin(c, 0, 0, Netlist.DIR_INPUT);
        TestDesigns.addTwoPinNet(b, "c-padL", 3, c, padL);
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        State st = State.of(nl, p);
        IndependentSetMatching ism = st.ism(nl, 16);
        assertThat(ism.improve(a)).isZero();
        assertThat(ism.lastSetSize()).isEqualTo(1);
        assertThat(p.x()[a]).isEqualTo(2.0);
        assertThat(p.x()[c]).isEqualTo(14.0);
    }

    @Test
    void decreaseForOneSetEqualsTheBruteForceBestPermutation() {
        for (long seed = 1; seed <= 10; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            NetlistBuilder b = new NetlistBuilder("ism-brute" + seed);
            TestDesigns.addRows(b, 3, 40);
            int n = 5;
            int[] cell = new int[n];
            double[] xx = {2, 9, 30, 5, 20};
            double[] yy = {0, 0, H, 2 * H, 2 * H};
            for (int i = 0; i < n; i++) {
                cell[i] = b.addMovable("c" + i, 3, H);
                b.setPosition(cell[i], xx[i] + rnd.nextInt(3), yy[i], "N");
            }
            int filler = b.addMovable("filler", 4, H);
            b.setPosition(filler, 15, H, "N");
            int[] pad = new int[6];
            for (int i = 0; i < pad.length; i++) {
                pad[i] = b.addFixed("pad" + i, 1, 1, false);
                // outside the core (below or above the rows), so they block no sites
                double py = rnd.nextBoolean() ? -5 - rnd.nextInt(40) : 3 * H + 5 + rnd.nextInt(40);
                b.setPosition(pad[i], rnd.nextInt(60) - 10, py, "N");
            }
            // each set cell gets its own nets (independent); some nets also hold the filler or two pins
            // of the same cell, weights and pin offsets vary
            for (int i = 0; i < n; i++) {
                int nets = 1 + rnd.nextInt(3);
                for (int e = 0; e < nets; e++) {
                    b.addNet("n" + i + "_" + e, 1 + rnd.nextInt(3));
                    b.addPin(cell[i], rnd.nextInt(3) - 1, rnd.nextInt(5) - 2, Netlist.DIR_INPUT);
                    b.addPin(pad[rnd.nextInt(pad.length)], 0, 0, Netlist.DIR_OUTPUT);
                    if (rnd.nextInt(3) == 0) {
                        b.addPin(filler, 1, 0, Netlist.DIR_INPUT);
                    }
                    if (rnd.nextInt(4) == 0) {
                        b.addPin(cell[i], 1, 1, Netlist.DIR_OUTPUT);
                    }
                }
            }
            Netlist nl = b.build();
            Placement p = nl.initialPlacement();
            double before = TestDesigns.hpwl(nl, p);
            double best = before;
            for (int[] perm : LocalReorder.permutations(n)) {
                Placement q = p.copy();
                for (int i = 0; i < n; i++) {
                    q.x()[cell[i]] = p.x()[cell[perm[i]]];
                    q.y()[cell[i]] = p.y()[cell[perm[i]]];
                }
                best = Math.min(best, TestDesigns.hpwl(nl, q));
            }
            State st = State.of(nl, p);
            IndependentSetMatching ism = st.ism(nl, 16);
            double d = ism.improve(cell[2]); // the seed in the middle row reaches all three rows
            assertThat(ism.lastSetSize()).as("seed %d", seed).isEqualTo(n);
            assertThat(d).as("seed %d", seed).isCloseTo(best - before, offset(1e-9));
            assertThat(TestDesigns.hpwl(nl, p)).as("seed %d", seed).isCloseTo(best, offset(1e-9));
            assertThat(st.nb().total()).isCloseTo(best, offset(1e-9));
            assertConsistent(st.sc(), nl);
            assertThat(TestDesigns.violations(nl, p)).isEmpty();
        }
    }

    @Test
    void passesNeverRaiseHpwlAndKeepRandomDesignsLegal() {
        double gain = 0;
        for (long seed = 21; seed <= 25; seed++) {
            Netlist nl = TestDesigns.random(seed, 12, 100, 1 + (int) (seed % 3), 0.8);
            Placement p = nl.initialPlacement();
            CellLegalizer.legalize(nl, p, LegalizerOptions.defaults().withThreads(1));
            State st = State.of(nl, p);
            IndependentSetMatching ism = st.ism(nl, 2 + (int) (seed % 4) * 5);
            double prev = TestDesigns.hpwl(nl, p);
            double start = prev;
            for (int pass = 0; pass < 3; pass++) {
                ism.pass();
                double cur = TestDesigns.hpwl(nl, p);
                assertThat(cur).as("seed %d pass %d", seed, pass).isLessThanOrEqualTo(prev + 1e-9);
                assertThat(st.nb().total()).isCloseTo(cur, offset(1e-6 * start));
                prev = cur;
            }
            assertConsistent(st.sc(), nl);
            assertThat(TestDesigns.violations(nl, p)).as("seed %d", seed).isEmpty();
            gain += start - prev;
        }
        assertThat(gain).isPositive();
    }

    @Test
    void detailedPlacementWithMatchingIsLegalAndNoWorseThanBefore() {
        for (long seed = 31; seed <= 33; seed++) {
            Netlist nl = TestDesigns.random(seed, 16, 120, 2, 0.85);
            Placement p = nl.initialPlacement();
            CellLegalizer.legalize(nl, p, LegalizerOptions.defaults().withThreads(1));
            double before = TestDesigns.hpwl(nl, p);
            DetailedPlacementResult r = DetailedPlacer.improve(nl, p, new DetailedPlacerOptions(3, 3, 1, 1e-4, 1, 16, true, 8));
            assertThat(TestDesigns.violations(nl, p)).as("seed %d", seed).isEmpty();
            assertThat(r.hpwlAfter()).isCloseTo(TestDesigns.hpwl(nl, p), offset(1e-6 * before));
            assertThat(r.hpwlAfter()).isLessThan(before);
        }
    }

    /** Every segment's cells are sorted, do not overlap, and segOf/indexOf agree with the slots. */
    private static void assertConsistent(SegmentCells sc, Netlist nl) {
        int total = 0;
        for (int s = 0; s < sc.seg.numSegments(); s++) {
            for (int k = 0; k < sc.count(s); k++) {
                int v = sc.cell(s, k);
                assertThat(sc.segOf(v)).isEqualTo(s);
                assertThat(sc.indexOf(v)).isEqualTo(k);
                assertThat(sc.y[v]).isEqualTo(sc.rowY(s));
                assertThat(sc.x[v]).isBetween(sc.seg.xLo(s) - 1e-9, sc.seg.xHi(s) - sc.w[v] + 1e-9);
                if (k > 0) {
                    int u = sc.cell(s, k - 1);
                    assertThat(sc.x[u] + sc.w[u]).as(nl.nodeNames()[u]).isLessThanOrEqualTo(sc.x[v] + 1e-9);
                }
                total++;
            }
        }
        assertThat(total).isEqualTo(sc.movable.length);
    }
}
