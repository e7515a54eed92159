package org.chipplace.netlist.circuittraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistParseException;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hand-written {@code tiny.pb.txt}: ports in (0, 25) and out (100, 25), macro m 20 x 10 at centre
 * (50, 25) with pins a (-10, 0) and z (10, 5), cells c1 1 x 2 at (10.5, 11) and c2 2 x 2 at (80, 41);
 * nets in -> {c1, m/a}, m/z -> {c2, out}, c1 -> c2, c2 -> out. Canvas 100 x 50 um.
 */
class CircuitTrainingTest {
    static Path tiny() throws URISyntaxException {
        return Path.of(CircuitTrainingTest.class.getResource("tiny.pb.txt").toURI());
    }

    /** HPWL in microns with pins at centre + offset. */
    static double hpwlMicrons(CtDesign d, Placement p) {
        Netlist nl = d.netlist();
        double[] x = p.x(), y = p.y(), w = nl.widths(), h = nl.heights(), dx = nl.pinDx(), dy = nl.pinDy();
        int[] ps = nl.netPinStart(), pn = nl.pinNode();
        double total = 0;
        for (int e = 0; e < nl.numNets(); e++) {
            double xl = Double.MAX_VALUE, xh = -Double.MAX_VALUE, yl = Double.MAX_VALUE, yh = -Double.MAX_VALUE;
            for (int q = ps[e]; q < ps[e + 1]; q++) {
                int v = pn[q];
                double px = x[v] + w[v] / 2 + dx[q], py = y[v] + h[v] / 2 + dy[q];
                xl = Math.min(xl, px);
                xh = Math.max(xh, px);
                yl = Math.min(yl, py);
                yh = Math.max(yh, py);
            }
            total += xh - xl + yh - yl;
        }
        return total / d.dbuPerMicron();
    }

    @Test
    void readsTheTinyNetlistIntoTheModel() throws Exception {
        CtDesign d = CircuitTraining.read(tiny());
        Netlist nl = d.netlist();
        assertThat(nl.name()).isEqualTo("tiny");
        assertThat(d.dbuPerMicron()).isEqualTo(1000);
        assertThat(nl.nodeNames()).containsExactly("in", "m", "c1", "c2", "out");
        assertThat(d.pbNodeCount()).isEqualTo(7);
        assertThat(new int[] {d.pbIndex(0), d.pbIndex(1), d.pbIndex(2), d.pbIndex(3), d.pbIndex(4)})
                .containsExactly(0, 1, 4, 5, 6);
        assertThat(nl.kind(0)).isEqualTo(NodeKind.FIXED_NI);
        assertThat(nl.kind(1)).isEqualTo(NodeKind.MACRO);
        assertThat(nl.kind(2)).isEqualTo(NodeKind.CELL);
        assertThat(nl.numNets()).isEqualTo(4);
        assertThat(nl.numPins()).isEqualTo(10);
        assertThat(nl.netNames()).containsExactly("in", "m/z", "c1", "c2");
        Placement p = nl.initialPlacement();
        // macro centre (50, 25), 20 x 10: lower-left (40, 20) um = (40000, 20000)
        assertThat(p.x()[1]).isEqualTo(40000);
        assertThat(p.y()[1]).isEqualTo(20000);
        assertThat(p.x()[2]).isEqualTo(10000); // c1: 10.5 - 0.5
        assertThat(p.x()[0]).isEqualTo(0); // port: zero size at its point
        assertThat(p.y()[0]).isEqualTo(25000);
        // net in: driver pin on port in, then c1, then macro pin a at (-10, 0) um from the centre
        int[] ps = nl.netPinStart();
        assertThat(nl.pinNode()[ps[0]]).isEqualTo(0);
        assertThat(nl.pinDirection()[ps[0]]).isEqualTo(Netlist.DIR_OUTPUT);
        assertThat(nl.pinNode()[ps[0] + 2]).isEqualTo(1);
        assertThat(nl.pinDx()[ps[0] + 2]).isEqualTo(-10000);
        assertThat(nl.pinDy()[ps[1]]).isEqualTo(5000); // m/z drives net 1
        // 54 + 56 + 99.5 + 36 (see the class comment)
        assertThat(hpwlMicrons(d, p)).isCloseTo(245.5, within(1e-9));
        // rows: height 2 um (the cells), site gcd(1, 2) = 1 um, over the 100 x 50 canvas
        assertThat(nl.rows()).hasSize(25);
        assertThat(nl.rowHeight()).isEqualTo(2000);
        assertThat(nl.rows()[0].siteWidth()).isEqualTo(1000);
        assertThat(nl.rows()[0].numSites()).isEqualTo(100);
        assertThat(d.canvas()).containsExactly(0, 0, 100000, 50000);
        assertThat(d.canvasWidthMicrons()).isEqualTo(100);
    }

    @Test
    void readsAGzippedNetlistAlike(@TempDir Path dir) throws Exception {
        Path gz = dir.resolve("tiny.pb.txt.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(Files.readAllBytes(tiny()));
        }
        CtDesign d = CircuitTraining.read(gz);
        assertThat(d.netlist().name()).isEqualTo("tiny");
        assertThat(hpwlMicrons(d, d.placement())).isCloseTo(245.5, within(1e-9));
    }

    @Test
    void plcRoundTripGivesTheSamePositions(@TempDir Path dir) throws Exception {
        CtDesign d = CircuitTraining.read(tiny());
        Placement p = d.placement();
        p.x()[1] = 12345.5;
        p.y()[1] = 3000;
        p.orient()[1] = "FS";
        p.x()[3] = 77777;
        Path plc = dir.resolve("tiny.plc");
        CircuitTraining.writePlc(d, p, plc, List.of("Columns : 4  Rows : 3", "Routes per micron, hor : 11.5  ver : 12.5",
                "Routes used by macros, hor : 5.5  ver : 6.5", "Smoothing factor : 1"));
        List<String> lines = Files.readAllLines(plc);
        assertThat(lines).contains("# node_index x y orientation fixed", "0 0 25 - 1", "4 10.5 11 N 0",
                "1 22.3455 8 FS 0");
        PlcFile back = CircuitTraining.readPlc(d, plc);
        assertThat(back.nodesRead()).isEqualTo(5);
        assertThat(back.placement().x()).containsExactly(p.x(), within(1e-9));
        assertThat(back.placement().y()).containsExactly(p.y(), within(1e-9));
        assertThat(back.placement().orient()).containsExactly(p.orient());
        assertThat(back.columns()).isEqualTo(4);
        assertThat(back.rows()).isEqualTo(3);
        assertThat(back.hRoutesPerMicron()).isEqualTo(11.5);
        assertThat(back.vMacroAlloc()).isEqualTo(6.5);
        assertThat(back.smoothing()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2 1 2 N 0|tiny.plc:2:|not a port, macro or standard cell",
        "9 1 2 N 0|tiny.plc:2:|node index 9",
        "1 x 2 N 0|tiny.plc:2:|expected x",
        "1 1 2 Q 0|tiny.plc:2:|orientation",
        "1 1|tiny.plc:2:|node_index x y"})
    void malformedPlcLinesNameFileAndLine(String bad, String where, String what, @TempDir Path dir) throws Exception {
        CtDesign d = CircuitTraining.read(tiny());
        Path plc = dir.resolve("tiny.plc");
        // pb index 2 is a macro pin
        Files.writeString(plc, "# header\n" + bad + "\n");
        assertThatThrownBy(() -> CircuitTraining.readPlc(d, plc)).isInstanceOf(NetlistParseException.class)
                .hasMessageStartingWith(where).hasMessageContaining(what);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "      f: 25.0|      f: 2x5|28|expected a number",
        "  input: \"c1\"|  input: \"nobody\"|5|unknown node 'nobody'",
        "      placeholder: \"stdcell\"|      placeholder: \"gate\"|181|expected type port",
        "      placeholder: \"m\"|      placeholder: \"mm\"|82|unknown macro 'mm'",
        "  name: \"m\"|  nom: \"m\"|33|expected name, input, attr",
        "    key: \"side\"|    kee: \"side\"|14|expected key:",
        "  name: \"in\"|  name: in|4|quoted string",
        "node {|nodes {|3|expected 'node {'"})
    void malformedPbLinesNameFileAndLine(String good, String bad, int line, String what, @TempDir Path dir)
            throws Exception {
        String text = Files.readString(tiny(), StandardCharsets.ISO_8859_1);
        assertThat(text).contains(good);
        Path f = dir.resolve("bad.pb.txt");
        Files.writeString(f, text.replaceFirst(java.util.regex.Pattern.quote(good),
                java.util.regex.Matcher.quoteReplacement(bad)), StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CircuitTraining.read(f)).isInstanceOf(NetlistParseException.class)
                .hasMessageStartingWith("bad.pb.txt:" + line + ":").hasMessageContaining(what);
    }

    @Test
    void aTruncatedFileAndAMissingFileAreParseErrors(@TempDir Path dir) throws IOException, URISyntaxException {
        String text = Files.readString(tiny());
        Path f = dir.resolve("cut.pb.txt");
        Files.writeString(f, text.substring(0, text.indexOf("  attr {", text.indexOf("name: \"m\""))));
        assertThatThrownBy(() -> CircuitTraining.read(f)).isInstanceOf(NetlistParseException.class)
                .hasMessageStartingWith("cut.pb.txt:33:").hasMessageContaining("end of file");
        assertThatThrownBy(() -> CircuitTraining.read(dir.resolve("none.pb.txt")))
                .isInstanceOf(NetlistParseException.class).hasMessageStartingWith("none.pb.txt:0:");
    }

    @Test
    void designNames() {
        assertThat(CircuitTraining.designName(Path.of("a/ariane.pb.txt.gz"))).isEqualTo("ariane");
        assertThat(CircuitTraining.designName(Path.of("a/ariane133/netlist.pb.txt"))).isEqualTo("ariane133");
    }
}
