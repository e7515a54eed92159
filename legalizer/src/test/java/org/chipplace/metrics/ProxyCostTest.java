package org.chipplace.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.junit.jupiter.api.Test;

/** Circuit Training's proxy cost against hand computation on tiny designs (lengths in microns). */
class ProxyCostTest {
    private static final double[] CANVAS = {0, 0, 10, 10};
    private static final double EPS = 1e-12;

    /** Cells a (2 x 2, centre (2.5, 2.5)) and b (2 x 2, centre (7.5, 7.5)), net a -> b. */
    private static Netlist twoCells() {
        NetlistBuilder b = new NetlistBuilder("two");
        int a = b.addMovable("a", 2, 2);
        int c = b.addMovable("b", 2, 2);
        b.setPosition(a, 1.5, 1.5, "N").setPosition(c, 6.5, 6.5, "N");
        b.addNet("n", 1);
        b.addPin(a, 0, 0, Netlist.DIR_OUTPUT);
        b.addPin(c, 0, 0, Netlist.DIR_INPUT);
        return b.build();
    }

    private static ProxyCostOptions grid2(int smooth) {
        return ProxyCostOptions.defaults().withGrid(2, 2).withRoutesPerMicron(1, 1).withMacroAlloc(0.5, 0.5)
                .withSmoothRange(smooth);
    }

    @Test
    void twoCellsByHand() {
        Netlist nl = twoCells();
        ProxyCostReport r = ProxyCost.compute(nl, nl.initialPlacement(), CANVAS, grid2(0));
        // HPWL 5 + 5 = 10 over 1 net x (10 + 10)
        assertThat(r.wirelength()).isCloseTo(0.5, within(EPS));
        // cells (0,0) and (1,1) hold 4 of 25: density 0.16; top max(1, floor(0.4)) = 1 cell, x 0.5
        assertThat(r.density()).isCloseTo(0.08, within(EPS));
        // source cell (0,0), sink (1,1): one horizontal crossing in (0,0), one vertical in (1,0), each
        // over 5 um x 1 route/um = 0.2; top max(1, floor(0.05 x 8)) = 1 value
        assertThat(r.congestion()).isCloseTo(0.2, within(EPS));
        assertThat(r.total()).isCloseTo(0.5 + 0.5 * 0.08 + 0.5 * 0.2, within(EPS));
    }

    @Test
    void smoothingSpreadsOverTheGridWithinRange() {
        Netlist nl = twoCells();
        // smoothing 2 on a 2 x 2 grid: each 0.2 spreads over the 2 cells of its row (vertical) or
        // column (horizontal): 0.1 each
        ProxyCostReport r = ProxyCost.compute(nl, nl.initialPlacement(), CANVAS, grid2(2));
        assertThat(r.congestion()).isCloseTo(0.1, within(EPS));
        double[] s = ProxyCongestion.smoothV(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 5, 0}, 5, 2, 2);
        // value 5 at column 3 of row 1 spreads over columns 1..4: 1.25 each
        assertThat(s).containsExactly(new double[] {0, 0, 0, 0, 0, 0, 1.25, 1.25, 1.25, 1.25}, within(EPS));
    }

    @Test
    void threeGridNetsFollowTheDocumentedPatterns() {
        NetlistBuilder b = new NetlistBuilder("three");
        int[] v = new int[3];
        double[][] centres = {{0.5, 0.5}, {1.5, 1.5}, {2.5, 2.5}}; // cells (0,0), (1,1), (2,2) of a 3 x 3 grid
        for (int k = 0; k < 3; k++) {
            v[k] = b.addMovable("c" + k, 0.2, 0.2);
            b.setPosition(v[k], centres[k][0] - 0.1, centres[k][1] - 0.1, "N");
        }
        b.addNet("n", 2);
        b.addPin(v[2], 0, 0, Netlist.DIR_OUTPUT);
        b.addPin(v[0], 0, 0, Netlist.DIR_INPUT);
        b.addPin(v[1], 0, 0, Netlist.DIR_INPUT);
        Netlist nl = b.build();
        ProxyCongestion g = ProxyCongestion.routeDemand(nl, nl.initialPlacement(), new double[] {0, 0, 3, 3}, 3, 3);
        // L routing: H (0,0) and (1,1); V (1,0) and (2,1); weight 2 each
        assertThat(g.h).containsExactly(2, 0, 0, 0, 2, 0, 0, 0, 0);
        assertThat(g.v).containsExactly(0, 2, 0, 0, 0, 2, 0, 0, 0);
    }

    @Test
    void aMacroBlocksTracksExceptInThePartiallyCoveredTopRow() {
        NetlistBuilder b = new NetlistBuilder("macro");
        int m = b.addMovable("m", 5, 7.5);
        b.setMacro(m);
        b.setPosition(m, 0, 0, "N");
        Netlist nl = b.build();
        double[][] hv = ProxyCongestion.macroBlockage(nl, nl.initialPlacement(), CANVAS, grid2(0));
        // column 0 covered fully in width (5): vertical 5 x 0.5 / (5 x 1) = 0.5 in row 0; row 1 is the
        // partially covered top row: nothing. Horizontal: overlap height x 0.5 / 5: 0.5 and 0.25.
        assertThat(hv[1]).containsExactly(new double[] {0.5, 0, 0, 0}, within(EPS));
        assertThat(hv[0]).containsExactly(new double[] {0.5, 0, 0.25, 0}, within(EPS));
        ProxyCostReport r = ProxyCost.compute(nl, nl.initialPlacement(), CANVAS, grid2(0));
        assertThat(r.wirelength()).isZero();
        assertThat(r.congestion()).isCloseTo(0.5, within(EPS));
        // density: 25 and 12.5 of 25 in column 0: top 1 of 4 is 1.0, x 0.5
        assertThat(r.density()).isCloseTo(0.5, within(EPS));
    }

    @Test
    void routingCapacityUsesUnitsPerMicron() {
        Netlist nl = twoCells();
        // the same design in units of 1000 per micron would have 5000-unit cells: the same 0.2 when
        // the options say so; here the design stays in microns and we claim 0.5 units per micron,
        // so a 5-unit cell is 10 um: 10 tracks, congestion 0.1
        ProxyCostReport r = ProxyCost.compute(nl, nl.initialPlacement(), CANVAS, grid2(0).withUnitsPerMicron(0.5));
        assertThat(r.congestion()).isCloseTo(0.1, within(EPS));
    }

    @Test
    void invalidOptionsAreRejected() {
        assertThatThrownBy(() -> ProxyCostOptions.defaults().withGrid(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProxyCostOptions.defaults().withSmoothRange(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProxyCostOptions.defaults().withRoutesPerMicron(0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
