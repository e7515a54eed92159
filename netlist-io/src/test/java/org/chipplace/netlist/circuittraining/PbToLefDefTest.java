package org.chipplace.netlist.circuittraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.lefdef.DefDesign;
import org.chipplace.netlist.lefdef.LefDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PbToLefDef} on a hand-written design: ports in, out, out2; macro {@code m[0]} (RAM 10 x 6 um,
 * pins clk on the left and dout on the right edge in the LEF, given mirrored in the {@code .pb}
 * although its orientation attr says N); cells c1, c3 (INV), c2 (NAND2), t1 (TIEH, no input pin),
 * c4 (INV whose only sink names no node). Nets in file order:
 * <pre>
 * in        -> c1, m[0]/clk          (PIN in) (c1 A) (m\[0\] clk)
 * out       -> out                   one connection: skipped
 * out2      -> out2, c3              (PIN out2) (c3 A)             named out2_1: c3's net claims out2
 * m[0]/dout -> c2, c2, out           (m\[0\] dout) (c2 A1) (c2 A2) (PIN out)   named out
 * c1        -> c2                    (c1 ZN) (c2 A1)               c2's third sink reuses A1
 * c2        -> c3, t1                (c2 ZN) (c3 A) (t1 Z)         c3's second sink reuses A; t1 has no input
 * c3        -> out2                  (c3 ZN) (PIN out2)            named out2
 * t1        -> c1                    (t1 Z) (c1 A)                 c1's second sink reuses A
 * c4        -> ghost                 unknown sink: one connection, skipped
 * </pre>
 */
class PbToLefDefTest {
    private static final String TECH = """
            VERSION 5.8 ;
            UNITS
              DATABASE MICRONS 1000 ;
            END UNITS
            SITE core
              CLASS CORE ;
              SYMMETRY Y ;
              SIZE 0.2 BY 2.0 ;
            END core
            END LIBRARY
            """;
    private static final String CELLS = """
            VERSION 5.8 ;
            MACRO INV
              CLASS CORE ;
              SIZE 0.6 BY 2.0 ;
              SITE core ;
              PIN VDD DIRECTION INOUT ; USE POWER ; PORT LAYER M1 ; RECT 0 1.9 0.6 2.0 ; END END VDD
              PIN A DIRECTION INPUT ; USE SIGNAL ; PORT LAYER M1 ; RECT 0.1 0.4 0.2 1.0 ; END END A
              PIN ZN DIRECTION OUTPUT ; USE SIGNAL ; PORT LAYER M1 ; RECT 0.4 0.2 0.5 1.6 ; END END ZN
              PIN VSS DIRECTION INOUT ; USE GROUND ; PORT LAYER M1 ; RECT 0 0 0.6 0.1 ; END END VSS
            END INV
            MACRO NAND2
              CLASS CORE ;
              SIZE 0.8 BY 2.0 ;
              SITE core ;
              PIN A1 DIRECTION INPUT ; USE SIGNAL ; PORT LAYER M1 ; RECT 0.1 0.4 0.2 1.0 ; END END A1
              PIN A2 DIRECTION INPUT ; USE SIGNAL ; PORT LAYER M1 ; RECT 0.3 0.4 0.4 1.0 ; END END A2
              PIN ZN DIRECTION OUTPUT ; USE SIGNAL ; PORT LAYER M1 ; RECT 0.6 0.2 0.7 1.6 ; END END ZN
            END NAND2
            MACRO TIEH
              CLASS CORE ;
              SIZE 0.4 BY 2.0 ;
              SITE core ;
              PIN VDD DIRECTION INOUT ; USE POWER ; PORT LAYER M1 ; RECT 0 1.9 0.4 2.0 ; END END VDD
              PIN Z DIRECTION OUTPUT ; USE SIGNAL ; PORT LAYER M1 ; RECT 0.1 0.4 0.2 1.0 ; END END Z
            END TIEH
            MACRO RAM
              CLASS BLOCK ;
              SIZE 10 BY 6 ;
              PIN VSS DIRECTION INOUT ; USE GROUND ; PORT LAYER M1 ; RECT 0 0 10 0.1 ; END END VSS
              PIN clk DIRECTION INPUT ; USE SIGNAL ; PORT LAYER M3 ; RECT 0 4 0.1 4.2 ; END END clk
              PIN dout DIRECTION OUTPUT ; USE SIGNAL ; PORT LAYER M3 ; RECT 9.9 1 10 1.2 ; END END dout
            END RAM
            END LIBRARY
            """;
    private static final String FLOORPLAN = """
            VERSION 5.8 ;
            DIVIDERCHAR "/" ;
            BUSBITCHARS "[]" ;
            DESIGN tiny ;
            UNITS DISTANCE MICRONS 1000 ;
            DIEAREA ( 0 0 ) ( 40000 20000 ) ;
            ROW r0 core 0 0 FS DO 200 BY 1 STEP 200 0 ;
            ROW r1 core 0 2000 N DO 200 BY 1 STEP 200 0 ;
            ROW r2 core 0 4000 FS DO 200 BY 1 STEP 200 0 ;
            ROW r3 core 0 6000 N DO 200 BY 1 STEP 200 0 ;
            TRACKS X 100 DO 200 STEP 200 LAYER M1 ;
            COMPONENTS 1 ;
            - m\\[0\\] RAM + PLACED ( 1000 12000 ) N + HALO 100 100 100 100 ;
            END COMPONENTS
            PINS 3 ;
            - in + NET in + DIRECTION INPUT + USE SIGNAL + LAYER M3 ( -50 0 ) ( 50 100 ) + FIXED ( 0 5000 ) E ;
            - out + NET out + DIRECTION OUTPUT + USE SIGNAL + LAYER M3 ( -50 0 ) ( 50 100 ) + FIXED ( 40000 5000 ) W ;
            - out2 + NET out2 + DIRECTION OUTPUT + USE SIGNAL + LAYER M3 ( -50 0 ) ( 50 100 ) + FIXED ( 40000 15000 ) W ;
            END PINS
            END DESIGN
            """;

    /** One {@code .pb.txt} node: attrs as key/value pairs (numbers as f:, strings as placeholder:). */
    private static String node(String name, List<String> inputs, Object... attrs) {
        StringBuilder sb = new StringBuilder("node {\n  name: \"" + name + "\"\n");
        inputs.forEach(i -> sb.append("  input: \"").append(i).append("\"\n"));
        for (int k = 0; k < attrs.length; k += 2) {
            Object v = attrs[k + 1];
            sb.append("  attr {\n    key: \"").append(attrs[k]).append("\"\n    value {\n      ")
                    .append(v instanceof String ? "placeholder: \"" + v + "\"" : "f: " + v).append("\n    }\n  }\n");
        }
        return sb.append("}\n").toString();
    }

    private static String cell(String name, String ref, double w, double x, double y, String... inputs) {
        return node(name, List.of(inputs), "ref_name", ref, "width", w, "height", 2.0, "type", "stdcell", "x", x, "y", y);
    }

    private static String pb() {
        String m = "m[0]";
        return "# FP bbox: {0.0 0.0 40.0 20.0}\n"
                + node("in", List.of("c1", m + "/clk"), "type", "port", "x", 0.0, "y", 5.0)
                + node("out", List.of("out"), "type", "port", "x", 40.0, "y", 5.0)
                + node("out2", List.of("out2", "c3"), "type", "port", "x", 40.0, "y", 15.0)
                + node(m, List.of(), "ref_name", "RAM", "width", 10.0, "height", 6.0, "type", "macro",
                        "x", 20.0, "y", 10.0, "orientation", "N")
                + node(m + "/clk", List.of(), "macro_name", m, "type", "macro_pin", "x_offset", 4.95,
                        "y_offset", 1.1, "x", 24.95, "y", 11.1)
                + node(m + "/dout", List.of("c2", "c2", "out"), "macro_name", m, "type", "macro_pin",
                        "x_offset", -4.95, "y_offset", -1.9, "x", 15.05, "y", 8.1)
                + cell("c1", "INV", 0.6, 1.3, 1.0, "c2")
                + cell("c2", "NAND2", 0.8, 5.4, 3.0, "c3", "t1")
                + cell("c3", "INV", 0.6, 3.3, 5.0, "out2")
                + cell("t1", "TIEH", 0.4, 7.2, 1.0, "c1")
                + cell("c4", "INV", 0.6, 9.3, 3.0, "ghost");
    }

    @Test
    void writesNetsByTheConnectionRulesAndBothDefsReadBack(@TempDir Path dir) throws Exception {
        Path tech = Files.writeString(dir.resolve("tech.lef"), TECH);
        Path cells = Files.writeString(dir.resolve("cells.lef"), CELLS);
        Path fp = Files.writeString(dir.resolve("tiny_fp.def"), FLOORPLAN);
        Path pb = Files.writeString(dir.resolve("tiny.pb.txt"), pb());
        List<Path> lefs = List.of(tech, cells);

        PbToLefDef.Summary s = PbToLefDef.convert(pb, fp, lefs, dir.resolve("out"));

        assertThat(s.unplaced()).isEqualTo(dir.resolve("out/tiny_unplaced.def"));
        assertThat(s.cadence()).isEqualTo(dir.resolve("out/tiny_cadence.def"));
        assertThat(new int[] {s.cells(), s.macros(), s.ports(), s.nets(), s.pins(), s.skippedNets(),
            s.reusedInputPins(), s.dropped(), s.duplicates(), s.macroOrientFixed(), s.sizeMismatches(),
            s.offRowCells()}).containsExactly(5, 1, 3, 7, 18, 2, 3, 1, 2, 1, 0, 0);

        String text = Files.readString(s.unplaced(), StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("VERSION 5.8 ;").contains("ROW r3 core 0 6000 N", "TRACKS X 100", "PINS 3 ;")
                .contains("- m\\[0\\] RAM + UNPLACED ;", "- c2 NAND2 + UNPLACED ;").doesNotContain("HALO")
                .contains("NETS 7 ;\n- in\n  ( PIN in ) ( c1 A ) ( m\\[0\\] clk ) ;\n")
                .contains("- out2_1\n  ( PIN out2 ) ( c3 A ) ;\n")
                .contains("- out\n  ( m\\[0\\] dout ) ( c2 A1 ) ( c2 A2 ) ( PIN out ) ;\n")
                .contains("- c1\n  ( c1 ZN ) ( c2 A1 ) ;\n", "- c2\n  ( c2 ZN ) ( c3 A ) ( t1 Z ) ;\n",
                        "- out2\n  ( c3 ZN ) ( PIN out2 ) ;\n", "- t1\n  ( t1 Z ) ( c1 A ) ;\n")
                .doesNotContain("ghost", "- c4\n")
                .endsWith("END NETS\n\nEND DESIGN\n");
        assertThat(text.indexOf("COMPONENTS 6 ;")).isLessThan(text.indexOf("PINS 3 ;"));
        assertThat(text.indexOf("PINS 3 ;")).isLessThan(text.indexOf("NETS 7 ;"));

        DefDesign unplaced = LefDef.read(lefs, s.unplaced());
        assertThat(unplaced.components()).extracting(DefDesign.Component::status).containsOnly("UNPLACED");
        Netlist nl = unplaced.netlist();
        assertThat(nl.netNames()).containsExactly("in", "out2_1", "out", "c1", "c2", "out2", "t1");
        assertThat(nl.numPins()).isEqualTo(18);
        assertThat(pinNodes(nl, 2)).containsExactly("m\\[0\\]", "c2", "c2", "out");

        DefDesign cadence = LefDef.read(lefs, s.cadence());
        List<String> placed = new ArrayList<>();
        for (DefDesign.Component c : cadence.components()) {
            placed.add(c.name() + " " + c.macro() + " " + c.status() + " " + (long) c.x() + " " + (long) c.y() + " "
                    + c.orient());
        }
        // centres in microns -> lower-left corners in DBU; cells take their row's orientation,
        // the macro FN because its .pb pin offsets are the LEF's mirrored in x
        assertThat(placed).containsExactly("m\\[0\\] RAM PLACED 15000 7000 FN", "c1 INV PLACED 1000 0 FS",
                "c2 NAND2 PLACED 5000 2000 N", "c3 INV PLACED 3000 4000 FS", "t1 TIEH PLACED 7000 0 FS",
                "c4 INV PLACED 9000 2000 N");
        Netlist cn = cadence.netlist();
        assertThat(cn.netNames()).isEqualTo(nl.netNames());
        // net in: the macro's clk pin, LEF offset (-4.95, 1.1) um from the centre, mirrored by FN
        int clk = cn.netPinStart()[0] + 2;
        assertThat(cn.nodeNames()[cn.pinNode()[clk]]).isEqualTo("m\\[0\\]");
        assertThat(cn.pinDx()[clk]).isCloseTo(4950, within(1e-6));
        assertThat(cn.pinDy()[clk]).isCloseTo(1100, within(1e-6));
    }

    private static List<String> pinNodes(Netlist nl, int net) {
        List<String> out = new ArrayList<>();
        for (int q = nl.netPinStart()[net]; q < nl.netPinStart()[net + 1]; q++) {
            out.add(nl.nodeNames()[nl.pinNode()[q]]);
        }
        return out;
    }

    @Test
    void escapesBracketsOnceAndPrefixesFromTheFloorplanName() {
        assertThat(PbToLefDef.escape("a/b[3].c")).isEqualTo("a/b\\[3\\].c");
        assertThat(PbToLefDef.escape("a\\[3\\]")).isEqualTo("a\\[3\\]");
        assertThat(PbToLefDef.unescape("a\\[3\\]")).isEqualTo("a[3]");
        assertThat(PbToLefDef.prefix(Path.of("x/ariane133_fp_placed_macros.def"))).isEqualTo("ariane133");
        assertThat(PbToLefDef.prefix(Path.of("top.def"))).isEqualTo("top");
    }
}
