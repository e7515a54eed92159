package org.chipplace.placer.legalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.chipplace.metrics.Legality;
import org.chipplace.metrics.LegalityChecker;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;
import org.chipplace.netlist.lefdef.DefDesign;
import org.chipplace.netlist.lefdef.LefDef;
import org.chipplace.placer.PlacementResult;
import org.chipplace.placer.Placer;
import org.chipplace.placer.PlacerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny hand-made LEF/DEF with one-, two- and three-row cells on rows alternating N/FS: read,
 * legalized (alone and by the whole pipeline), written back as DEF and read again; legality and
 * power-rail parity are checked by brute force on the written DEF, and so are the orientations.
 */
class MultiRowLefDefTest {
    private static final double ROW = 2000; // 2.0 um rows at 1000 DEF units per micron
    private static final String LEF = """
            VERSION 5.8 ;
            UNITS
              DATABASE MICRONS 1000 ;
            END UNITS
            SITE core
              CLASS CORE ;
              SIZE 0.2 BY 2.0 ;
            END core
            MACRO INV
              CLASS CORE ;
              SIZE 0.6 BY 2.0 ;
              SITE core ;
              PIN A DIRECTION INPUT ; PORT LAYER M1 ; RECT 0.1 0.2 0.2 0.4 ; END END A
              PIN Y DIRECTION OUTPUT ; PORT LAYER M1 ; RECT 0.4 1.2 0.5 1.6 ; END END Y
            END INV
            MACRO DFF2
              CLASS CORE ;
              SIZE 1.4 BY 4.0 ;
              SITE core ;
              PIN D DIRECTION INPUT ; PORT LAYER M1 ; RECT 0.1 0.2 0.2 0.4 ; END END D
              PIN Q DIRECTION OUTPUT ; PORT LAYER M1 ; RECT 1.1 3.2 1.2 3.6 ; END END Q
            END DFF2
            MACRO MB3
              CLASS CORE ;
              SIZE 1.0 BY 6.0 ;
              SITE core ;
              PIN A DIRECTION INPUT ; PORT LAYER M1 ; RECT 0.1 0.2 0.2 0.4 ; END END A
              PIN Y DIRECTION OUTPUT ; PORT LAYER M1 ; RECT 0.7 5.2 0.8 5.6 ; END END Y
            END MB3
            MACRO RAM
              CLASS BLOCK ;
              SIZE 2.0 BY 4.0 ;
              PIN A DIRECTION INPUT ; PORT LAYER M1 ; RECT 0.1 0.2 0.2 0.4 ; END END A
            END RAM
            END LIBRARY
            """;

    @TempDir
    Path tmp;

    /** 8 rows of 40 sites at (4000, 4000); a FIXED RAM; cells at noisy overlapping positions. */
    private DefDesign read(long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder d = new StringBuilder("VERSION 5.8 ;\nDESIGN tiny ;\nUNITS DISTANCE MICRONS 1000 ;\n"
                + "DIEAREA ( 0 0 ) ( 16000 24000 ) ;\n");
        for (int r = 0; r < 8; r++) {
            d.append("ROW row").append(r).append(" core 4000 ").append(4000 + r * 2000).append(r % 2 == 0 ? " N" : " FS")
                    .append(" DO 40 BY 1 STEP 200 0 ;\n");
        }
        String[] masters = {"INV", "INV", "INV", "DFF2", "MB3", "INV", "DFF2", "INV"};
        int n = 24;
        d.append("COMPONENTS ").append(n + 1).append(" ;\n - ram RAM + FIXED ( 8000 8000 ) N ;\n");
        for (int i = 0; i < n; i++) {
            d.append(" - c").append(i).append(' ').append(masters[i % masters.length]).append(" + PLACED ( ")
                    .append(4000 + rnd.nextInt(6000)).append(' ').append(4000 + rnd.nextInt(9000)).append(" ) N ;\n");
        }
        d.append("END COMPONENTS\nNETS ").append(n).append(" ;\n");
        for (int i = 0; i < n; i++) {
            String a = masters[i % masters.length];
            String out = a.equals("DFF2") ? "Q" : "Y";
            int j = (i + 1 + rnd.nextInt(n - 1)) % n;
            String in = masters[j % masters.length].equals("DFF2") ? "D" : "A";
            d.append(" - n").append(i).append(" ( c").append(i).append(' ').append(out).append(" ) ( c").append(j)
                    .append(' ').append(in).append(" ) ;\n");
        }
        d.append("END NETS\nEND DESIGN\n");
        Files.writeString(tmp.resolve("tiny.lef"), LEF, StandardCharsets.ISO_8859_1);
        Files.writeString(tmp.resolve("tiny.def"), d, StandardCharsets.ISO_8859_1);
        return LefDef.read(List.of(tmp.resolve("tiny.lef")), tmp.resolve("tiny.def"));
    }

    @Test
    void multiRowMastersAreCellsAndTheBlockAMacro() throws IOException {
        DefDesign d = read(1);
        Netlist nl = d.netlist();
        assertThat(nl.kind(nl.nodeIndex("ram"))).isEqualTo(NodeKind.FIXED);
        for (int i = 0; i < 24; i++) {
            int v = nl.nodeIndex("c" + i);
            assertThat(nl.kind(v)).isEqualTo(NodeKind.CELL);
            String m = d.components().get(v).macro();
            assertThat(nl.rowSpan(v)).isEqualTo(m.equals("DFF2") ? 2 : m.equals("MB3") ? 3 : 1);
        }
    }

    @Test
    void legalizedDefIsLegalWithParityAndRowOrientations() throws IOException {
        for (long seed = 1; seed <= 5; seed++) {
            DefDesign d = read(seed);
            Placement p = d.placement();
            CellLegalizer.legalize(d.netlist(), p, LegalizerOptions.defaults().withThreads(1));
            checkWritten(d, p);
        }
    }

    @Test
    void wholePipelineKeepsMultiRowCellsLegal() throws IOException {
        DefDesign d = read(7);
        PlacementResult r = Placer.place(d.netlist(), PlacerOptions.defaults().withThreads(1), null, null);
        assertThat(r.metrics().legal()).isTrue();
        assertThat(r.metrics().cellsWrongParity()).isZero();
        checkWritten(d, r.placement());
    }

    /** Writes the DEF, reads it back, and checks every component by brute force. */
    private void checkWritten(DefDesign d, Placement p) {
        Path out = tmp.resolve("out.def");
        LefDef.writeDef(d, p, out);
        DefDesign back = LefDef.readDef(d.library(), out);
        Netlist nl = back.netlist();
        Placement q = back.placement();
        Legality l = LegalityChecker.check(nl, q);
        assertThat(l.legal()).as("%s", l).isTrue();
        assertThat(TestDesigns.violations(nl, q)).isEmpty();
        Row[] rows = nl.rows();
        for (int v = 0; v < back.components().size(); v++) {
            DefDesign.Component c = back.components().get(v);
            if (c.isFixed()) {
                continue;
            }
            int k = (int) Math.round(nl.heights()[v] / ROW);
            String bottom = null;
            for (int j = 0; j < k; j++) {
                String o = null;
                for (Row r : rows) {
                    if (r.y() == q.y()[v] + j * ROW && r.x() <= q.x()[v] && r.xMax() >= q.x()[v] + nl.widths()[v]) {
                        o = r.orient();
                    }
                }
                assertThat(o).as("%s: row %d of %d", c.name(), j, k).isNotNull();
                bottom = j == 0 ? o : bottom;
            }
            // a cell may be mirrored in x (detailed placement flips cells), never against its rows' rails
            if (k % 2 == 0) {
                assertThat(bottom).as("%s (%d rows) bottom row", c.name(), k).isEqualTo("N");
                assertThat(c.orient()).as(c.name()).isIn("N", "FN");
            } else {
                assertThat(c.orient()).as("%s (%d rows) on a %s row", c.name(), k, bottom)
                        .isIn(bottom, "N".equals(bottom) ? "FN" : "S");
            }
        }
    }
}
