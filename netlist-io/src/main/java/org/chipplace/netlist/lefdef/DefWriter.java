package org.chipplace.netlist.lefdef;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;

/**
 * Writes a {@link DefDesign} back as DEF: the original bytes with each component's placement
 * clause ({@code + PLACED/FIXED/COVER ( x y ) O} or {@code + UNPLACED}, or nothing) replaced. See
 * {@link LefDef#writeDef}.
 */
final class DefWriter {
    private DefWriter() {
    }

    static void write(DefDesign d, Placement p, Path out) {
        Netlist nl = d.netlist();
        if (p.size() != nl.numNodes()) {
            throw new IllegalArgumentException("placement has " + p.size() + " nodes, design " + nl.numNodes());
        }
        Map<Double, String> rowOrient = new HashMap<>();
        for (Row r : nl.rows()) {
            rowOrient.putIfAbsent(r.y(), r.orient());
        }
        byte cell = NodeKind.CELL.code();
        List<DefDesign.Component> comps = d.components();
        byte[] src = d.source;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            int prev = 0;
            StringBuilder sb = new StringBuilder(64);
            for (int i = 0; i < comps.size(); i++) {
                DefDesign.Component c = comps.get(i);
                int cs = d.clauseStart[i];
                int ce = d.clauseEnd[i];
                os.write(src, prev, cs - prev);
                double x = p.x()[i];
                double y = p.y()[i];
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    throw new IllegalArgumentException("component " + c.name() + ": non-finite position " + x + ", " + y);
                }
                long lx = Math.round(x);
                long ly = Math.round(y);
                String status = c.isFixed() ? c.status() : "PLACED";
                int o = DefOrient.code(p.orient()[i]);
                if (o < 0) {
                    o = DefOrient.code(c.orient());
                }
                if (nl.kinds()[i] == cell && !DefOrient.swapsSize(o)) {
                    o = cellOrientation(o, rowOrient.get((double) ly), nl.rowSpan(i));
                }
                sb.setLength(0);
                if (cs == ce && cs > 0 && !Character.isWhitespace(src[cs - 1])) {
                    sb.append(' '); // inserting before a ';' glued to the previous token
                }
                sb.append("+ ").append(status).append(" ( ").append(lx).append(' ').append(ly).append(" ) ")
                        .append(DefOrient.NAMES[o]);
                if (cs == ce) {
                    sb.append(' ');
                }
                os.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
                prev = ce;
            }
            os.write(src, prev, src.length - prev);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }

    /**
     * The orientation of a standard cell spanning {@code rowSpan} rows whose bottom row has orientation
     * {@code row} (null when none): even-height cells take the N family wherever they are (their bottom
     * rail is the N rows' one), others {@link #rowOrientation}.
     */
    static int cellOrientation(int o, String row, int rowSpan) {
        boolean even = rowSpan % 2 == 0 && ("N".equals(row) || "FS".equals(row));
        return rowOrientation(o, even ? "N" : row);
    }

    /**
     * The orientation a single-row (or odd-height) cell must take in a row of orientation {@code row}
     * ({@code N} or {@code FS}), keeping whether it is mirrored in x: N/FN in an N row, FS/S in an FS row.
     * Other rows (or none at that y) keep {@code o}.
     */
    static int rowOrientation(int o, String row) {
        if ("N".equals(row)) {
            return DefOrient.mirrorsX(o) ? DefOrient.FN : DefOrient.N;
        }
        if ("FS".equals(row)) {
            return DefOrient.mirrorsX(o) ? DefOrient.S : DefOrient.FS;
        }
        return o;
    }
}
