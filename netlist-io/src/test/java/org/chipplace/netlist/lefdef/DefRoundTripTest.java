package org.chipplace.netlist.lefdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.testing.NetlistAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LefDef#writeDef} followed by {@link LefDef#readDef}. */
class DefRoundTripTest {
    @TempDir
    Path tmp;

    private final DefDesign d = LefDefFixtures.design();

    private DefDesign writeAndRead(Placement p) {
        Path out = tmp.resolve("out.def");
        LefDef.writeDef(d, p, out);
        return LefDef.readDef(d.library(), out);
    }

    @Test
    void writingTheReadPlacementKeepsComponentsNetsAndPositions() {
        DefDesign back = writeAndRead(d.placement());
        Netlist a = d.netlist();
        Netlist b = back.netlist();
        assertThat(b.nodeNames()).containsExactly(a.nodeNames());
        assertThat(b.kinds()).containsExactly(a.kinds());
        assertThat(b.widths()).containsExactly(a.widths());
        assertThat(b.heights()).containsExactly(a.heights());
        assertThat(b.netNames()).containsExactly(a.netNames());
        assertThat(b.netWeights()).containsExactly(a.netWeights());
        assertThat(b.netPinStart()).containsExactly(a.netPinStart());
        assertThat(b.pinNode()).containsExactly(a.pinNode());
        assertThat(b.pinDx()).containsExactly(a.pinDx());
        assertThat(b.pinDy()).containsExactly(a.pinDy());
        assertThat(b.rows()).containsExactly(a.rows());
        NetlistAssertions.assertSamePlacement(d.placement(), back.placement());
        for (int i = 0; i < d.components().size(); i++) {
            DefDesign.Component c = d.components().get(i);
            String status = c.status().equals("UNPLACED") ? "PLACED" : c.status();
            assertThat(back.components().get(i)).isEqualTo(
                    new DefDesign.Component(c.name(), c.macro(), status, c.x(), c.y(), c.orient()));
        }
    }

    @Test
    void everythingOutsideTheComponentPlacementsIsCopiedVerbatim() throws IOException {
        Path out = tmp.resolve("same.def");
        LefDef.writeDef(d, d.placement(), out);
        String in = Files.readString(LefDefFixtures.resource("design.def"), StandardCharsets.ISO_8859_1);
        String got = Files.readString(out, StandardCharsets.ISO_8859_1);
        int cs = in.indexOf("COMPONENTS 14 ;");
        int ce = in.indexOf("END COMPONENTS");
        assertThat(got.substring(0, cs)).isEqualTo(in.substring(0, cs));
        assertThat(got.substring(got.indexOf("END COMPONENTS"))).isEqualTo(in.substring(ce));
        assertThat(got).contains("- u_unpl NAND2 + PLACED ( 0 0 ) N ;");
        assertThat(got).contains("- u_src NAND2 + SOURCE DIST + PLACED ( 0 0 ) N ;");
        assertThat(got).contains("+ SOURCE NETLIST\n      + PLACED ( 19000 6000 ) FS\n      + WEIGHT 2 ;");
        assertThat(got).contains("- blk SMALLBLK + PLACED ( 26000 8000 ) N + PROPERTY CATENA \"a b ; c\" ;");
    }

    @Test
    void aMovedPlacementIsWrittenAsPlacedWithRowOrientationForSingleRowCells() throws IOException {
        Netlist nl = d.netlist();
        Placement p = d.placement();
        move(p, nl, "u_unpl", 10200.4, 8000, "N"); // N row, rounded to 10200
        move(p, nl, "u_n", 10400, 6000, "N");      // FS row: N becomes FS
        move(p, nl, "u_s", 10800, 8000, "S");      // N row: S (mirrored in x) becomes FN
        move(p, nl, "u_w", 12000, 8000, "W");      // rotated cells keep their orientation
        move(p, nl, "ff1", 30000, 8000, "FS");     // double height on an N row: N
        move(p, nl, "ram1", 32000, 14000, "FN");
        DefDesign back = writeAndRead(p);
        String got = Files.readString(tmp.resolve("out.def"), StandardCharsets.ISO_8859_1);
        assertThat(got).contains("- u_unpl NAND2 + PLACED ( 10200 8000 ) N ;");
        assertThat(got).contains("- u_n INV + PLACED ( 10400 6000 ) FS ;");
        assertThat(got).contains("- u_s INV + PLACED ( 10800 8000 ) FN ;");
        assertThat(got).contains("- u_w INV + PLACED ( 12000 8000 ) W ;");
        assertThat(got).contains("- ff1 DFF2H + PLACED ( 30000 8000 ) N ;");
        assertThat(got).contains("- ram1 RAM + PLACED ( 32000 14000 ) FN ;");
        assertThat(got).contains("- u_fn INV + FIXED ( 18000 6000 ) FN ;");
        assertThat(got).contains("- u_fe INV + COVER ( 20000 6000 ) FE ;");
        Placement pb = back.placement();
        Netlist b = back.netlist();
        int v = b.nodeIndex("u_unpl");
        assertThat(new double[] {pb.x()[v], pb.y()[v]}).containsExactly(10200, 8000);
        assertThat(back.components().get(v).status()).isEqualTo("PLACED");
        assertThat(back.components().get(b.nodeIndex("u_fe")).status()).isEqualTo("COVER");
        assertThat(b.kind(b.nodeIndex("u_fn"))).isEqualTo(NodeKind.FIXED);
    }

    @Test
    void aSemicolonGluedToTheLastTokenStillGetsASeparatePlacementClause() throws IOException {
        Path in = tmp.resolve("glued.def");
        String text = Files.readString(LefDefFixtures.resource("design.def"), StandardCharsets.ISO_8859_1);
        Files.writeString(in, text.replace("+ SOURCE DIST ;", "+ SOURCE DIST;").replace("( 10000 4000 ) N ;",
                "( 10000 4000 ) N;"), StandardCharsets.ISO_8859_1);
        DefDesign g = LefDef.readDef(d.library(), in);
        Path out = tmp.resolve("glued-out.def");
        LefDef.writeDef(g, g.placement(), out);
        String got = Files.readString(out, StandardCharsets.ISO_8859_1);
        assertThat(got).contains("- u_src NAND2 + SOURCE DIST + PLACED ( 0 0 ) N ;");
        assertThat(got).contains("- u_n INV + PLACED ( 10000 4000 ) N;");
        assertThat(LefDef.readDef(d.library(), out).placement().x()).containsExactly(d.placement().x());
    }

    @Test
    void aPlacementOfTheWrongSizeOrWithNaNIsRejected() {
        assertThatThrownBy(() -> LefDef.writeDef(d, new Placement(3), tmp.resolve("x.def")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 nodes");
        Placement p = d.placement();
        p.x()[0] = Double.NaN;
        assertThatThrownBy(() -> LefDef.writeDef(d, p, tmp.resolve("y.def")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("u_n");
    }

    private static void move(Placement p, Netlist nl, String name, double x, double y, String orient) {
        int v = nl.nodeIndex(name);
        p.x()[v] = x;
        p.y()[v] = y;
        p.orient()[v] = orient;
    }
}
