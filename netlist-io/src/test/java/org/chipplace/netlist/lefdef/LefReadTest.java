package org.chipplace.netlist.lefdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chipplace.netlist.Netlist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and merging the tech, cell and macro LEF fixtures. */
class LefReadTest {
    private static final double EPS = 1e-9;

    @TempDir
    Path tmp;

    @Test
    void mergesTechCellAndMacroLefsIntoOneLibrary() {
        LefLibrary lib = LefDef.readLef(LefDefFixtures.lefs());
        assertThat(lib.databaseMicrons()).isEqualTo(2000);
        assertThat(lib.sites()).containsOnlyKeys("core", "io");
        LefLibrary.Site core = lib.sites().get("core");
        assertThat(core.siteClass()).isEqualTo("CORE");
        assertThat(core.symmetry()).isEqualTo("Y");
        assertThat(core.width()).isEqualTo(0.2);
        assertThat(core.height()).isEqualTo(2.0);
        assertThat(lib.macros().keySet())
                .containsExactly("INV", "NAND2", "TAP", "ENDCAP_L", "DFF2H", "RAM", "SMALLBLK", "IOPAD");
        assertThat(lib.warnings()).isEmpty();
    }

    @Test
    void macroHeaderStatementsAreKept() {
        LefLibrary lib = LefDef.readLef(LefDefFixtures.lefs());
        LefLibrary.Macro inv = lib.macros().get("INV");
        assertThat(inv.macroClass()).isEqualTo("CORE");
        assertThat(inv.subClass()).isEmpty();
        assertThat(inv.foreign()).isEqualTo("INV");
        assertThat(inv.symmetry()).isEqualTo("X Y");
        assertThat(inv.site()).isEqualTo("core");
        assertThat(inv.width()).isEqualTo(0.6);
        assertThat(inv.height()).isEqualTo(2.0);
        assertThat(inv.pins().keySet()).containsExactly("A", "Y", "VDD", "VSS");
        assertThat(lib.macros().get("TAP").subClass()).isEqualTo("WELLTAP");
        assertThat(lib.macros().get("ENDCAP_L").macroClass()).isEqualTo("ENDCAP");
        assertThat(lib.macros().get("ENDCAP_L").subClass()).isEqualTo("PRE");
        LefLibrary.Macro ram = lib.macros().get("RAM");
        assertThat(ram.isBlock()).isTrue();
        assertThat(ram.symmetry()).isEqualTo("X Y R90");
        assertThat(ram.pins()).containsOnlyKeys("DIN", "DOUT");
        assertThat(lib.macros().get("SMALLBLK").subClass()).isEqualTo("BLACKBOX");
        assertThat(lib.macros().get("IOPAD").macroClass()).isEqualTo("PAD");
        LefLibrary.Macro dff = lib.macros().get("DFF2H");
        assertThat(dff.originX()).isEqualTo(0.1);
        assertThat(dff.height()).isEqualTo(4.0);
    }

    @Test
    void pinOffsetIsTheFirstPortShapeCentreRelativeToTheMacroCentre() {
        LefLibrary lib = LefDef.readLef(LefDefFixtures.lefs());
        // INV 0.6 x 2.0, centre (0.3, 1.0); A: RECT 0.1 0.4 0.2 1.0 -> centre (0.15, 0.7)
        assertPin(lib, "INV", "A", -0.15, -0.3, "INPUT", Netlist.DIR_INPUT);
        // Y: L-shaped POLYGON with bbox 0.4 0.2 0.55 1.6 -> centre (0.475, 0.9)
        assertPin(lib, "INV", "Y", 0.175, -0.1, "OUTPUT", Netlist.DIR_OUTPUT);
        assertThat(lib.macros().get("INV").pins().get("VDD").use()).isEqualTo("POWER");
        // NAND2 0.8 x 2.0: A uses its first PORT only (0.1 0.5 0.2 0.7)
        assertPin(lib, "NAND2", "A", -0.25, -0.4, "INPUT", Netlist.DIR_INPUT);
        // B: union of two RECTs of one port (one with MASK) -> 0.3 0.5 0.4 1.3
        assertPin(lib, "NAND2", "B", -0.05, -0.1, "INPUT", Netlist.DIR_INPUT);
        // Y: PATH points (0.55 0.2) (0.55 1.8)
        assertPin(lib, "NAND2", "Y", 0.15, 0, "OUTPUT", Netlist.DIR_OUTPUT);
        // DFF2H 1.2 x 4.0 with ORIGIN 0.1 0: D RECT -0.1 1.0 0.1 1.4 -> shifted centre (0.1, 1.2)
        assertPin(lib, "DFF2H", "D", -0.5, -0.8, "INPUT", Netlist.DIR_INPUT);
        // Q RECT 0.9 2.9 1.1 3.1 -> shifted centre (1.1, 3.0); OUTPUT TRISTATE is an output
        assertPin(lib, "DFF2H", "Q", 0.5, 1.0, "OUTPUT", Netlist.DIR_OUTPUT);
        // CK has only a VIA at (0.4, 2.0) -> shifted (0.5, 2.0)
        assertPin(lib, "DFF2H", "CK", -0.1, 0, "INPUT", Netlist.DIR_INPUT);
        // RAM 20 x 10, centre (10, 5)
        assertPin(lib, "RAM", "DIN", -8.9, -4.8, "INPUT", Netlist.DIR_INPUT);
        assertPin(lib, "RAM", "DOUT", 9.2, 4.8, "OUTPUT", Netlist.DIR_OUTPUT);
    }

    private static void assertPin(LefLibrary lib, String macro, String pin, double dx, double dy, String dir,
                                  byte netlistDir) {
        LefLibrary.Pin p = lib.macros().get(macro).pins().get(pin);
        assertThat(p.dx()).as(macro + "." + pin + " dx").isCloseTo(dx, within(EPS));
        assertThat(p.dy()).as(macro + "." + pin + " dy").isCloseTo(dy, within(EPS));
        assertThat(p.direction()).isEqualTo(dir);
        assertThat(p.netlistDirection()).isEqualTo(netlistDir);
    }

    @Test
    void unknownStatementsAreSkippedWithAWarningNamingFileAndLine() throws IOException {
        Path lef = tmp.resolve("odd.lef");
        Files.writeString(lef, String.join("\n",
                "VERSION 5.8 ;",
                "FROBNICATE 1 2 3 ;",
                "MACRO X",
                "  CLASS CORE ;",
                "  WIBBLE on ;",
                "  SIZE 1 BY 2 ;",
                "END X",
                "END LIBRARY", ""));
        LefLibrary lib = LefDef.readLef(List.of(lef));
        assertThat(lib.macros()).containsOnlyKeys("X");
        assertThat(lib.warnings()).hasSize(2);
        assertThat(lib.warnings().get(0)).startsWith("odd.lef:2: ").contains("FROBNICATE");
        assertThat(lib.warnings().get(1)).startsWith("odd.lef:5: ").contains("WIBBLE");
    }

    @Test
    void aMacroDefinedAgainInALaterFileReplacesTheFirstWithAWarning() throws IOException {
        Path a = tmp.resolve("a.lef");
        Path b = tmp.resolve("b.lef");
        Files.writeString(a, "MACRO X CLASS CORE ; SIZE 1 BY 2 ; END X\nEND LIBRARY\n");
        Files.writeString(b, "UNITS DATABASE MICRONS 100 ; END UNITS\nMACRO X CLASS BLOCK ; SIZE 3 BY 4 ; END X\n");
        LefLibrary lib = LefDef.readLef(List.of(a, b));
        assertThat(lib.macros().get("X").width()).isEqualTo(3);
        assertThat(lib.macros().get("X").isBlock()).isTrue();
        assertThat(lib.databaseMicrons()).isEqualTo(100);
        assertThat(lib.warnings()).singleElement().asString().startsWith("b.lef:2: ").contains("defined again");
    }
}
