package org.chipplace.netlist.bookshelf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Test helpers: a tiny hand-written Bookshelf design, writing and gzipping its files. */
final class TestDesigns {
    private TestDesigns() {
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
}
