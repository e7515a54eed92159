package org.chipplace.netlist.circuittraining;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistParseException;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.bookshelf.BookshelfLexer;

/** Reader and writer of Circuit Training {@code .plc} files; see {@link CircuitTraining}. */
final class PlcIo {
    private static final Set<String> ORIENTS = Set.of("N", "S", "E", "W", "FN", "FS", "FE", "FW");
    private static final Pattern COLS = Pattern.compile("Columns\\s*:\\s*(\\d+)\\s+Rows\\s*:\\s*(\\d+)");
    private static final Pattern ROUTES = Pattern.compile(
            "Routes per micron,\\s*hor\\s*:\\s*([-+0-9.eE]+)\\s+ver\\s*:\\s*([-+0-9.eE]+)");
    private static final Pattern ALLOC = Pattern.compile(
            "Routes used by macros,\\s*hor\\s*:\\s*([-+0-9.eE]+)\\s+ver\\s*:\\s*([-+0-9.eE]+)");
    private static final Pattern SMOOTH = Pattern.compile("Smoothing factor\\s*:\\s*(\\d+)");

    private PlcIo() {
    }

    /** A number in plain decimal notation that reads back to exactly {@code v}. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("cannot write a non-finite coordinate: " + v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        return s.indexOf('E') < 0 ? s : BigDecimal.valueOf(v).toPlainString();
    }

    static void write(CtDesign d, Placement p, Path out, List<String> header) {
        Netlist nl = d.netlist();
        if (p.size() != nl.numNodes()) {
            throw new IllegalArgumentException("placement of " + p.size() + " nodes for " + nl.numNodes() + " nodes");
        }
        double dbu = d.dbuPerMicron();
        double[] w = nl.widths(), h = nl.heights();
        try (BufferedWriter o = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            o.write("# Placement file for Circuit Training\n");
            o.write("# Source input file(s) : " + d.sourceName() + "\n");
            o.write("# This file : " + out.getFileName() + "\n");
            o.write("# Width : " + num(d.canvasWidthMicrons()) + "  Height : " + num(d.canvasHeightMicrons()) + "\n");
            o.write("# Block : " + nl.name() + "\n");
            for (String line : header) {
                o.write("# " + line.replace('\n', ' ') + "\n");
            }
            o.write("# node_index x y orientation fixed\n");
            StringBuilder sb = new StringBuilder(64);
            for (int v = 0; v < nl.numNodes(); v++) { // nodes are in .pb order, so indices ascend
                NodeKind k = nl.kind(v);
                boolean port = k == NodeKind.FIXED_NI && w[v] == 0 && h[v] == 0;
                String orient = port ? "-" : p.orient()[v];
                sb.setLength(0);
                sb.append(d.pbIndex(v)).append(' ')
                        .append(num((p.x()[v] + w[v] / 2) / dbu)).append(' ')
                        .append(num((p.y()[v] + h[v] / 2) / dbu)).append(' ')
                        .append(orient == null ? "N" : orient).append(' ')
                        .append(k.movable() ? '0' : '1').append('\n');
                o.write(sb.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    static PlcFile read(CtDesign d, Path plc) {
        String file = plc.getFileName() == null ? plc.toString() : plc.getFileName().toString();
        byte[] bytes = BookshelfLexer.readBytes(plc, file);
        Netlist nl = d.netlist();
        int[] nodeOfPb = new int[d.pbNodeCount()];
        java.util.Arrays.fill(nodeOfPb, -1);
        for (int v = 0; v < nl.numNodes(); v++) {
            nodeOfPb[d.pbIndex(v)] = v;
        }
        Placement p = d.placement();
        double dbu = d.dbuPerMicron();
        double[] w = nl.widths(), h = nl.heights();
        int cols = 0, rows = 0, smooth = -1, count = 0;
        double hr = Double.NaN, vr = Double.NaN, ha = Double.NaN, va = Double.NaN;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes),
                StandardCharsets.ISO_8859_1))) {
            String line;
            int no = 0;
            while ((line = in.readLine()) != null) {
                no++;
                String t = line.trim();
                if (t.isEmpty()) {
                    continue;
                }
                if (t.charAt(0) == '#') {
                    Matcher m;
                    if ((m = COLS.matcher(t)).find() && !t.contains("Congestion")) {
                        cols = Integer.parseInt(m.group(1));
                        rows = Integer.parseInt(m.group(2));
                    } else if ((m = ROUTES.matcher(t)).find()) {
                        hr = Double.parseDouble(m.group(1));
                        vr = Double.parseDouble(m.group(2));
                    } else if ((m = ALLOC.matcher(t)).find()) {
                        ha = Double.parseDouble(m.group(1));
                        va = Double.parseDouble(m.group(2));
                    } else if ((m = SMOOTH.matcher(t)).find()) {
                        smooth = Integer.parseInt(m.group(1));
                    }
                    continue;
                }
                String[] f = t.split("\\s+");
                if (f.length < 4 || f.length > 5) {
                    throw new NetlistParseException(file, no, "expected 'node_index x y orientation [fixed]', found '"
                            + abbreviate(t) + "'");
                }
                int idx;
                try {
                    idx = Integer.parseInt(f[0]);
                } catch (NumberFormatException e) {
                    throw new NetlistParseException(file, no, "expected a node index, found '" + abbreviate(f[0]) + "'");
                }
                if (idx < 0 || idx >= nodeOfPb.length || nodeOfPb[idx] < 0) {
                    throw new NetlistParseException(file, no, "node index " + idx + " is not a port, macro or "
                            + "standard cell of " + d.sourceName() + " (0.." + (nodeOfPb.length - 1) + ")");
                }
                double x = number(f[1], file, no, "x"), y = number(f[2], file, no, "y");
                if (!f[3].equals("-") && !ORIENTS.contains(f[3])) {
                    throw new NetlistParseException(file, no, "expected an orientation (N, S, E, W, FN, FS, FE, FW "
                            + "or -), found '" + abbreviate(f[3]) + "'");
                }
                if (f.length == 5 && !f[4].equals("0") && !f[4].equals("1")) {
                    throw new NetlistParseException(file, no, "expected fixed 0 or 1, found '" + abbreviate(f[4]) + "'");
                }
                int v = nodeOfPb[idx];
                p.x()[v] = Math.rint(x * dbu * 1e6) / 1e6 - w[v] / 2;
                p.y()[v] = Math.rint(y * dbu * 1e6) / 1e6 - h[v] / 2;
                if (!f[3].equals("-")) {
                    p.orient()[v] = f[3];
                }
                count++;
            }
        } catch (IOException e) {
            throw new NetlistParseException(file, 0, "cannot read " + plc + ": " + e.getMessage(), e);
        }
        return new PlcFile(p, count, cols, rows, hr, vr, ha, va, smooth);
    }

    private static double number(String s, String file, int line, String what) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        double v = BookshelfLexer.parseNumber(b, 0, b.length);
        if (!Double.isFinite(v)) {
            throw new NetlistParseException(file, line, "expected " + what + " (a number), found '" + abbreviate(s) + "'");
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
