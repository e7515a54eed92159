package org.chipplace.netlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;

/** Test helpers: benchmark lookup, a tiny hand-written Bookshelf design, netlist equality. */
final class TestDesigns {
    private TestDesigns() {
    }

    /** The benchmark's .aux; skips the test when absent, fails instead on CI. */
    static Path auxOrSkip(String design) {
        Optional<Path> p = Benchmarks.aux(design);
        if (Benchmarks.required()) {
            assertThat(p).as(Benchmarks.missingMessage(design)).isPresent();
        }
        Assumptions.assumeTrue(p.isPresent(), Benchmarks.missingMessage(design));
        return p.get();
    }

    /**
     * Files of a tiny valid design "t": 4 nodes (a, b, macro m, terminal p), nets n_ab (named,
     * weight 2) and an unnamed one, b placed FS, m without orientation, p /FIXED, two rows of
     * height 4 written with different key spellings.
     */
    static Map<String, String> tinyFiles() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("t.aux", "RowBasedPlacement : t.nodes t.nets t.wts t.pl t.scl\n");
        f.put("t.nodes", String.join("\n",
                "UCLA nodes 1.0",
                "# tiny",
                "NumNodes : 4",
                "NumTerminals : 1",
                "a 2 4",
                "b 3 4",
                "m 6 8",
                "p 1 1 terminal", ""));
        f.put("t.nets", String.join("\n",
                "UCLA nets 1.0",
                "NumNets : 2",
                "NumPins : 5",
                "NetDegree : 3 n_ab",
                "  a O : 0.5 -1",
                "  b I",
                "  m i : 1 1",
                "NetDegree : 2",
                "  m B",
                "  p I : 0 0", ""));
        f.put("t.wts", String.join("\n",
                "UCLA wts 1.0",
                "n_ab 2",
                "a 1", ""));
        f.put("t.pl", String.join("\n",
                "UCLA pl 1.0",
                "a 1 0 : N",
                "b 4.25 4 : FS",
                "m 10 0",
                "p 0 20 : N /FIXED", ""));
        f.put("t.scl", String.join("\n",
                "UCLA scl 1.0",
                "NumRows : 2",
                "CoreRow Horizontal",
                "  Coordinate : 0",
                "  Height : 4",
                "  Sitewidth : 1",
                "  Sitespacing : 1",
                "  Siteorient : N",
                "  Sitesymmetry : Y",
                "  SubrowOrigin : 0 NumSites : 20",
                "End",
                "CoreRow Horizontal",
                " coordinate : 4",
                " HEIGHT : 4",
                " subroworigin : 0  numsites : 20",
                "End", ""));
        return f;
    }

    /** Writes the files into {@code dir}; returns the path of the first (the .aux). */
    static Path writeAll(Path dir, Map<String, String> files) throws IOException {
        Path first = null;
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.writeString(p, e.getValue(), StandardCharsets.ISO_8859_1);
            if (first == null) {
                first = p;
            }
        }
        return first;
    }

    static void gzip(Path src, Path dst) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dst))) {
            Files.copy(src, out);
        }
    }

    /** Asserts that every array and field of two netlists is identical. */
    static void assertSameNetlist(Netlist a, Netlist b) {
        assertThat(b.name()).isEqualTo(a.name());
        assertThat(b.nodeNames()).containsExactly(a.nodeNames());
        assertThat(b.widths()).containsExactly(a.widths());
        assertThat(b.heights()).containsExactly(a.heights());
        assertThat(b.kinds()).containsExactly(a.kinds());
        assertThat(b.netNames()).containsExactly(a.netNames());
        assertThat(b.netWeights()).containsExactly(a.netWeights());
        assertThat(b.netPinStart()).containsExactly(a.netPinStart());
        assertThat(b.pinNode()).containsExactly(a.pinNode());
        assertThat(b.pinDx()).containsExactly(a.pinDx());
        assertThat(b.pinDy()).containsExactly(a.pinDy());
        assertThat(b.pinDirection()).containsExactly(a.pinDirection());
        assertThat(b.rows()).containsExactly(a.rows());
        assertThat(new double[] {b.coreXl(), b.coreYl(), b.coreXh(), b.coreYh(), b.rowHeight()})
                .containsExactly(a.coreXl(), a.coreYl(), a.coreXh(), a.coreYh(), a.rowHeight());
        assertSamePlacement(a.initialPlacement(), b.initialPlacement());
    }

    static void assertSamePlacement(Placement a, Placement b) {
        assertThat(b.x()).containsExactly(a.x());
        assertThat(b.y()).containsExactly(a.y());
        assertThat(b.orient()).containsExactly(a.orient());
    }

    /** Bit-exact comparison (containsExactly on doubles uses equals, so -0.0 differs from 0.0). */
    static void assertBitsEqual(double[] expected, double[] actual) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.doubleToRawLongBits(actual[i])).as("index %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(expected[i]));
        }
    }
}
