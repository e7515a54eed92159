package org.chipplace.netlist.lefdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistParseException;
import org.chipplace.netlist.NodeKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Garbled variants of the LEF/DEF fixtures: each raises {@link NetlistParseException} at
 * {@code file:line:}, where the line is that of an anchor text in the garbled file.
 */
class LefDefErrorTest {
    @TempDir
    Path tmp;

    /** file, text to replace (first occurrence), replacement, anchor whose line is expected, words. */
    static Stream<Arguments> garbled() {
        return Stream.of(
            Arguments.of("design.def", "- u_n INV", "- u_n INVX", "- u_n INVX", "unknown macro 'INVX'"),
            Arguments.of("design.def", "COMPONENTS 14 ;", "COMPONENTS 15 ;", "COMPONENTS 15", "COMPONENTS 15 but the section lists 14"),
            Arguments.of("design.def", "NETS 4 ;", "NETS 3 ;", "NETS 3 ;", "NETS 3 but the section lists 4"),
            Arguments.of("design.def", "PINS 3 ;", "PINS 4 ;", "PINS 4 ;", "PINS 4 but the section lists 3"),
            Arguments.of("design.def", "BLOCKAGES 4 ;", "BLOCKAGES 2 ;", "BLOCKAGES 2", "BLOCKAGES 2 but the section lists 4"),
            Arguments.of("design.def", "( u_s A )", "( u_zz A )", "( u_zz A )", "unknown component 'u_zz'"),
            Arguments.of("design.def", "( ff1 D )", "( ff1 DX )", "( ff1 DX )", "unknown pin 'DX' of component 'ff1'"),
            Arguments.of("design.def", "( PIN out1 )", "( PIN outX )", "( PIN outX )", "unknown I/O pin 'outX'"),
            Arguments.of("design.def", "( 12000 4000 ) E", "( 12000 4000 ) Q", "( 12000 4000 ) Q", "expected an orientation (N, S, E, W, FN, FS, FE, FW), found 'Q'"),
            Arguments.of("design.def", "PLACED ( 23000 6000 )", "PLACED 23000 6000 )", "PLACED 23000", "expected '(', found '23000'"),
            Arguments.of("design.def", "core 10000 8000 N", "core 10000 8k00 N", "8k00", "expected row origin y (a number), found '8k00'"),
            Arguments.of("design.def", "ROW row1 core", "ROW row1 site9", "ROW row1", "unknown site 'site9'"),
            Arguments.of("design.def", "UNITS DISTANCE MICRONS 1000", "UNITS DISTANCE MICRONS lots", "UNITS", "found 'lots'"),
            Arguments.of("design.def", "PLACED ( 26000 8000 ) N + PROPERTY CATENA \"a b ; c\" ;", "PLACED ( 26000 8000 ) N",
                    "END COMPONENTS", "expected '+' or ';' in component blk, found 'END'"),
            Arguments.of("design.def", "- u_fw INV", "- u_n INV", "- u_n INV + PLACED ( 23000", "duplicate component name 'u_n'"),
            Arguments.of("design.def", "( u_n Y )", "( u_n Y", "( u_n Y", "expected ')' after '( u_n Y', found '('"),
            Arguments.of("design.def", "END DESIGN", "", null, "expected 'END DESIGN', found end of file"),
            Arguments.of("design.def", "CATENA \"a b ; c\"", "CATENA \"a b ; c", "CATENA", "expected a closing '\"', found end of file"),
            Arguments.of("cells.lef", "SIZE 0.6 BY 2.0", "SIZE 0.6 2.0", "SIZE 0.6 2.0", "expected 'BY', found '2.0'"),
            Arguments.of("cells.lef", "END INV", "END INVX", "END INVX", "expected 'END INV' to close MACRO INV, found 'END INVX'"),
            Arguments.of("cells.lef", "RECT 0.1 0.4 0.2 1.0", "RECT 0.1 0.4 0.2", "RECT 0.1 0.4 0.2", "RECT: expected an even number of coordinates, found 3"),
            Arguments.of("cells.lef", "END Y", "END Z", "END Z", "expected 'END Y' to close PIN Y"),
            Arguments.of("tech.lef", "DATABASE MICRONS 2000", "DATABASE MICRONS -5", "DATABASE", "DATABASE MICRONS value > 0"),
            Arguments.of("cells.lef", "RECT 0.1 0.5 0.2 0.7", "RECT 0.1 0.5", "RECT 0.1 0.5", "RECT: expected 4 coordinates, found 2"),
            Arguments.of("tech.lef", "END M2", "END M3", "LAYER M2", "expected 'END M2' to close LAYER M2, found end of file"));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("garbled")
    void garbledInputGivesFileAndLine(String file, String old, String repl, String anchor, String words)
            throws IOException {
        LefDefFixtures.copyTo(tmp);
        Path f = tmp.resolve(file);
        String text = Files.readString(f, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(old);
        assertThat(at).as("fixture holds '" + old + "'").isGreaterThanOrEqualTo(0);
        String bad = text.substring(0, at) + repl + text.substring(at + old.length());
        Files.writeString(f, bad, StandardCharsets.ISO_8859_1);
        int line = anchor == null ? bad.split("\n", -1).length : lineOf(bad, anchor);
        NetlistParseException e = catchThrowableOfType(() -> read(), NetlistParseException.class);
        assertThat(e).as("no exception").isNotNull();
        assertThat(e.getMessage()).startsWith(file + ":" + line + ": ").contains(words);
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.line()).isEqualTo(line);
    }

    private DefDesign read() {
        return LefDef.read(List.of(tmp.resolve("tech.lef"), tmp.resolve("cells.lef"), tmp.resolve("blocks.lef")),
                tmp.resolve("design.def"));
    }

    private static int lineOf(String text, String anchor) {
        int at = text.indexOf(anchor);
        assertThat(at).as("anchor '" + anchor + "'").isGreaterThanOrEqualTo(0);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void unknownDefStatementsAreSkippedWithAWarning() throws IOException {
        LefDefFixtures.copyTo(tmp);
        Path f = tmp.resolve("design.def");
        String text = Files.readString(f, StandardCharsets.ISO_8859_1);
        text = text.replace("DESIGN top ;\n", "DESIGN top ;\nFROBNICATE 1 ( 2 3 )\n  more ;\n");
        text = text.replace("+ SOURCE DIST ;", "+ SOURCE DIST + MYATTR 7 ;");
        text = text.replace("+ USE CLOCK ;", "+ USE CLOCK\n  ( * VDD ) ;");
        Files.writeString(f, text, StandardCharsets.ISO_8859_1);
        DefDesign d = read();
        assertThat(d.components()).hasSize(14);
        assertThat(d.warnings()).hasSize(1);
        assertThat(d.warnings().get(0)).startsWith("design.def:6: ").contains("FROBNICATE");
        assertThat(d.netlist().numPins()).isEqualTo(21);
    }

    @Test
    void defUnitsFinerThanTheLefDatabaseGiveAWarningAndScaleEverything() throws IOException {
        LefDefFixtures.copyTo(tmp);
        Path f = tmp.resolve("design.def");
        String text = Files.readString(f, StandardCharsets.ISO_8859_1);
        Files.writeString(f, text.replace("UNITS DISTANCE MICRONS 1000 ;", "UNITS DISTANCE MICRONS 4000 ;"),
                StandardCharsets.ISO_8859_1);
        DefDesign d = read();
        int line = lineOf(Files.readString(f, StandardCharsets.ISO_8859_1), "UNITS DISTANCE");
        assertThat(d.warnings()).singleElement().asString().startsWith("design.def:" + line + ": ")
                .contains("MICRONS 4000 exceeds the LEF DATABASE MICRONS 2000");
        Netlist nl = d.netlist();
        int inv = nl.nodeIndex("u_n");
        assertThat(new double[] {nl.widths()[inv], nl.heights()[inv]}).containsExactly(2400, 8000);
    }

    @Test
    void anIoPinNamedLikeAComponentBecomesAPrefixedNode() throws IOException {
        LefDefFixtures.copyTo(tmp);
        Path f = tmp.resolve("design.def");
        String text = Files.readString(f, StandardCharsets.ISO_8859_1);
        Files.writeString(f, text.replace("- out1 ", "- u_w ").replace("( PIN out1 )", "( PIN u_w )"),
                StandardCharsets.ISO_8859_1);
        Netlist nl = read().netlist();
        int v = nl.nodeIndex("PIN:u_w");
        assertThat(v).isEqualTo(15);
        assertThat(nl.kind(v)).isEqualTo(NodeKind.FIXED_NI);
        assertThat(nl.kind(nl.nodeIndex("u_w"))).isEqualTo(NodeKind.CELL);
    }

    @Test
    void aMissingFileIsReportedAtLineZero() {
        NetlistParseException e = catchThrowableOfType(() -> LefDef.read(List.of(tmp.resolve("none.lef")),
                tmp.resolve("none.def")), NetlistParseException.class);
        assertThat(e.getMessage()).startsWith("none.lef:0: ").contains("not found");
    }

    @Test
    void everyTruncationOfTheFixturesFailsCleanlyOrParses() throws IOException {
        LefDefFixtures.copyTo(tmp);
        int parsed = 0;
        for (String file : LefDefFixtures.FILES) {
            byte[] full = Files.readAllBytes(LefDefFixtures.resource(file));
            for (int cut = 0; cut < full.length; cut += 7) {
                Files.write(tmp.resolve(file), Arrays.copyOf(full, cut));
                try {
                    read();
                    parsed++;
                } catch (NetlistParseException e) {
                    assertThat(e.getMessage()).matches("(?s)[a-z.]+:\\d+: .+");
                }
            }
            Files.write(tmp.resolve(file), full);
        }
        assertThat(parsed).as("cuts inside trailing comments or after END LIBRARY still parse").isPositive();
    }
}
