package org.chipplace.netlist.bookshelf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;

/**
 * Writes Bookshelf files. Numbers use {@link #fmt(double)}, which the reader parses back to the
 * identical double, so write/read round trips are exact. Public only for {@link #fmt(double)}
 * (the LEF/DEF reader's messages print numbers the same way).
 */
public final class BookshelfWriter {
    private static final char[] DIRS = {'I', 'O', 'B'};

    private BookshelfWriter() {
    }

    /** Integral values below 1e15 as integers ({@code 12}, {@code -0}), others by {@link Double#toString}. */
    public static String fmt(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("cannot write a non-finite number: " + v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            if (v == 0 && 1 / v < 0) {
                return "-0";
            }
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** Checks that a name is a single Bookshelf token. */
    static String token(String name) {
        if (name == null || name.isEmpty() || name.charAt(0) == '#' || name.charAt(0) == '/') {
            throw new IllegalArgumentException("name cannot be written to Bookshelf: '" + name + "'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c == ':' || c > 0xff) {
                throw new IllegalArgumentException("name cannot be written to Bookshelf: '" + name + "'");
            }
        }
        return name;
    }

    private static Writer open(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1);
    }

    static void writePl(Netlist nl, Placement p, Path file) {
        if (p.size() != nl.numNodes()) {
            throw new IllegalArgumentException("placement has " + p.size() + " nodes, netlist " + nl.numNodes());
        }
        String[] names = nl.nodeNames();
        double[] x = p.x();
        double[] y = p.y();
        String[] o = p.orient();
        try (Writer w = open(file)) {
            w.write("UCLA pl 1.0\n# written by chipplace\n\n");
            StringBuilder sb = new StringBuilder(64);
            for (int v = 0; v < names.length; v++) {
                sb.setLength(0);
                sb.append(token(names[v])).append(' ').append(fmt(x[v])).append(' ').append(fmt(y[v]))
                        .append(" : ").append(orient(o[v]));
                NodeKind k = nl.kind(v);
                if (k == NodeKind.FIXED) {
                    sb.append(" /FIXED");
                } else if (k == NodeKind.FIXED_NI) {
                    sb.append(" /FIXED_NI");
                }
                sb.append('\n');
                w.append(sb);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String orient(String o) {
        for (String s : BookshelfPlScl.ORIENTS) {
            if (s.equals(o)) {
                return s;
            }
        }
        throw new IllegalArgumentException("orientation cannot be written to a .pl: '" + o + "'");
    }

    static void write(Netlist nl, Placement p, Path dir) {
        String d = token(nl.name());
        if (p.size() != nl.numNodes()) {
            throw new IllegalArgumentException("placement has " + p.size() + " nodes, netlist " + nl.numNodes());
        }
        try {
            Files.createDirectories(dir);
            try (Writer w = open(dir.resolve(d + ".aux"))) {
                w.write("RowBasedPlacement : " + d + ".nodes " + d + ".nets " + d + ".wts " + d + ".pl " + d
                        + ".scl\n");
            }
            writeNodes(nl, dir.resolve(d + ".nodes"));
            writeNets(nl, dir.resolve(d + ".nets"));
            writeWts(nl, dir.resolve(d + ".wts"));
            writePl(nl, p, dir.resolve(d + ".pl"));
            writeScl(nl, dir.resolve(d + ".scl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeNodes(Netlist nl, Path file) throws IOException {
        int terms = nl.numFixed() + nl.numFixedNi();
        try (Writer w = open(file)) {
            w.write("UCLA nodes 1.0\n# written by chipplace\n\nNumNodes : " + nl.numNodes() + "\nNumTerminals : "
                    + terms + "\n");
            StringBuilder sb = new StringBuilder(64);
            for (int v = 0; v < nl.numNodes(); v++) {
                sb.setLength(0);
                sb.append(token(nl.nodeNames()[v])).append(' ').append(fmt(nl.widths()[v])).append(' ')
                        .append(fmt(nl.heights()[v]));
                NodeKind k = nl.kind(v);
                if (k == NodeKind.FIXED) {
                    sb.append(" terminal");
                } else if (k == NodeKind.FIXED_NI) {
                    sb.append(" terminal_NI");
                }
                w.append(sb.append('\n'));
            }
        }
    }

    private static void writeNets(Netlist nl, Path file) throws IOException {
        int[] nps = nl.netPinStart();
        try (Writer w = open(file)) {
            w.write("UCLA nets 1.0\n# written by chipplace\n\nNumNets : " + nl.numNets() + "\nNumPins : "
                    + nl.numPins() + "\n");
            StringBuilder sb = new StringBuilder(256);
            for (int e = 0; e < nl.numNets(); e++) {
                sb.setLength(0);
                sb.append("NetDegree : ").append(nl.netDegree(e)).append(' ').append(token(nl.netNames()[e]))
                        .append('\n');
                for (int q = nps[e]; q < nps[e + 1]; q++) {
                    sb.append("  ").append(nl.nodeNames()[nl.pinNode()[q]]).append(' ')
                            .append(DIRS[nl.pinDirection()[q]]).append(" : ").append(fmt(nl.pinDx()[q]))
                            .append(' ').append(fmt(nl.pinDy()[q])).append('\n');
                }
                w.append(sb);
            }
        }
    }

    private static void writeWts(Netlist nl, Path file) throws IOException {
        try (Writer w = open(file)) {
            w.write("UCLA wts 1.0\n# written by chipplace: net weights\n\n");
            for (int e = 0; e < nl.numNets(); e++) {
                w.write(nl.netNames()[e] + ' ' + fmt(nl.netWeights()[e]) + '\n');
            }
        }
    }

    private static void writeScl(Netlist nl, Path file) throws IOException {
        try (Writer w = open(file)) {
            w.write("UCLA scl 1.0\n# written by chipplace\n\nNumRows : " + nl.rows().length + "\n\n");
            for (Row r : nl.rows()) {
                w.write("CoreRow Horizontal\n  Coordinate : " + fmt(r.y()) + "\n  Height : " + fmt(r.height())
                        + "\n  Sitewidth : " + fmt(r.siteWidth()) + "\n  Sitespacing : " + fmt(r.siteSpacing())
                        + "\n  Siteorient : " + token(r.orient()) + "\n  Sitesymmetry : 1\n  SubrowOrigin : "
                        + fmt(r.x()) + " NumSites : " + r.numSites() + "\nEnd\n");
            }
        }
    }
}
