package org.chipplace.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;
import org.junit.jupiter.api.Test;

/** Legality of multi-row-height cells: rows 10 high alternating N/FS from y = 0, unit sites. */
class MultiRowLegalityTest {

    private static NetlistBuilder rows(String name, int... present) {
        NetlistBuilder b = new NetlistBuilder(name);
        for (int r : present) {
            b.addRow(new Row(r * 10, 10, 1, 1, 0, 50, r % 2 == 0 ? "N" : "FS"));
        }
        b.setCore(0, 0, 50, 60);
        return b;
    }

    private static int cell(NetlistBuilder b, String name, int rows) {
        int v = b.addMovable(name, 4, rows * 10);
        b.setStandardCell(v);
        return v;
    }

    private static Placement at(Netlist nl, double... xy) {
        Placement p = new Placement(nl.numNodes());
        for (int i = 0; i < xy.length / 2; i++) {
            p.x()[i] = xy[2 * i];
            p.y()[i] = xy[2 * i + 1];
        }
        return p;
    }

    @Test
    void doubleHeightCellOnAnFsRowIsAParityViolation() {
        NetlistBuilder b = rows("parity", 0, 1, 2, 3, 4, 5);
        cell(b, "onN", 2);
        cell(b, "onFs", 2);
        cell(b, "tripleOnFs", 3);
        Netlist nl = b.build();
        Legality l = LegalityChecker.check(nl, at(nl, 0, 0, 10, 10, 20, 10));
        assertThat(l.cellsWrongParity()).isEqualTo(1);
        assertThat(l.cellsOffRow()).isZero();
        assertThat(l.cellsOffSite()).isZero();
        assertThat(l.legal()).isFalse();
        assertThat(LegalityChecker.check(nl, at(nl, 0, 0, 10, 20, 20, 10)).legal()).isTrue();
    }

    @Test
    void multiRowCellSpanningAMissingRowIsOffRow() {
        NetlistBuilder b = rows("gap", 0, 1, 2, 4, 5); // row 3 (y 30) missing
        cell(b, "overGap", 2);
        cell(b, "offTop", 2);
        cell(b, "fine", 2);
        Netlist nl = b.build();
        // overGap rows 2 and 3; offTop on row 5 sticks out past the last row; fine on rows 0-1
        Legality l = LegalityChecker.check(nl, at(nl, 0, 20, 10, 50, 20, 0));
        assertThat(l.cellsOffRow()).isEqualTo(2);
        assertThat(l.cellsWrongParity()).isZero();
    }

    @Test
    void multiRowCellWiderThanARowAboveItsBottomIsOffRow() {
        NetlistBuilder b = new NetlistBuilder("narrow");
        b.addRow(new Row(0, 10, 1, 1, 0, 50, "N"));
        b.addRow(new Row(10, 10, 1, 1, 0, 20, "FS")); // second row only [0, 20]
        b.setCore(0, 0, 50, 20);
        cell(b, "inside", 2);
        cell(b, "past", 2);
        Netlist nl = b.build();
        Legality l = LegalityChecker.check(nl, at(nl, 16, 0, 18, 0));
        assertThat(l.cellsOffRow()).isEqualTo(1);
    }

    @Test
    void rowsWithoutOrientationLeaveParityFree() {
        NetlistBuilder b = new NetlistBuilder("bookshelf");
        for (int r = 0; r < 4; r++) {
            b.addRow(new Row(r * 10, 10, 1, 1, 0, 50, "1"));
        }
        cell(b, "dbl", 2);
        Netlist nl = b.build();
        Legality l = LegalityChecker.check(nl, at(nl, 0, 10));
        assertThat(l.cellsWrongParity()).isZero();
        assertThat(l.legal()).isTrue();
    }
}
