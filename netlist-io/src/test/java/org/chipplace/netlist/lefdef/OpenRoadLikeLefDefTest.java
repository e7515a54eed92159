package org.chipplace.netlist.lefdef;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenROAD-like benchmark generator writes a design the reader takes in full, with multi-row cells. */
class OpenRoadLikeLefDefTest {
    @TempDir
    Path tmp;

    @Test
    void smallStandInHasMultiRowCellsFixedSramsAndCutAlternatingRows() {
        OpenRoadLikeLefDef.Summary s = OpenRoadLikeLefDef.write(tmp, 3000, 8, 0.03, 2);
        DefDesign d = LefDef.read(OpenRoadLikeLefDef.lefs(tmp), OpenRoadLikeLefDef.def(tmp));
        DefDesign ref = LefDef.read(OpenRoadLikeLefDef.lefs(tmp), OpenRoadLikeLefDef.reference(tmp));
        Netlist nl = d.netlist();
        assertThat(d.warnings()).isEmpty();
        assertThat(nl.numCells()).isEqualTo(3000);
        assertThat(nl.numFixed()).isEqualTo(8);
        assertThat(nl.numMacros()).isZero();
        assertThat(nl.numFixedNi()).isEqualTo(s.ioPins());
        assertThat(nl.numNets()).isEqualTo(s.nets());
        int[] spans = new int[4];
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.kind(v) == NodeKind.CELL) {
                spans[nl.rowSpan(v)]++;
            }
        }
        assertThat(new int[] {spans[1], spans[2], spans[3]}).containsExactly(s.singles(), s.doubles(), s.triples());
        assertThat(s.doubles()).isBetween(200, 400);
        assertThat(s.triples()).isBetween(20, 100);
        // rows alternate N/FS by y, and some are cut around the SRAMs (more ROW statements than y values)
        Row[] rows = nl.rows();
        assertThat(rows.length).isEqualTo(s.rows());
        long lines = java.util.Arrays.stream(rows).mapToDouble(Row::y).distinct().count();
        assertThat(lines).isLessThan(rows.length);
        for (Row r : rows) {
            long k = Math.round((r.y() - rows[0].y()) / nl.rowHeight());
            assertThat(r.orient()).isEqualTo(k % 2 == 0 ? "N" : "FS");
        }
        // same netlist, different (noisy) placement
        assertThat(ref.netlist().numPins()).isEqualTo(nl.numPins());
        assertThat(ref.placement().x()).isNotEqualTo(d.placement().x());
    }
}
