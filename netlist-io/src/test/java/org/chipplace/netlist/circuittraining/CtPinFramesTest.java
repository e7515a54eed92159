package org.chipplace.netlist.circuittraining;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.lefdef.DefDesign;
import org.chipplace.netlist.lefdef.DefOrient;
import org.chipplace.netlist.lefdef.LefDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frame of a {@code .pb}'s macro-pin offsets on a hand-written design: LEF macro RAM 10 x 6 um with
 * pins clk (centre (-4.95, 1.1) um from the macro centre in N) and dout ((4.95, -1.9)); macro
 * {@code m[0]} (a RAM) whose {@code orientation} attr says N but whose offsets are the LEF's under FS
 * (clk (-4.95, -1.1), dout (4.95, 1.9)); macro {@code m2} (a RAM too) whose pins {@code a}, {@code b}
 * name no LEF pin, attr N, offsets (1, 2) and (-3, -0.5). Nets: in -> m[0]/clk, m[0]/dout -> m2/a,
 * c1 -> m2/b.
 */
class CtPinFramesTest {
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
              PIN A DIRECTION INPUT ; USE SIGNAL ; PORT LAYER M1 ; RECT 0.1 0.4 0.2 1.0 ; END END A
              PIN ZN DIRECTION OUTPUT ; USE SIGNAL ; PORT LAYER M1 ; RECT 0.4 0.2 0.5 1.6 ; END END ZN
            END INV
            MACRO RAM
              CLASS BLOCK ;
              SIZE 10 BY 6 ;
              PIN VSS DIRECTION INOUT ; USE GROUND ; PORT LAYER M1 ; RECT 0 0 10 0.1 ; END END VSS
              PIN clk DIRECTION INPUT ; USE SIGNAL ; PORT LAYER M3 ; RECT 0 4 0.1 4.2 ; END END clk
              PIN dout DIRECTION OUTPUT ; USE SIGNAL ; PORT LAYER M3 ; RECT 9.9 1 10 1.2 ; END END dout
            END RAM
            END LIBRARY
            """;

    /** The floorplan: die 40 x 20 um, rows, one pin; {@code components} the COMPONENTS section or "". */
    private static String floorplan(String components) {
        return """
                VERSION 5.8 ;
                DIVIDERCHAR "/" ;
                BUSBITCHARS "[]" ;
                DESIGN tiny ;
                UNITS DISTANCE MICRONS 1000 ;
                DIEAREA ( 0 0 ) ( 40000 20000 ) ;
                ROW r0 core 0 0 FS DO 200 BY 1 STEP 200 0 ;
                ROW r1 core 0 2000 N DO 200 BY 1 STEP 200 0 ;
                """ + components + """
                PINS 1 ;
                - in + NET in + DIRECTION INPUT + USE SIGNAL + LAYER M3 ( -50 0 ) ( 50 100 ) + FIXED ( 0 5000 ) E ;
                END PINS
                END DESIGN
                """;
    }

    private static final String PLACED = """
            COMPONENTS 2 ;
            - m\\[0\\] RAM + PLACED ( 1000 12000 ) FN ;
            - m2 RAM + PLACED ( 20000 12000 ) FS ;
            END COMPONENTS
            """;

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

    private static String macro(String name, String orient, double x, double y) {
        return node(name, List.of(), "ref_name", "RAM", "width", 10.0, "height", 6.0, "type", "macro",
                "x", x, "y", y, "orientation", orient);
    }

    /** A macro pin at offset (dx, dy) from its macro's centre (x, y) (the pin's x, y are the sum). */
    private static String pin(String macro, double x, double y, String pin, double dx, double dy, String... inputs) {
        return node(macro + "/" + pin, List.of(inputs), "macro_name", macro, "type", "macro_pin",
                "x_offset", dx, "y_offset", dy, "x", x + dx, "y", y + dy);
    }

    /** The design's {@code .pb}: m[0]'s offsets in FS. */
    private static String pb() {
        return pb(-4.95, -1.1, 4.95, 1.9, "N");
    }

    /** The design's {@code .pb} with these offsets of m[0] (clk, dout) and this attr of m2. */
    private static String pb(double clkX, double clkY, double doutX, double doutY, String m2Orient) {
        return node("in", List.of("m[0]/clk"), "type", "port", "x", 0.0, "y", 5.0)
                + macro("m[0]", "N", 20.0, 10.0)
                + pin("m[0]", 20.0, 10.0, "clk", clkX, clkY)
                + pin("m[0]", 20.0, 10.0, "dout", doutX, doutY, "m2/a")
                + macro("m2", m2Orient, 30.0, 10.0)
                + pin("m2", 30.0, 10.0, "a", 1.0, 2.0)
                + pin("m2", 30.0, 10.0, "b", -3.0, -0.5)
                + node("c1", List.of("m2/b"), "ref_name", "INV", "width", 0.6, "height", 2.0, "type", "stdcell",
                        "x", 1.3, "y", 1.0);
    }

    /** {dx, dy} in database units of pin {@code q}. */
    private static double[] pinOffset(Netlist nl, int q) {
        return new double[] {nl.pinDx()[q], nl.pinDy()[q]};
    }

    /** Pins by net: in -> m[0]/clk is pin 1, m[0]/dout -> m2/a pins 2, 3, c1 -> m2/b pins 4, 5. */
    private record Pins(double[] clk, double[] dout, double[] a, double[] b) {
        static Pins of(Netlist nl) {
            assertThat(nl.netNames()).containsExactly("in", "m[0]/dout", "c1");
            return new Pins(pinOffset(nl, 1), pinOffset(nl, 2), pinOffset(nl, 3), pinOffset(nl, 5));
        }
    }

    private Path[] files(Path dir, String components) throws Exception {
        return new Path[] {Files.writeString(dir.resolve("tech.lef"), TECH), Files.writeString(dir.resolve("cells.lef"), CELLS),
            Files.writeString(dir.resolve("tiny_fp.def"), floorplan(components)), Files.writeString(dir.resolve("tiny.pb.txt"), pb())};
    }

    @Test
    void offsetsInAnotherFrameThanTheAttrAreTurnedOnceToThePlacedFloorplansOrientation(@TempDir Path dir) throws Exception {
        Path[] f = files(dir, PLACED);
        CtDesign d = CircuitTraining.read(f[3], List.of(f[0], f[1]), f[2]);
        Netlist nl = d.netlist();
        int m0 = nl.nodeIndex("m[0]"), m2 = nl.nodeIndex("m2");
        Placement p = d.placement();
        assertThat(p.orient()[m0]).isEqualTo("FN");
        assertThat(p.orient()[m2]).isEqualTo("FS");
        assertThat(p.x()[m0]).isEqualTo(1000);
        Pins pins = Pins.of(nl);
        // m[0] under FN: the LEF's clk (-4.95, 1.1) and dout (4.95, -1.9) mirrored in x, whatever the attr
        // says (the attr-trusting mirror N -> FN of the FS offsets would give (4.95, -1.1), (-4.95, 1.9))
        assertThat(pins.clk()).containsExactly(4950, 1100);
        assertThat(pins.dout()).containsExactly(-4950, -1900);
        // m2: no LEF pin named a or b, so the attr N holds: mirrored in y to the DEF's FS
        assertThat(pins.a()).containsExactly(1000, -2000);
        assertThat(pins.b()).containsExactly(-3000, 500);
    }

    @Test
    void onAFloorplanWithoutComponentsTheMacroTakesItsOffsetsOrientationAndTheWritersFollowIt(@TempDir Path dir)
            throws Exception {
        Path[] f = files(dir, "");
        List<Path> lefs = List.of(f[0], f[1]);
        CtDesign d = CircuitTraining.read(f[3], lefs, f[2]);
        Netlist nl = d.netlist();
        int m0 = nl.nodeIndex("m[0]"), m2 = nl.nodeIndex("m2");
        Placement p = d.placement();
        assertThat(p.orient()[m0]).isEqualTo("FS"); // what its pins say, not the attr's N
        assertThat(p.orient()[m2]).isEqualTo("N");
        Pins pins = Pins.of(nl);
        assertThat(pins.clk()).containsExactly(-4950, -1100); // as given
        assertThat(pins.dout()).containsExactly(4950, 1900);
        assertThat(pins.a()).containsExactly(1000, 2000);

        // not flipped: written FS in the DEF and the .plc; flipped to N: the pins become the LEF's
        Path def = dir.resolve("placed.def");
        CircuitTraining.writeDef(d, p, def);
        DefDesign back = LefDef.read(lefs, def);
        assertThat(back.components()).extracting(c -> c.name() + " " + c.orient())
                .contains("m\\[0\\] FS", "m2 N", "c1 FS");
        Path plc = dir.resolve("placed.plc");
        CircuitTraining.writePlc(d, p, plc, List.of());
        assertThat(Files.readAllLines(plc, StandardCharsets.UTF_8)).contains("1 20 10 FS 0", "4 30 10 N 0");
        assertThat(CircuitTraining.readPlc(d, plc).placement().orient()[m0]).isEqualTo("FS");

        p.orient()[m0] = "N";
        Pins flipped = Pins.of(nl.reoriented(p.orient()));
        assertThat(flipped.clk()).containsExactly(-4950, 1100);
        assertThat(flipped.dout()).containsExactly(4950, -1900);
        CircuitTraining.writeDef(d, p, def);
        assertThat(LefDef.read(lefs, def).components()).extracting(c -> c.name() + " " + c.orient()).contains("m\\[0\\] N");
    }

    @Test
    void withoutAFloorplanTheAttrHoldsAsBefore(@TempDir Path dir) throws Exception {
        Path[] f = files(dir, "");
        CtDesign d = CircuitTraining.read(f[3]);
        Netlist nl = d.netlist();
        assertThat(d.placement().orient()[nl.nodeIndex("m[0]")]).isEqualTo("N");
        Pins pins = Pins.of(nl);
        assertThat(pins.clk()).containsExactly(-4950, -1100);
        assertThat(pins.dout()).containsExactly(4950, 1900);
    }

    @Test
    void quarterTurnsAreCandidatesOnlyWhenTheNetlistHasThem(@TempDir Path dir) throws Exception {
        Path[] f = files(dir, "");
        // m[0]'s offsets: the LEF's under W (x' = -dy, y' = dx): clk (-1.1, -4.95), dout (1.9, 4.95)
        Files.writeString(f[3], pb(-1.1, -4.95, 1.9, 4.95, "N"));
        List<Path> lefs = List.of(f[0], f[1]);
        // no quarter-turned macro in the netlist: no unrotated orientation matches, the attr holds
        CtDesign d = CircuitTraining.read(f[3], lefs, f[2]);
        int m0 = d.netlist().nodeIndex("m[0]");
        assertThat(d.placement().orient()[m0]).isEqualTo("N");
        assertThat(d.netlist().widths()[m0]).isEqualTo(10000);
        // m2's attr E: quarter turns are candidates, m[0] is W (10 x 6 um turned: 6 wide, 10 high)
        Files.writeString(f[3], pb(-1.1, -4.95, 1.9, 4.95, "E"));
        d = CircuitTraining.read(f[3], lefs, f[2]);
        assertThat(d.placement().orient()).contains("E");
        assertThat(d.placement().orient()[m0]).isEqualTo("W");
        assertThat(d.netlist().widths()[m0]).isEqualTo(6000);
        assertThat(d.netlist().heights()[m0]).isEqualTo(10000);
        assertThat(Pins.of(d.netlist()).clk()).containsExactly(-1100, -4950);
    }

    @Test
    void transformsBetweenAnyTwoOrientationsGoThroughN() {
        double dx = 3, dy = 1;
        for (int a = 0; a < 8; a++) {
            double[] inA = {DefOrient.tx(a, dx, dy), DefOrient.ty(a, dx, dy)};
            assertThat(CtPinFrames.transform(a, 0, inA[0], inA[1])).containsExactly(dx, dy);
            for (int b = 0; b < 8; b++) {
                assertThat(CtPinFrames.transform(a, b, inA[0], inA[1]))
                        .containsExactly(DefOrient.tx(b, dx, dy), DefOrient.ty(b, dx, dy));
            }
        }
        // the unrotated family is the mirror-bit XOR of Netlist.mirrorBits (FS -> FN: both axes)
        int fs = CtPinFrames.code("FS"), fn = CtPinFrames.code("FN");
        assertThat(CtPinFrames.transform(fs, fn, 3, 1)).containsExactly(-3, -1);
        assertThat(CtPinFrames.code("e")).isEqualTo(CtPinFrames.code("E"));
        assertThat(CtPinFrames.code("Q")).isEqualTo(-1);
        assertThat(CtPinFrames.transform(-1, fn, 3, 1)).containsExactly(3, 1);
    }
}
