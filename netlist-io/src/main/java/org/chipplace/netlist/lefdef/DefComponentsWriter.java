package org.chipplace.netlist.lefdef;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a DEF as another DEF's text with its {@code COMPONENTS} section replaced by a given list
 * (inserted before {@code PINS}, else before {@code SPECIALNETS}/{@code NETS}, else before
 * {@code END DESIGN} when the DEF has none). See {@link LefDef#writeDef(DefDesign, List, Path)}.
 */
final class DefComponentsWriter {
    private static final Pattern SECTION = Pattern.compile("(?m)^[ \\t]*COMPONENTS[ \\t]+\\d+[ \\t]*;");
    private static final Pattern SECTION_END = Pattern.compile("(?m)^[ \\t]*END[ \\t]+COMPONENTS\\b[^\\n]*\\n?");
    private static final Pattern[] INSERT_BEFORE = {
        Pattern.compile("(?m)^[ \\t]*PINS[ \\t]+\\d+"),
        Pattern.compile("(?m)^[ \\t]*(SPECIALNETS|NETS)[ \\t]+\\d+"),
        Pattern.compile("(?m)^[ \\t]*END[ \\t]+DESIGN\\b"),
    };

    private DefComponentsWriter() {
    }

    static void write(DefDesign floorplan, List<DefDesign.Component> comps, List<double[]> halos, Path out) {
        if (halos != null && halos.size() != comps.size()) {
            throw new IllegalArgumentException(comps.size() + " components but " + halos.size() + " halos");
        }
        String src = new String(floorplan.source, StandardCharsets.ISO_8859_1);
        int from;
        int to;
        Matcher m = SECTION.matcher(src);
        if (m.find()) {
            from = m.start();
            Matcher e = SECTION_END.matcher(src);
            if (!e.find(m.end())) {
                throw new IllegalArgumentException(floorplan.sourceName + ": COMPONENTS without END COMPONENTS");
            }
            to = e.end();
        } else {
            from = -1;
            for (Pattern p : INSERT_BEFORE) {
                Matcher i = p.matcher(src);
                if (i.find()) {
                    from = i.start();
                    break;
                }
            }
            if (from < 0) {
                throw new IllegalArgumentException(floorplan.sourceName + ": no END DESIGN");
            }
            to = from;
        }
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.ISO_8859_1), 1 << 16)) {
            w.write(src, 0, from);
            StringBuilder sb = new StringBuilder(128);
            w.write("COMPONENTS " + comps.size() + " ;\n");
            for (int i = 0; i < comps.size(); i++) {
                DefDesign.Component c = comps.get(i);
                if (!Double.isFinite(c.x()) || !Double.isFinite(c.y())) {
                    throw new IllegalArgumentException("component " + c.name() + ": non-finite position");
                }
                sb.setLength(0);
                sb.append("- ").append(escape(c.name())).append(' ').append(c.macro());
                if ("UNPLACED".equals(c.status())) {
                    sb.append(" + UNPLACED");
                } else {
                    sb.append(" + ").append(c.status()).append(" ( ").append(Math.round(c.x())).append(' ')
                            .append(Math.round(c.y())).append(" ) ").append(c.orient());
                }
                double[] h = halos == null ? null : halos.get(i);
                if (h != null) {
                    sb.append("\n  + HALO ").append(Math.round(h[0])).append(' ').append(Math.round(h[1])).append(' ')
                            .append(Math.round(h[2])).append(' ').append(Math.round(h[3]));
                }
                sb.append(" ;\n");
                w.write(sb.toString());
            }
            w.write("END COMPONENTS\n");
            if (to == from) {
                w.write('\n');
            }
            w.write(src, to, src.length() - to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }

    /**
     * A component name as DEF writes it: brackets, which DEF reads as bus bits, escaped with a
     * backslash (as Innovus and OpenROAD write {@code sram_block\[0\].data_sram}); already escaped
     * characters are kept.
     */
    static String escape(String name) {
        StringBuilder sb = null;
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == '\\' && i + 1 < name.length()) {
                if (sb != null) {
                    sb.append(ch).append(name.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (ch == '[' || ch == ']' || Character.isWhitespace(ch)) {
                if (sb == null) {
                    sb = new StringBuilder(name.length() + 8).append(name, 0, i);
                }
                sb.append('\\').append(ch);
            } else if (sb != null) {
                sb.append(ch);
            }
        }
        return sb == null ? name : sb.toString();
    }
}
