package org.chipplace.netlist.circuittraining;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Row;
import org.chipplace.netlist.bookshelf.BookshelfLexer;
import org.chipplace.netlist.lefdef.DefDesign;
import org.chipplace.netlist.lefdef.LefDef;
import org.chipplace.netlist.lefdef.LefLibrary;

/**
 * Turns a Circuit Training netlist ({@code .pb.txt[.gz]}) plus its floorplan DEF and LEFs into a full
 * LEF/DEF design, so that the LEF/DEF flow ({@code place --lef ... --def ...}) can run on it. Writes
 * two DEFs into the output folder, both the floorplan DEF's text (header, die, rows, tracks,
 * {@code PINS}, ...) with a new {@code COMPONENTS} section and a {@code NETS} section
 * ({@link PbDefNets}):
 * <ul>
 * <li>{@code PREFIX_unplaced.def}: every standard cell and macro {@code UNPLACED} (the placer places
 * the macros too);</li>
 * <li>{@code PREFIX_cadence.def}: every component {@code PLACED} at the {@code .pb}'s position (a centre
 * in microns, converted to the lower-left corner in database units with the LEF size). Standard cells
 * take the orientation of the row their lower edge falls in (N or FS); a macro takes the orientation
 * among N, FN, S, FS whose LEF pin offsets best match the {@code .pb}'s macro-pin offsets, its
 * {@code orientation} attr on a tie (the attr alone can be wrong: ariane133's {@code .pb} says N for
 * macros whose pins are mirrored, FN in the placed-macros DEF).</li>
 * </ul>
 * Components are named as in the {@code .pb} (brackets escaped), or as the floorplan DEF names the
 * same component; masters are the {@code ref_name} attrs. {@code PREFIX} is the floorplan file name
 * up to {@code _fp} (or without {@code .def}). Not a test.
 *
 * <p>Usage: {@code PbToLefDef PB FLOORPLAN.def LEF... OUTDIR} (technology LEF first).
 */
public final class PbToLefDef {
    private PbToLefDef() {
    }

    /**
     * What a conversion wrote and found.
     *
     * @param cells            standard cells written
     * @param macros           macros written
     * @param ports            floorplan I/O pins
     * @param nets             nets written
     * @param pins             connections written
     * @param skippedNets      nets with fewer than two connections
     * @param reusedInputPins  sink connections that reused an input pin (master has fewer inputs than sinks)
     * @param dropped          sinks dropped: unknown node, unknown port, unknown macro pin, macro node
     * @param duplicates       connections dropped as repeated within their net (a port listing itself)
     * @param macroOrientFixed macros whose pin-matched orientation differs from the {@code .pb} attr
     * @param sizeMismatches   components whose {@code .pb} width/height differ from the LEF's
     * @param offRowCells      standard cells whose {@code .pb} lower edge is not a row's y
     * @param unplaced         the unplaced DEF
     * @param cadence          the DEF placed at the {@code .pb} positions
     * @param problems         the first findings, as text
     */
    public record Summary(int cells, int macros, int ports, int nets, int pins, int skippedNets,
                          int reusedInputPins, int dropped, int duplicates, int macroOrientFixed, int sizeMismatches,
                          int offRowCells, Path unplaced, Path cadence, List<String> problems) {
        @Override
        public String toString() {
            return "cells " + cells + ", macros " + macros + ", ports " + ports + ", nets " + nets + ", pins " + pins
                    + ", nets skipped (< 2 connections) " + skippedNets + ", sink pins reusing an input pin "
                    + reusedInputPins + ", sinks dropped " + dropped + ", repeated connections dropped " + duplicates
                    + ", macros whose pins say another orientation"
                    + " than the .pb attr " + macroOrientFixed + ", .pb sizes differing from the LEF " + sizeMismatches
                    + ", cells off a row's y " + offRowCells;
        }
    }

    /** Runs {@link #convert} on the command line's files and prints the {@link Summary}. */
    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: PbToLefDef PB FLOORPLAN.def LEF... OUTDIR");
            System.exit(2);
        }
        List<Path> lefs = new ArrayList<>();
        for (int i = 2; i < args.length - 1; i++) {
            lefs.add(Path.of(args[i]));
        }
        long t0 = System.nanoTime();
        Summary s = convert(Path.of(args[0]), Path.of(args[1]), lefs, Path.of(args[args.length - 1]));
        System.out.println(s);
        s.problems().forEach(p -> System.out.println("  " + p));
        System.out.printf("wrote %s and %s in %.1f s%n", s.unplaced(), s.cadence(), (System.nanoTime() - t0) / 1e9);
    }

    /** Converts {@code pb} on {@code floorplan} (read against {@code lefs}) into two DEFs in {@code outDir}. */
    public static Summary convert(Path pb, Path floorplan, List<Path> lefs, Path outDir) {
        LefLibrary lib = LefDef.readLef(lefs);
        DefDesign fp = LefDef.readDef(lib, floorplan);
        if (fp.netlist().numNets() > 0) {
            throw new IllegalArgumentException(floorplan + " already has NETS");
        }
        String file = pb.getFileName().toString();
        PbTextReader r = PbTextReader.parse(file, BookshelfLexer.readBytes(pb, file));
        Map<String, Integer> index = new HashMap<>(r.n * 2);
        for (int v = 0; v < r.n; v++) {
            index.put(r.name[v], v);
        }
        String[] comp = new String[r.n];
        String[] master = new String[r.n];
        List<String> problems = new ArrayList<>();
        int[] counts = componentNames(r, fp, lib, comp, master, problems);
        Set<String> ioPins = ioPins(fp);
        PbDefNets nets = new PbDefNets(r, index, comp, master, lib, ioPins);
        byte[] netsText = nets.build();
        problems.addAll(nets.problems);

        double dbu = fp.dbuPerMicron();
        TreeMap<Double, Row> rows = new TreeMap<>();
        for (Row row : fp.netlist().rows()) {
            rows.putIfAbsent(row.y(), row);
        }
        String[] macroOrient = macroOrientations(r, index, master, lib);
        List<DefDesign.Component> unplaced = new ArrayList<>();
        List<DefDesign.Component> placed = new ArrayList<>();
        int orientFixed = 0;
        int sizeMismatches = 0;
        int offRow = 0;
        for (int v = 0; v < r.n; v++) {
            if (comp[v] == null) {
                continue;
            }
            LefLibrary.Macro m = lib.macros().get(master[v]);
            if (Math.abs(m.width() - r.w[v]) > 1e-6 || Math.abs(m.height() - r.h[v]) > 1e-6) {
                sizeMismatches++;
            }
            double llx = Math.round((r.x[v] - m.width() / 2) * dbu);
            double lly = Math.round((r.y[v] - m.height() / 2) * dbu);
            String o;
            if (r.type[v] == PbTextReader.MACRO) {
                o = macroOrient[v];
                if (!o.equals(r.orient[v] == null ? "N" : r.orient[v])) {
                    orientFixed++;
                }
                if (o.equals("E") || o.equals("W") || o.equals("FE") || o.equals("FW")) {
                    llx = Math.round((r.x[v] - m.height() / 2) * dbu);
                    lly = Math.round((r.y[v] - m.width() / 2) * dbu);
                }
            } else {
                Map.Entry<Double, Row> row = rows.floorEntry(lly);
                if (row == null || row.getKey() != lly) {
                    offRow++;
                }
                o = row == null || lly >= row.getKey() + row.getValue().height() ? "N" : row.getValue().orient();
            }
            unplaced.add(new DefDesign.Component(comp[v], master[v], "UNPLACED", 0, 0, "N"));
            placed.add(new DefDesign.Component(comp[v], master[v], "PLACED", llx, lly, o));
        }
        String prefix = prefix(floorplan);
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path outUnplaced = outDir.resolve(prefix + "_unplaced.def");
        Path outCadence = outDir.resolve(prefix + "_cadence.def");
        LefDef.writeDef(fp, unplaced, null, outUnplaced);
        appendBeforeEndDesign(outUnplaced, netsText);
        LefDef.writeDef(fp, placed, null, outCadence);
        appendBeforeEndDesign(outCadence, netsText);
        int dropped = nets.unknownSinks + nets.unknownPorts + nets.unknownMacroPins + nets.macroNodeConnections;
        return new Summary(counts[0], counts[1], ioPins.size(), nets.nets, nets.pins, nets.skippedNets,
                nets.reusedInputPins, dropped, nets.duplicateConnections, orientFixed, sizeMismatches, offRow, outUnplaced, outCadence,
                problems);
    }

    /**
     * Fills {@code comp} (DEF component name) and {@code master} (LEF macro) of every macro and standard
     * cell: the floorplan DEF's own name and master when it has the component, else the {@code .pb}
     * name with brackets escaped and its {@code ref_name}. Returns {cells, macros}.
     */
    static int[] componentNames(PbTextReader r, DefDesign fp, LefLibrary lib, String[] comp, String[] master,
                                List<String> problems) {
        Map<String, DefDesign.Component> given = new HashMap<>();
        for (DefDesign.Component c : fp.components()) {
            given.put(unescape(c.name()), c);
        }
        int[] counts = new int[2];
        Set<String> matched = new HashSet<>();
        for (int v = 0; v < r.n; v++) {
            byte t = r.type[v];
            if (t != PbTextReader.MACRO && t != PbTextReader.STDCELL) {
                continue;
            }
            counts[t == PbTextReader.MACRO ? 1 : 0]++;
            String ref = r.refName[v];
            DefDesign.Component old = given.get(r.name[v]);
            if (old != null) {
                matched.add(old.name());
                if (ref != null && !ref.equals(old.macro()) && problems.size() < 20) {
                    problems.add(r.name[v] + ": ref_name " + ref + " but the floorplan says " + old.macro());
                }
                ref = old.macro();
            }
            if (ref == null) {
                throw new IllegalArgumentException("node " + r.name[v] + " has no ref_name");
            }
            if (!lib.macros().containsKey(ref)) {
                throw new IllegalArgumentException("node " + r.name[v] + ": master " + ref + " is in no LEF");
            }
            comp[v] = old != null ? old.name() : escape(r.name[v]);
            master[v] = ref;
        }
        int extra = fp.components().size() - matched.size();
        if (extra > 0) {
            problems.add(extra + " floorplan components are not in the .pb (left out)");
        }
        return counts;
    }

    /**
     * Orientation of each macro (null for other nodes): among N, FN, S, FS the one whose LEF pin offsets
     * best match the {@code .pb}'s {@code x_offset}/{@code y_offset} of its macro pins, the
     * {@code orientation} attr (N without) when it matches as well; a quarter-turned attr is kept.
     */
    static String[] macroOrientations(PbTextReader r, Map<String, Integer> index, String[] master, LefLibrary lib) {
        String[] cand = {"N", "FN", "S", "FS"};
        double[][] err = new double[r.n][];
        for (int u = 0; u < r.n; u++) {
            if (r.type[u] != PbTextReader.MACRO_PIN) {
                continue;
            }
            String name = r.name[u];
            String macro = r.macroName[u] != null ? r.macroName[u] : name.substring(0, Math.max(0, name.lastIndexOf('/')));
            Integer m = index.get(macro);
            if (m == null || r.type[m] != PbTextReader.MACRO || !name.startsWith(macro + "/")) {
                continue;
            }
            LefLibrary.Pin p = lib.macros().get(master[m]).pins().get(name.substring(macro.length() + 1));
            if (p == null) {
                continue;
            }
            double ox = Double.isNaN(r.xOff[u]) ? r.x[u] - r.x[m] : r.xOff[u];
            double oy = Double.isNaN(r.yOff[u]) ? r.y[u] - r.y[m] : r.yOff[u];
            if (err[m] == null) {
                err[m] = new double[4];
            }
            for (int k = 0; k < 4; k++) {
                double sx = k == 1 || k == 2 ? -1 : 1;
                double sy = k >= 2 ? -1 : 1;
                err[m][k] += Math.abs(sx * p.dx() - ox) + Math.abs(sy * p.dy() - oy);
            }
        }
        String[] out = new String[r.n];
        for (int v = 0; v < r.n; v++) {
            if (r.type[v] != PbTextReader.MACRO) {
                continue;
            }
            String attr = r.orient[v] == null ? "N" : r.orient[v];
            if (List.of("E", "W", "FE", "FW").contains(attr)) {
                out[v] = attr; // quarter turn: kept
                continue;
            }
            int best = Math.max(0, List.of(cand).indexOf(attr)); // an unknown attr reads as N
            for (int k = 0; err[v] != null && k < 4; k++) {
                if (err[v][k] < err[v][best] - 1e-6) {
                    best = k;
                }
            }
            out[v] = cand[best];
        }
        return out;
    }

    /** Names of the floorplan's I/O pins (the netlist's fixed zero-size nodes after the components). */
    static Set<String> ioPins(DefDesign fp) {
        Netlist nl = fp.netlist();
        Set<String> comps = new HashSet<>();
        fp.components().forEach(c -> comps.add(c.name()));
        Set<String> pins = new HashSet<>();
        for (int v = fp.components().size(); v < nl.numNodes(); v++) {
            if (nl.kind(v) == NodeKind.FIXED_NI) {
                String n = nl.nodeNames()[v];
                pins.add(n.startsWith("PIN:") && comps.contains(n.substring(4)) ? n.substring(4) : n);
            }
        }
        return pins;
    }

    /** {@code ariane133_fp.def} -> {@code ariane133}: the file name up to {@code _fp}, else without {@code .def}. */
    static String prefix(Path floorplan) {
        String f = floorplan.getFileName().toString();
        int fpAt = f.indexOf("_fp");
        if (fpAt > 0) {
            return f.substring(0, fpAt);
        }
        return f.endsWith(".def") ? f.substring(0, f.length() - 4) : f;
    }

    /** A component or net name as DEF writes it: brackets and blanks escaped with a backslash. */
    static String escape(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == '\\' && i + 1 < name.length()) {
                sb.append(ch).append(name.charAt(++i));
            } else {
                if (ch == '[' || ch == ']' || Character.isWhitespace(ch)) {
                    sb.append('\\');
                }
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** The name without DEF backslash escapes. */
    static String unescape(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == '\\' && i + 1 < name.length()) {
                ch = name.charAt(++i);
            }
            sb.append(ch);
        }
        return sb.toString();
    }

    /** Inserts {@code text} before the last {@code END DESIGN} of {@code def} (in place). */
    static void appendBeforeEndDesign(Path def, byte[] text) {
        try (RandomAccessFile f = new RandomAccessFile(def.toFile(), "rw")) {
            long len = f.length();
            int tail = (int) Math.min(len, 1 << 16);
            byte[] b = new byte[tail];
            f.seek(len - tail);
            f.readFully(b);
            int at = new String(b, StandardCharsets.ISO_8859_1).lastIndexOf("END DESIGN");
            if (at < 0) {
                throw new IllegalArgumentException(def + ": no END DESIGN near the end");
            }
            long pos = len - tail + at;
            f.setLength(pos);
            f.seek(pos);
            f.write(text);
            f.write("END DESIGN\n".getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + def, e);
        }
    }
}
