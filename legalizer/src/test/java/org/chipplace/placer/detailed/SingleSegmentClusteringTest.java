package org.chipplace.placer.detailed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;
import org.chipplace.placer.legalize.CellLegalizer;
import org.chipplace.placer.legalize.LegalizerOptions;
import org.chipplace.placer.legalize.TestDesigns;
import org.chipplace.placer.rows.RowSegments;
import org.junit.jupiter.api.Test;

class SingleSegmentClusteringTest {
    private static final double H = TestDesigns.ROW_H;

    /** Row segments, segment cells and net boxes of a legal placement. */
    private record State(SegmentCells sc, NetBoxes nb) {
        static State of(Netlist nl, Placement p) {
            RowSegments seg = RowSegments.build(nl, p, RowSegments.defaultBlockages(nl), 1);
            return new State(new SegmentCells(nl, p, seg), new NetBoxes(nl, p.x(), p.y(), 1));
        }

        SingleSegmentClustering ssc() {
            return new SingleSegmentClustering(sc, nb, DetailedPlacer.MAX_REGION_DEGREE);
        }

        /** The cells of every segment in slot order. */
        int[][] order() {
            int[][] out = new int[sc.seg.numSegments()][];
            for (int s = 0; s < out.length; s++) {
                out[s] = new int[sc.count(s)];
                for (int k = 0; k < out[s].length; k++) {
                    out[s][k] = sc.cell(s, k);
                }
            }
            return out;
        }
    }

    @Test
    void cellFarFromItsPadMovesTowardItPushingItsRightNeighbourAlong() {
        NetlistBuilder b = new NetlistBuilder("ssc-hand");
        TestDesigns.addRows(b, 1, 40);
        int a = b.addMovable("a", 3, H);
        int c = b.addMovable("c", 4, H);
        int d = b.addMovable("d", 2, H);
        b.setPosition(a, 0, 0, "N").setPosition(c, 3, 0, "N").setPosition(d, 7, 0, "N");
        int padL = b.addFixed("padL", 2, 2, false);
        int padR = b.addFixed("padR", 2, 2, false);
        // outside the core (below the row), so they block no sites; padR's centre is at x = 31
        b.setPosition(padL, -10, -10, "N").setPosition(padR, 30, -10, "N");
        b.addNet("a-padL", 1);
        b.addPin(a, 0, 0, Netlist.DIR_INPUT);
        b.addPin(padL, 0, 0, Netlist.DIR_OUTPUT);
        b.addNet("c-padR", 2);
        b.addPin(c, 0, 0, Netlist.DIR_INPUT);
        b.addPin(padR, 0, 0, Netlist.DIR_OUTPUT);
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        double before = TestDesigns.hpwl(nl, p);
        State st = State.of(nl, p);
        assertThat(st.ssc().cluster(0)).isTrue();
        // c's pin (centre) reaches the pad's centre; d, netless, is pushed just right of c
        assertThat(p.x()[a]).isEqualTo(0.0);
        assertThat(p.x()[c]).isEqualTo(29.0);
        assertThat(p.x()[d]).isEqualTo(33.0);
        double after = TestDesigns.hpwl(nl, p);
        assertThat(after).isCloseTo(before - 2 * 26, offset(1e-9));
        assertThat(st.nb().total()).isCloseTo(after, offset(1e-9));
        assertThat(st.order()[0]).containsExactly(a, c, d);
        assertThat(TestDesigns.violations(nl, p)).isEmpty();
        // at the optimum: a second call changes nothing
        assertThat(st.ssc().cluster(0)).isFalse();
    }

    @Test
    void positionsStayOnTheSiteGridOfRowsWithOffsetAndWideSites() {
        NetlistBuilder b = new NetlistBuilder("ssc-sites");
        b.addRow(new Row(0, H, 2, 2, 1, 30, "N")); // sites at x = 1, 3, 5, ..., row ends at 61
        int a = b.addMovable("a", 4, H);
        int c = b.addMovable("c", 2, H);
        b.setPosition(a, 1, 0, "N").setPosition(c, 5, 0, "N");
        int pad = b.addFixed("pad", 1, 1, false);
        b.setPosition(pad, 40.2, -10, "N");
        b.addNet("a-pad", 1);
        b.addPin(a, 0.3, 0, Netlist.DIR_INPUT);
        b.addPin(pad, 0, 0, Netlist.DIR_OUTPUT);
        b.addNet("c-pad", 1);
        b.addPin(c, 0, 0, Netlist.DIR_INPUT);
        b.addPin(pad, 0, 0, Netlist.DIR_OUTPUT);
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        double before = TestDesigns.hpwl(nl, p);
        State st = State.of(nl, p);
        assertThat(st.ssc().cluster(0)).isTrue();
        assertThat(TestDesigns.hpwl(nl, p)).isLessThan(before - 50);
        for (int v : new int[] {a, c}) {
            double site = (p.x()[v] - 1) / 2;
            assertThat(site).as(nl.nodeNames()[v]).isEqualTo(Math.rint(site));
        }
        assertThat(p.x()[a] + 4).isLessThanOrEqualTo(p.x()[c]);
        assertThat(TestDesigns.violations(nl, p)).isEmpty();
    }

    @Test
    void passesNeverRaiseHpwlKeepLegalityOrderAndAnExactCacheOnRandomDesigns() {
        double gain = 0;
        for (long seed = 41; seed <= 46; seed++) {
            Netlist nl = TestDesigns.random(seed, 12, 100, 1 + (int) (seed % 3), 0.55 + 0.05 * (seed % 5));
            Placement p = nl.initialPlacement();
            CellLegalizer.legalize(nl, p, LegalizerOptions.defaults().withThreads(1));
            State st = State.of(nl, p);
            int[][] order = st.order();
            SingleSegmentClustering ssc = st.ssc();
            double prev = TestDesigns.hpwl(nl, p);
            double start = prev;
            for (int pass = 0; pass < 3; pass++) {
                int moved = ssc.pass();
                double cur = TestDesigns.hpwl(nl, p);
                assertThat(cur).as("seed %d pass %d", seed, pass).isLessThanOrEqualTo(prev + 1e-9);
                if (moved > 0) {
                    assertThat(cur).as("seed %d pass %d", seed, pass).isLessThan(prev);
                }
                assertThat(st.nb().total()).isCloseTo(cur, offset(1e-9 * start));
                assertThat(TestDesigns.violations(nl, p)).as("seed %d", seed).isEmpty();
                prev = cur;
            }
            assertThat(st.order()).as("seed %d", seed).isDeepEqualTo(order);
            gain += start - prev;
        }
        assertThat(gain).isPositive();
    }

    @Test
    void bulkTrialsOfManyNodesGiveTheExactDeltaAlsoOnLargeNets() {
        SplittableRandom rnd = new SplittableRandom(7);
        NetlistBuilder b = new NetlistBuilder("bulk");
        TestDesigns.addRows(b, 4, 80);
        int n = 60;
        for (int i = 0; i < n; i++) {
            b.setPosition(b.addMovable("c" + i, 1 + rnd.nextInt(4), H), rnd.nextInt(76), H * rnd.nextInt(4), "N");
        }
        for (int e = 0; e < 40; e++) {
            b.addNet("n" + e, 1 + rnd.nextInt(2));
            int deg = e % 5 == 0 ? 26 + rnd.nextInt(20) : 2 + rnd.nextInt(4); // some above NetBoxes.BIG
            for (int k = 0; k < deg; k++) {
                b.addPin(rnd.nextInt(n), rnd.nextDouble() - 0.5, 0, Netlist.DIR_INPUT);
            }
        }
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        NetBoxes nb = new NetBoxes(nl, p.x(), p.y(), 1);
        for (int trial = 0; trial < 200; trial++) {
            int m = 1 + rnd.nextInt(30);
            int[] perm = java.util.stream.IntStream.range(0, n).toArray();
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            // small moves keep many pins inside large nets' boxes (the cached-box path)
            Placement q = p.copy();
            nb.begin();
            for (int i = 0; i < m; i++) {
                int v = perm[i];
                double nx = p.x()[v] + rnd.nextInt(5) - 2;
                double ny = trial % 2 == 0 ? p.y()[v] : H * rnd.nextInt(4);
                q.x()[v] = nx;
                q.y()[v] = ny;
                nb.move(v, nx, ny);
            }
            double before = TestDesigns.hpwl(nl, p);
            double expect = TestDesigns.hpwl(nl, q) - before;
            assertThat(nb.delta()).as("trial %d, %d nodes", trial, m).isCloseTo(expect, offset(1e-9));
            if (rnd.nextBoolean()) {
                nb.commit();
                assertThat(Arrays.equals(p.x(), q.x())).isTrue();
            } else {
                nb.abort();
            }
            assertThat(nb.total()).isCloseTo(TestDesigns.hpwl(nl, p), offset(1e-9));
        }
    }

    @Test
    void detailedPlacementWithAndWithoutClusteringIsLegalAndNeverWorse() {
        boolean differs = false;
        for (long seed = 51; seed <= 54; seed++) {
            Netlist nl = TestDesigns.random(seed, 14, 110, 2, 0.7);
            Placement legal = nl.initialPlacement();
            CellLegalizer.legalize(nl, legal, LegalizerOptions.defaults().withThreads(1));
            double before = TestDesigns.hpwl(nl, legal);
            double[] after = new double[2];
            for (int on = 0; on < 2; on++) {
                Placement p = legal.copy();
                DetailedPlacerOptions o = new DetailedPlacerOptions(3, 3, 1, 1e-4, 1, 16, on == 1, 8);
                DetailedPlacementResult r = DetailedPlacer.improve(nl, p, o);
                after[on] = TestDesigns.hpwl(nl, p);
                assertThat(TestDesigns.violations(nl, p)).as("seed %d on %d", seed, on).isEmpty();
                assertThat(r.hpwlAfter()).isCloseTo(after[on], offset(1e-6 * before));
                assertThat(after[on]).as("seed %d on %d", seed, on).isLessThan(before);
            }
            differs |= after[0] != after[1];
        }
        assertThat(differs).as("clustering changes some result").isTrue();
    }
}
