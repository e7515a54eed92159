package org.chipplace.placer.legalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.chipplace.metrics.Legality;
import org.chipplace.metrics.LegalityChecker;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Placement;
import org.chipplace.placer.detailed.DetailedPlacer;
import org.chipplace.placer.detailed.DetailedPlacerOptions;
import org.junit.jupiter.api.Test;

/** DEF halos: cells keep clear of a macro's halo in legalization and detailed placement, and the checker counts them. */
class HaloTest {
    private static final double H = TestDesigns.ROW_H;

    /** 12 rows of 200 sites, a fixed 40 x 64 macro at (80, 64) with halo 10/16/20/16, cells piled on it. */
    private static Netlist design(boolean withHalo) {
        NetlistBuilder b = new NetlistBuilder("halo");
        TestDesigns.addRows(b, 12, 200);
        int m = b.addFixed("ram", 40, 4 * H, false);
        b.setPosition(m, 80, 4 * H, "N");
        if (withHalo) {
            b.setHalo(m, 10, H, 20, H);
        }
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 60; i++) {
            int c = b.addMovable("c" + i, 2 + rnd.nextInt(5), H);
            b.setPosition(c, 60 + rnd.nextInt(80), 3 * H + rnd.nextInt((int) (6 * H)), "N");
        }
        for (int i = 0; i < 60; i++) {
            TestDesigns.addTwoPinNet(b, "n" + i, 1, 1 + i, 1 + (i + 7) % 60);
        }
        return b.build();
    }

    private static boolean inHalo(Netlist nl, Placement p, int c) {
        double xl = 80 - 10, yl = 3 * H, xh = 80 + 40 + 20, yh = 9 * H;
        return p.x()[c] < xh && p.x()[c] + nl.widths()[c] > xl && p.y()[c] < yh && p.y()[c] + nl.heights()[c] > yl;
    }

    @Test
    void legalizedAndDetailedCellsStayOutOfTheHalo() {
        Netlist nl = design(true);
        Placement p = nl.initialPlacement();
        CellLegalizer.legalize(nl, p, LegalizerOptions.defaults());
        DetailedPlacer.improve(nl, p, DetailedPlacerOptions.defaults());
        for (int c = 1; c < nl.numNodes(); c++) {
            assertThat(inHalo(nl, p, c)).as("cell %s at (%s, %s)", nl.nodeNames()[c], p.x()[c], p.y()[c]).isFalse();
        }
        assertThat(LegalityChecker.check(nl, p).legal()).isTrue();
    }

    @Test
    void withoutTheHaloCellsAbutTheMacroAndTheCheckerCountsCellsInAHalo() {
        Netlist plain = design(false);
        Placement p = plain.initialPlacement();
        CellLegalizer.legalize(plain, p, LegalizerOptions.defaults());
        assertThat(LegalityChecker.check(plain, p).legal()).isTrue();
        int inside = 0;
        for (int c = 1; c < plain.numNodes(); c++) {
            inside += inHalo(plain, p, c) ? 1 : 0;
        }
        assertThat(inside).isPositive(); // the same cells would violate the halo
        Legality withHalo = LegalityChecker.check(design(true), p);
        assertThat(withHalo.legal()).isFalse();
        assertThat(withHalo.overlapPairs()).isEqualTo(inside);
    }
}
