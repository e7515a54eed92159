package org.chipplace.netlist.circuittraining;

import java.nio.file.Path;
import java.util.List;
import org.chipplace.netlist.NetlistParseException;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.bookshelf.BookshelfLexer;
import org.chipplace.netlist.lefdef.DefDesign;
import org.chipplace.netlist.lefdef.LefDef;

/**
 * Circuit Training (CT) netlists ({@code netlist.pb.txt}, plain or gzipped) and placements
 * ({@code .plc}) in and out of the {@link org.chipplace.netlist.Netlist} model.
 *
 * <p><b>Netlist</b> ({@link #read}): the protobuf text format of CT's {@code netlist.pb.txt}, one
 * {@code node { name input* attr* }} per port, macro, macro pin and standard cell, attrs
 * {@code type} ({@code port}/{@code macro}/{@code macro_pin}/{@code stdcell}, either case; CT's soft
 * macros, type {@code macro}, are macros too), {@code x}, {@code y} (centres, microns), {@code width},
 * {@code height}, {@code orientation}, {@code macro_name}, {@code x_offset}, {@code y_offset}
 * (macro pins), {@code weight} (of the net a node drives); others ({@code ref_name}, {@code side}) are
 * ignored. Mapping: a port is a zero-size {@link NodeKind#FIXED_NI} node at its point; a macro is a
 * movable {@link NodeKind#MACRO} (width and height swapped for E, W, FE, FW); a standard cell is a
 * movable {@link NodeKind#CELL}; a macro pin is a pin of its macro ({@code macro_name}, else the name
 * up to the last {@code /}) at offset ({@code x_offset}, {@code y_offset}) from the macro centre, as
 * the file gives it for the macro's orientation (else its x, y minus the macro's). With a floorplan
 * DEF and its LEFs, the orientation the offsets are given in is the one whose LEF pin centres they
 * match (when the LEF macro has pins of those names and one orientation matches within a small
 * tolerance), not necessarily the {@code orientation} attr (TILOS' ariane133 says N for macros whose
 * offsets are FN's or FS's); the macro takes that orientation, or the floorplan DEF's when the DEF
 * places it, its offsets turned from the one to the other (width and height swapped when the macro
 * ends quarter-turned). Every node with
 * inputs drives one net, named after it, weighted by its {@code weight} (1 without): the driver's pin
 * ({@code DIR_OUTPUT}) then one pin per input ({@code DIR_INPUT}); a port or standard cell is its own
 * pin, at its centre. Units: see {@link CtDesign}. Rows: with a floorplan DEF, the DEF's rows, sites
 * and die area (read by {@link LefDef} against the LEFs); otherwise rows over the canvas (the file's
 * {@code # FP bbox: {xl yl xh yh}} comment as TILOS writes it, else the bounding box of the nodes)
 * with the most common standard-cell height and a site width the greatest common divisor of the
 * standard-cell widths. Errors are {@link NetlistParseException}s naming {@code file:line}.
 *
 * <p><b>Placement</b> ({@link #writePlc}, {@link #readPlc}): CT's {@code .plc}: {@code #} header
 * lines ({@code Columns : C  Rows : R}, {@code Width : W  Height : H}, {@code Routes per micron, hor :
 * H  ver : V}, {@code Routes used by macros, hor : H  ver : V}, {@code Smoothing factor : k}, ...),
 * then one line {@code node_index x y orientation fixed} per port, macro and standard cell:
 * {@code node_index} the node's 0-based position in the {@code .pb.txt}, x y its centre in microns,
 * orientation {@code -} for ports (a macro's is the orientation of the pin offsets the netlist gives it,
 * see the netlist mapping above), fixed {@code 1} for fixed nodes.
 */
public final class CircuitTraining {
    /** Database units per micron of a design read without a DEF. */
    public static final double DEFAULT_DBU_PER_MICRON = 1000;

    private CircuitTraining() {
    }

    /** Reads a {@code .pb.txt} (or {@code .pb.txt.gz}) without a floorplan (1000 database units per micron). */
    public static CtDesign read(Path pb) {
        return read(pb, List.of(), null);
    }

    /**
     * Reads a {@code .pb.txt} with an optional floorplan DEF (die, rows, sites; read against
     * {@code lefs}, technology LEF first), whose database units the design takes.
     *
     * @param pb   the netlist
     * @param lefs LEF files for the DEF (ignored without one)
     * @param def  the floorplan DEF, or null
     */
    public static CtDesign read(Path pb, List<Path> lefs, Path def) {
        DefDesign floorplan = null;
        if (def != null) {
            if (lefs == null || lefs.isEmpty()) {
                throw new IllegalArgumentException("a floorplan DEF needs at least one LEF");
            }
            floorplan = LefDef.read(lefs, def);
        }
        String file = pb.getFileName() == null ? pb.toString() : pb.getFileName().toString();
        byte[] bytes = BookshelfLexer.readBytes(pb, file);
        PbTextReader r = PbTextReader.parse(file, bytes);
        double dbu = floorplan != null ? floorplan.dbuPerMicron() : DEFAULT_DBU_PER_MICRON;
        return new CtNetlistAssembler(r, dbu, floorplan).build(designName(pb));
    }

    /**
     * The design name of a netlist file: its name without {@code .gz}, {@code .txt} and {@code .pb};
     * CT's usual {@code netlist.pb.txt} takes the name of its folder instead.
     */
    public static String designName(Path pb) {
        String f = pb.getFileName() == null ? "design" : pb.getFileName().toString();
        for (String ext : new String[] {".gz", ".txt", ".pb"}) {
            if (f.endsWith(ext) && f.length() > ext.length()) {
                f = f.substring(0, f.length() - ext.length());
            }
        }
        Path parent = pb.toAbsolutePath().getParent();
        if (f.equals("netlist") && parent != null && parent.getFileName() != null) {
            return parent.getFileName().toString();
        }
        return f;
    }

    /**
     * Writes {@code p} as a {@code .plc}: the standard header, then {@code header} (each a line of
     * its own after {@code # }, for example {@code "Columns : 32  Rows : 32"}), then one line per
     * port, macro and standard cell in {@code .pb} order.
     *
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public static void writePlc(CtDesign design, Placement p, Path out, List<String> header) {
        PlcIo.write(design, p, out, header);
    }

    /**
     * Reads a {@code .plc} of {@code design}: the design's placement with every listed node moved to
     * the line's centre (converted to a lower-left corner in database units) and orientation
     * ({@code -} keeps the design's), plus the header's evaluation parameters. Pin offsets and sizes
     * stay those of the {@code .pb.txt}. Malformed lines and indices that are not a port, macro or
     * standard cell are {@link NetlistParseException}s at {@code file:line}.
     */
    public static PlcFile readPlc(CtDesign design, Path plc) {
        return PlcIo.read(design, plc);
    }

    /**
     * Writes the placed DEF of a design read with a floorplan DEF: the floorplan's text (die, rows,
     * tracks, pins and whatever else it has, byte for byte) with a {@code COMPONENTS} section holding
     * every macro and standard cell of the {@code .pb.txt}: its name (brackets escaped), its
     * {@code ref_name} as the LEF macro, {@code PLACED} (or {@code FIXED}) at its lower-left corner in
     * database units and its orientation (standard cells take their row's, N/FS, keeping an x-mirror;
     * macros their own, flips included: the orientation of the pin offsets the placement used, see
     * {@link #read}). Ports stay the floorplan's {@code PINS}. The DEF carries no
     * {@code NETS} (the connectivity is the {@code .pb.txt}'s, or the design's Verilog for a
     * downstream tool).
     *
     * @throws IllegalArgumentException without a floorplan, or for a node without {@code ref_name}
     */
    public static void writeDef(CtDesign design, Placement p, Path out) {
        CtDefWriter.write(design, p, out);
    }
}
