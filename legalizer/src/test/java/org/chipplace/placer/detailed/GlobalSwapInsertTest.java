package org.chipplace.placer.detailed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Placement;
import org.chipplace.placer.legalize.CellLegalizer;
import org.chipplace.placer.legalize.LegalizerOptions;
import org.chipplace.placer.legalize.TestDesigns;
import org.junit.jupiter.api.Test;

class GlobalSwapInsertTest {
    private static final double H = TestDesigns.ROW_H;

    /**
     * Row 0 (11 sites) holds a [0,4) and b [5,10), each tied to a pad (terminal_NI) at its own centre, so its widest
     * gap is one site; v (2 sites) sits in row 1 and is pulled to (5, 8) by a pad. The only improving
     * move puts v between a and b and pushes b one site right.
     */
    private static Netlist design() {
        NetlistBuilder b = new NetlistBuilder("push");
        TestDesigns.addRows(b, 2, 11);
        int a = b.addMovable("a", 4, H);
        int c = b.addMovable("b", 5, H);
        int v = b.addMovable("v", 2, H);
        b.setPosition(a, 0, 0, "N").setPosition(c, 5, 0, "N").setPosition(v, 4, H, "N");
        int pa = b.addFixed("pa", 1, 1, true);
        int pb = b.addFixed("pb", 1, 1, true);
        int pv = b.addFixed("pv", 1, 1, true);
        b.setPosition(pa, 1.5, 7.5, "N").setPosition(pb, 7, 7.5, "N").setPosition(pv, 4.5, 7.5, "N");
        TestDesigns.addTwoPinNet(b, "na", 1, a, pa);
        TestDesigns.addTwoPinNet(b, "nb", 1, c, pb);
        TestDesigns.addTwoPinNet(b, "nv", 1, v, pv);
        return b.build();
    }

    @Test
    void insertionPushesNeighboursAsideWhenNoGapFits() {
        Netlist nl = design();
        int a = 0;
        int c = 1;
        int v = 2;
        Placement p = nl.initialPlacement();
        double before = TestDesigns.hpwl(nl, p);
        DetailedPlacementResult r = DetailedPlacer.improve(nl, p, DetailedPlacerOptions.defaults().withThreads(1));
        assertThat(TestDesigns.violations(nl, p)).isEmpty();
        assertThat(p.y()[v]).isEqualTo(0.0);
        assertThat(p.x()[v]).isEqualTo(4.0);
        assertThat(p.x()[a]).isEqualTo(0.0);
        assertThat(p.x()[c]).isEqualTo(6.0);
        // v: 16 shorter in y; b: one site further from its pad
        assertThat(TestDesigns.hpwl(nl, p)).isCloseTo(before - 16 + 1, offset(1e-9));
        assertThat(r.hpwlAfter()).isCloseTo(TestDesigns.hpwl(nl, p), offset(1e-9));
    }

    @Test
    void withoutPushingTheCellCannotEnterTheFullRow() {
        Netlist nl = design();
        Placement p = nl.initialPlacement();
        double before = TestDesigns.hpwl(nl, p);
        DetailedPlacer.improve(nl, p, DetailedPlacerOptions.defaults().withThreads(1).withPushCells(0));
        assertThat(p.y()[2]).isEqualTo(H);
        assertThat(TestDesigns.hpwl(nl, p)).isCloseTo(before, offset(1e-9));
    }

    @Test
    void insertionsKeepRandomDesignsLegalAndNeverRaiseHpwl() {
        for (long seed = 21; seed <= 26; seed++) {
            Netlist nl = TestDesigns.random(seed, 12, 90, 1 + (int) (seed % 3), 0.9);
            Placement p = nl.initialPlacement();
            CellLegalizer.legalize(nl, p, LegalizerOptions.defaults().withThreads(1));
            Placement q = p.copy();
            double before = TestDesigns.hpwl(nl, p);
            DetailedPlacerOptions o = new DetailedPlacerOptions(1, 3, 1, 0, 1, 0, false, 8);
            DetailedPlacer.improve(nl, p, o);
            DetailedPlacer.improve(nl, q, o.withPushCells(0));
            double after = TestDesigns.hpwl(nl, p);
            assertThat(TestDesigns.violations(nl, p)).as("seed %d", seed).isEmpty();
            assertThat(after).as("seed %d", seed).isLessThan(before);
            assertThat(after).as("seed %d", seed).isNotEqualTo(TestDesigns.hpwl(nl, q));
        }
    }
}
