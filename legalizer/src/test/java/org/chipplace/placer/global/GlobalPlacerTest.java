package org.chipplace.placer.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;
import org.chipplace.parallel.Parallel;
import org.chipplace.placer.ProgressListener;
import org.junit.jupiter.api.Test;

class GlobalPlacerTest {

    static boolean[] movableNodes(Netlist nl) {
        boolean[] mv = new boolean[nl.numNodes()];
        for (int v = 0; v < mv.length; v++) {
            mv[v] = nl.isMovable(v);
        }
        return mv;
    }

    static double hpwl(Netlist nl, Placement p) {
        PlacementModel m = new PlacementModel(nl, p, new boolean[nl.numNodes()]);
        return m.hpwl(new double[0], new double[0]);
    }

    @Test
    void syntheticDesignSpreadsToLowOverflowWithFarLessWirelengthThanRandomSpread() {
        Netlist nl = SyntheticDesigns.cells(2000, 32, 0.7, 3L);
        Placement random = nl.initialPlacement();
        SplittableRandom r = new SplittableRandom(5);
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.isMovable(v)) {
                random.x()[v] = nl.coreXl() + r.nextDouble() * (nl.coreXh() - nl.coreXl() - nl.widths()[v]);
                random.y()[v] = nl.coreYl() + r.nextDouble() * (nl.coreYh() - nl.coreYl() - nl.heights()[v]);
            }
        }
        Placement p = nl.initialPlacement();
        List<Double> reported = new ArrayList<>();
        ProgressListener listener = (stage, it, frac, h, of) -> {
            assertThat(stage).isEqualTo("global");
            reported.add(of);
        };
        GlobalPlacementResult res = GlobalPlacer.place(nl, p, movableNodes(nl),
                GlobalPlacerOptions.defaults().withThreads(2), listener);
        assertThat(res.overflow()).isLessThanOrEqualTo(0.1);
        assertThat(res.hpwl()).isLessThan(0.3 * hpwl(nl, random));
        assertThat(res.hpwl()).isCloseTo(hpwl(nl, p), org.assertj.core.data.Offset.offset(1e-6 * res.hpwl()));
        assertThat(res.hpwlTrace()).hasSize(res.iterations());
        assertThat(res.overflowTrace()[res.iterations() - 1]).isEqualTo(res.overflow());
        assertThat(reported).isNotEmpty();
        Placement start = nl.initialPlacement();
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.isMovable(v)) {
                assertThat(p.x()[v]).isBetween(nl.coreXl() - 1e-9, nl.coreXh() - nl.widths()[v] + 1e-9);
                assertThat(p.y()[v]).isBetween(nl.coreYl() - 1e-9, nl.coreYh() - nl.heights()[v] + 1e-9);
            } else {
                assertThat(p.x()[v]).isEqualTo(start.x()[v]);
                assertThat(p.y()[v]).isEqualTo(start.y()[v]);
            }
        }
    }

    @Test
    void sameSeedGivesIdenticalPlacementWithOneOrTwoThreads() {
        Netlist nl = SyntheticDesigns.cells(1500, 16, 0.7, 4L);
        GlobalPlacerOptions o = new GlobalPlacerOptions(1.0, 0.07, 120, 0, 8.0, 0, 3, 1, 42L);
        Placement p1 = nl.initialPlacement();
        Placement p2 = nl.initialPlacement();
        GlobalPlacementResult r1 = GlobalPlacer.place(nl, p1, movableNodes(nl), o, ProgressListener.NONE);
        GlobalPlacementResult r2 = GlobalPlacer.place(nl, p2, movableNodes(nl), o.withThreads(2), ProgressListener.NONE);
        assertThat(r2.iterations()).isEqualTo(r1.iterations());
        assertThat(r2.hpwlTrace()).containsExactly(r1.hpwlTrace());
        assertThat(p2.x()).containsExactly(p1.x());
        assertThat(p2.y()).containsExactly(p1.y());
        Placement p3 = nl.initialPlacement();
        GlobalPlacer.place(nl, p3, movableNodes(nl), o.withSeed(43L), ProgressListener.NONE);
        assertThat(p3.x()).isNotEqualTo(p1.x());
    }

    @Test
    void movableMacrosAndCellsSpreadAroundAFixedBlock() {
        NetlistBuilder b = new NetlistBuilder("mixed");
        SplittableRandom r = new SplittableRandom(8);
        int n = 600;
        int[] nodes = new int[n + 4];
        for (int i = 0; i < n; i++) {
            nodes[i] = b.addMovable("c" + i, 2 + r.nextInt(5), 10);
        }
        for (int k = 0; k < 4; k++) {
            nodes[n + k] = b.addMovable("m" + k, 30, 40);
        }
        int block = b.addFixed("block", 40, 40, false);
        b.setPosition(block, 80, 80, "N");
        for (int row = 0; row < 20; row++) {
            b.addRow(new Row(row * 10.0, 10, 1, 1, 0, 200, "N"));
        }
        for (int e = 0; e < 700; e++) {
            b.addNet("n" + e, 1);
            int a = nodes[r.nextInt(nodes.length)];
            int c = nodes[r.nextInt(nodes.length)];
            b.addPin(a, 0, 0, Netlist.DIR_OUTPUT);
            b.addPin(c == a ? block : c, 0, 0, Netlist.DIR_INPUT);
        }
        Netlist nl = b.build();
        assertThat(nl.numMacros()).isEqualTo(4);
        Placement p = nl.initialPlacement();
        GlobalPlacementResult res = GlobalPlacer.place(nl, p, movableNodes(nl),
                GlobalPlacerOptions.defaults().withThreads(1), ProgressListener.NONE);
        assertThat(res.overflow()).isLessThanOrEqualTo(0.07);
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.kind(v) == NodeKind.MACRO) {
                assertThat(p.x()[v]).isBetween(-1e-9, 200 - 30 + 1e-9);
                assertThat(p.y()[v]).isBetween(-1e-9, 200 - 40 + 1e-9);
            }
        }
    }

    @Test
    void boundToBoundPlacesACellNearTheMedianOfItsFixedPins() {
        NetlistBuilder b = new NetlistBuilder("median");
        int c = b.addMovable("c", 2, 10);
        double[] xs = {0, 30, 100};
        for (int i = 0; i < 3; i++) {
            int pad = b.addFixed("p" + i, 0, 0, false);
            b.setPosition(pad, xs[i], 50, "N");
            b.addNet("n" + i, 1);
            b.addPin(c, 0, 0, Netlist.DIR_INPUT);
            b.addPin(pad, 0, 0, Netlist.DIR_OUTPUT);
        }
        for (int row = 0; row < 10; row++) {
            b.addRow(new Row(row * 10.0, 10, 1, 1, 0, 100, "N"));
        }
        Netlist nl = b.build();
        boolean[] mv = movableNodes(nl);
        try (Parallel par = new Parallel(1)) {
            PlacementModel m1 = new PlacementModel(nl, nl.initialPlacement(), mv);
            QuadraticPlacer.place(m1, 1, 1L, par);
            PlacementModel m20 = new PlacementModel(nl, nl.initialPlacement(), mv);
            QuadraticPlacer.place(m20, 20, 1L, par);
            // one round starts from the mean of the pins (43.3); B2B reweighting moves towards the median 30
            assertThat(Math.abs(m20.cx[0] - 30)).isLessThan(Math.abs(m1.cx[0] - 30));
            assertThat(m20.cx[0]).isCloseTo(30, org.assertj.core.data.Offset.offset(3.0));
            assertThat(m20.cy[0]).isCloseTo(50, org.assertj.core.data.Offset.offset(1e-3));
        }
    }

    @Test
    void zeroInitialPlacementRoundsKeepTheGivenPositionsAsStart() {
        Netlist nl = SyntheticDesigns.cells(800, 16, 0.7, 6L);
        Placement start = nl.initialPlacement();
        SplittableRandom r = new SplittableRandom(2);
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.isMovable(v)) {
                start.x()[v] = nl.coreXl() + r.nextDouble() * (nl.coreXh() - nl.coreXl() - nl.widths()[v]);
                start.y()[v] = nl.coreYl() + r.nextDouble() * (nl.coreYh() - nl.coreYl() - nl.heights()[v]);
            }
        }
        boolean[] mv = movableNodes(nl);
        try (Parallel par = new Parallel(1)) {
            PlacementModel keep = new PlacementModel(nl, start, mv);
            double[] x0 = keep.cx.clone(), y0 = keep.cy.clone();
            QuadraticPlacer.place(keep, 0, 1L, par);
            assertThat(keep.cx).containsExactly(x0);
            assertThat(keep.cy).containsExactly(y0);
            PlacementModel ip = new PlacementModel(nl, start, mv);
            QuadraticPlacer.place(ip, 5, 1L, par);
            assertThat(ip.hpwl(ip.cx, ip.cy)).isLessThan(0.5 * keep.hpwl(x0, y0));
        }
    }

    @Test
    void refinementOfASpreadPlacementStaysSpreadAndNearItsWirelength() {
        Netlist nl = SyntheticDesigns.cells(2000, 32, 0.7, 9L);
        Placement p = nl.initialPlacement();
        GlobalPlacerOptions o = GlobalPlacerOptions.defaults().withThreads(2);
        GlobalPlacementResult first = GlobalPlacer.place(nl, p, movableNodes(nl), o, ProgressListener.NONE);
        assertThat(first.overflow()).isLessThanOrEqualTo(0.07);
        GlobalPlacerOptions refine = new GlobalPlacerOptions(1.0, 0.05, 1500, 0, 8.0, 0, 0, 2, 2L);
        GlobalPlacementResult again = GlobalPlacer.place(nl, p, movableNodes(nl), refine, ProgressListener.NONE);
        // the fillers settle first and the density weight starts high, so the cells never collapse
        // back into a clump (with a collapsed-start weight and no filler warm-up it passed 0.49 within 40 iterations)
        double worst = 0;
        for (int i = 0; i < again.iterations(); i++) {
            worst = Math.max(worst, again.overflowTrace()[i]);
        }
        // (0.30-0.32 on these designs at seeds 1-4 and 9; 0.22 on the lattice designs this test first used)
        assertThat(worst).isLessThan(0.35);
        assertThat(again.overflow()).isLessThanOrEqualTo(0.05);
        assertThat(again.hpwl()).isLessThan(1.1 * first.hpwl());
    }

    @Test
    void wirelengthGuardStopsOnlyWhenMuchWirelengthBuysLittleOverflowInItsOverflowRange() {
        // HPWL +5 % for 0.005 less overflow: stop; +5 % for 0.02 less, or +2 % for 0.005 less: go on
        assertThat(Schedule.wirelengthGuardStops(100, 0.060, 105, 0.055)).isTrue();
        assertThat(Schedule.wirelengthGuardStops(100, 0.080, 105, 0.060)).isFalse();
        assertThat(Schedule.wirelengthGuardStops(100, 0.060, 102, 0.055)).isFalse();
        assertThat(Schedule.wirelengthGuardStops(100, 0.060, 99, 0.061)).isFalse();
        // cells only: near the end of spreading; with movable macros: while they still overlap a lot
        assertThat(Schedule.guardActive(false, 0.10)).isTrue();
        assertThat(Schedule.guardActive(false, 0.30)).isFalse();
        assertThat(Schedule.guardActive(true, 0.30)).isTrue();
        assertThat(Schedule.guardActive(true, 0.05)).isFalse();
        assertThat(Schedule.guardActive(true, 0.80)).isFalse();
    }

    @Test
    void tailGuardStopsWhenAWindowCostsMoreWirelengthThanItBuysOverflowWithMovableMacrosOnly() {
        // +5 % HPWL for 2 % less overflow: stop; +5 % for 10 % less, or +1 % for nothing: go on
        assertThat(Schedule.tailGuardStops(100, 0.0200, 105, 0.0196)).isTrue();
        assertThat(Schedule.tailGuardStops(100, 0.0200, 105, 0.0180)).isFalse();
        assertThat(Schedule.tailGuardStops(100, 0.0200, 101, 0.0200)).isFalse();
        assertThat(Schedule.tailGuardStops(100, 0.0200, 104, 0.0210)).isTrue();
        assertThat(Schedule.tailActive(true, 0.05)).isTrue();
        assertThat(Schedule.tailActive(true, 0.20)).isFalse();
        assertThat(Schedule.tailActive(false, 0.05)).isFalse();
    }

    @Test
    void optionsRejectInvalidValues() {
        GlobalPlacerOptions d = GlobalPlacerOptions.defaults();
        assertThat(d.targetDensity()).isEqualTo(1.0);
        assertThat(d.targetOverflow()).isEqualTo(0.07);
        assertThat(d.maxIterations()).isEqualTo(1500);
        assertThatThrownBy(() -> new GlobalPlacerOptions(0, 0.07, 10, 0, 8, 0, 5, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GlobalPlacerOptions(1.1, 0.07, 10, 0, 8, 0, 5, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GlobalPlacerOptions(1, 1.0, 10, 0, 8, 0, 5, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GlobalPlacerOptions(1, 0.07, 0, 0, 8, 0, 5, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GlobalPlacerOptions(1, 0.07, 10, 100, 8, 0, 5, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GlobalPlacerOptions(1, 0.07, 10, 0, 0, 0, 5, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GlobalPlacerOptions(1, 0.07, 10, 0, 8, -1, 5, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GlobalPlacerOptions(1, 0.07, 10, 0, 8, 0, -1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GlobalPlacerOptions(1, 0.07, 10, 0, 8, 0, 5, -2, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(GlobalPlacer.autoBins(20000)).isEqualTo(128);
        assertThat(GlobalPlacer.autoBins(10)).isEqualTo(32);
        assertThat(GlobalPlacer.autoBins(100_000_000)).isEqualTo(1024);
    }

    @Test
    void schedulesFollowRePlAce() {
        assertThat(Schedule.gamma(8, 2, 1.0)).isCloseTo(8 * 2 * 10, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Schedule.gamma(8, 2, 0.1)).isCloseTo(8 * 2 * 0.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Schedule.gamma(8, 2, 0.0)).isEqualTo(Schedule.gamma(8, 2, 0.1));
        assertThat(Schedule.mu(-5, 100)).isEqualTo(1.05);
        assertThat(Schedule.mu(0, 100)).isEqualTo(1.05);
        assertThat(Schedule.mu(50, 100)).isCloseTo(Math.pow(1.05, 0.5), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Schedule.mu(1e6, 100)).isEqualTo(0.95);
    }
}
