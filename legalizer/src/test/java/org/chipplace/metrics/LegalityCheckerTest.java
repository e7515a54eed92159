package org.chipplace.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;
import org.junit.jupiter.api.Test;

class LegalityCheckerTest {

    /** Design of movable cells of the given widths (height 10) in the 100 x 100 core. */
    private static Netlist cells(double... widths) {
        NetlistBuilder b = Reference.rows100("cells");
        for (int i = 0; i < widths.length; i++) {
            b.addMovable("c" + i, widths[i], 10);
        }
        return b.build();
    }

    @Test
    void legalRowAlignedPlacementIsLegal() {
        Netlist nl = cells(4, 6, 3);
        Legality l = LegalityChecker.check(nl, Reference.at(0, 0, 4, 0, 96, 90));
        assertThat(l).isEqualTo(new Legality(0, 0, 0, 0, 0, 0, true));
    }

    @Test
    void overlapOfTwoAbuttingCellsIsZero() {
        Netlist nl = cells(4, 6, 5);
        // side by side, and one stacked on top: they touch but do not overlap
        Legality l = LegalityChecker.check(nl, Reference.at(10, 20, 14, 20, 10, 30));
        assertThat(l.overlapArea()).isZero();
        assertThat(l.overlapPairs()).isZero();
        assertThat(l.legal()).isTrue();
    }

    @Test
    void abuttingWithRoundingErrorIsNotOverlap() {
        Netlist nl = cells(0.1 + 0.2, 4);
        Legality l = LegalityChecker.check(nl, Reference.at(0, 0, 0.3, 0)); // 0.1 + 0.2 > 0.3 in doubles
        assertThat(l.overlapPairs()).isZero();
        assertThat(l.overlapArea()).isZero();
    }

    @Test
    void overlappingCellsReportExactAreaAndPairs() {
        Netlist nl = cells(6, 6, 6);
        // c0 [10,16], c1 [13,19] same row: 3 x 10; c2 [15,21] overlaps c0 by 1 and c1 by 4
        Placement p = Reference.at(10, 20, 13, 20, 15, 20);
        Legality l = LegalityChecker.check(nl, p);
        assertThat(l.overlapPairs()).isEqualTo(3);
        assertThat(l.overlapArea()).isCloseTo(30 + 10 + 40, within(1e-9));
        assertThat(l.legal()).isFalse();
        assertThat(Reference.overlap(nl, p)[0]).isCloseTo(l.overlapArea(), within(1e-9));
    }

    @Test
    void cellHalfOutsideCoreIsCounted() {
        Netlist nl = cells(4, 4);
        Legality l = LegalityChecker.check(nl, Reference.at(-2, 0, 98, 50));
        assertThat(l.outsideCore()).isEqualTo(2);
        assertThat(l.legal()).isFalse();
    }

    @Test
    void cellOffSiteByHalfIsCounted() {
        Netlist nl = cells(4, 4);
        Legality l = LegalityChecker.check(nl, Reference.at(10.5, 30, 20, 30));
        assertThat(l.cellsOffSite()).isEqualTo(1);
        assertThat(l.cellsOffRow()).isZero();
        assertThat(l.legal()).isFalse();
    }

    @Test
    void cellBetweenRowsIsOffRowNotOffSite() {
        Netlist nl = cells(4);
        Legality l = LegalityChecker.check(nl, Reference.at(10, 35));
        assertThat(l.cellsOffRow()).isEqualTo(1);
        assertThat(l.cellsOffSite()).isZero();
    }

    @Test
    void cellPastTheEndOfItsSubRowIsOffSite() {
        NetlistBuilder b = new NetlistBuilder("subrows");
        b.addRow(new Row(0, 10, 1, 2, 0, 20, "N")); // [0, 40], spacing 2
        b.addRow(new Row(0, 10, 1, 2, 60, 20, "N")); // [60, 100]
        b.setCore(0, 0, 100, 10);
        for (int i = 0; i < 4; i++) {
            b.addMovable("c" + i, 4, 10);
        }
        Netlist nl = b.build();
        // c0 fits the first sub-row; c1 runs past 40; c2 on site of the second; c3 odd offset from 60
        Legality l = LegalityChecker.check(nl, Reference.at(36, 0, 38, 0, 62, 0, 67, 0));
        assertThat(l.cellsOffSite()).isEqualTo(2);
        assertThat(l.cellsOffRow()).isZero();
    }

    @Test
    void macroOverlappingFixedBlockIsCountedAndMacrosIgnoreRows() {
        NetlistBuilder b = Reference.rows100("macro");
        int m = b.addMovable("m", 20, 25);
        int f = b.addFixed("f", 30, 30, false);
        Netlist nl = b.build();
        assertThat(nl.isMacro(m)).isTrue();
        Placement p = new Placement(nl.numNodes());
        p.x()[m] = 12.5; // off-site and off-row, but a macro
        p.y()[m] = 13.25;
        p.x()[f] = 25;
        p.y()[f] = 30;
        Legality l = LegalityChecker.check(nl, p);
        // m [12.5, 32.5] x [13.25, 38.25]; f [25, 55] x [30, 60]: 7.5 x 8.25
        assertThat(l.overlapPairs()).isEqualTo(1);
        assertThat(l.overlapArea()).isCloseTo(7.5 * 8.25, within(1e-9));
        assertThat(l.cellsOffRow() + l.cellsOffSite() + l.outsideCore()).isZero();
    }

    @Test
    void fixedNonImageObjectsAndFixedPairsAreIgnored() {
        NetlistBuilder b = Reference.rows100("fixed");
        b.addMovable("c", 4, 10);
        b.addFixed("ni", 30, 30, true);
        b.addFixed("f1", 20, 20, false);
        b.addFixed("f2", 20, 20, false);
        Netlist nl = b.build();
        // cell inside the NI object; f1 and f2 overlap each other but no movable object
        Legality l = LegalityChecker.check(nl, Reference.at(10, 10, 0, 0, 50, 50, 60, 60));
        assertThat(l.overlapPairs()).isZero();
        assertThat(l.legal()).isTrue();
    }

    @Test
    void fixedObjectsOutsideTheCoreAreIgnored() {
        NetlistBuilder b = Reference.rows100("pads");
        b.addMovable("c", 4, 10);
        b.addFixed("pad", 10, 10, false);
        Netlist nl = b.build();
        // the cell sticks out of the core into the pad, which lies wholly outside the core
        Legality l = LegalityChecker.check(nl, Reference.at(-2, 0, -10, 0));
        assertThat(l.overlapPairs()).isZero();
        assertThat(l.outsideCore()).isEqualTo(1);
    }

    @Test
    void matchesBruteForceOnRandomDesigns() {
        for (long seed = 1; seed <= 30; seed++) {
            Netlist nl = HpwlTest.randomDesign(seed, 60, 10);
            Placement p = HpwlTest.randomPlacement(seed * 31, nl.numNodes());
            Legality l = LegalityChecker.check(nl, p);
            double[] ref = Reference.overlap(nl, p);
            assertThat(l.overlapPairs()).as("seed %d", seed).isEqualTo((long) ref[1]);
            assertThat(l.overlapArea()).as("seed %d", seed).isCloseTo(ref[0], within(1e-9 * (1 + ref[0])));
        }
    }
}
