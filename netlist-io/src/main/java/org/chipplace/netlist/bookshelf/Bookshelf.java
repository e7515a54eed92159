package org.chipplace.netlist.bookshelf;

import java.nio.file.Path;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.NetlistParseException;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;

/**
 * GNU Bookshelf (ISPD/ICCAD placement contest format) reader and writer.
 *
 * <p>Accepted syntax (keywords ignore case; {@code #} starts a comment; a colon is a token of its
 * own, so {@code NumNodes:3} and {@code NumNodes : 3} are the same; an optional first line
 * {@code UCLA <kind> <version>} is checked against the file kind):
 * <ul>
 *   <li>{@code .aux}: one line {@code RowBasedPlacement : a.nodes a.nets [a.wts] a.pl a.scl [a.shapes]}
 *       in any order; {@code .shapes} is accepted and not used. The design name is the {@code .aux}
 *       base name. Each named file may instead exist gzipped as {@code name.gz} beside it (the plain
 *       file wins when both exist); gzip is also detected from the magic bytes.</li>
 *   <li>{@code .nodes}: {@code NumNodes : n}, {@code NumTerminals : t}, then {@code name w h
 *       [terminal|terminal_NI]}. Terminals become {@link NodeKind#FIXED} / {@link NodeKind#FIXED_NI}.</li>
 *   <li>{@code .nets}: {@code NumNets : m}, {@code NumPins : p}, then per net {@code NetDegree : k [name]}
 *       and {@code k} pin lines {@code node I|O|B [: dx dy]} (offsets from the node centre). Unnamed nets
 *       are called {@code n<index>} (such generated names are not matched by {@code .wts} lines, so a
 *       node called {@code n5} is never mistaken for net 5).</li>
 *   <li>{@code .wts}: {@code name weight}; a net name sets the net weight (default 1), a node name
 *       is accepted and ignored (nets are looked up first), any other name is an error.</li>
 *   <li>{@code .pl}: {@code name x y [: ORIENT] [/FIXED|/FIXED_NI]}, lower-left corners; a marker
 *       makes the node fixed (blocking or not) whatever its {@code .nodes} kind; nodes not listed
 *       stay at (0, 0) with orientation N.</li>
 *   <li>{@code .scl}: {@code NumRows : r} and {@code r} blocks {@code CoreRow Horizontal}, {@code key :
 *       value} lines (Coordinate, Height, Sitewidth, Sitespacing, Siteorient, Sitesymmetry,
 *       SubrowOrigin, NumSites; several per line allowed), {@code End}. Sitewidth defaults to 1 and
 *       Sitespacing to Sitewidth. The core is the bounding box of the rows.</li>
 * </ul>
 * All problems raise {@link NetlistParseException} with {@code file:line:} (the file name as
 * written in the {@code .aux}) saying what was expected and what was found; header counts are
 * checked against the contents and errors about them point at the header line.
 */
public final class Bookshelf {
    private Bookshelf() {
    }

    /** Reads the design named by an {@code .aux} file. */
    public static Netlist read(Path aux) {
        return BookshelfReader.read(aux);
    }

    /**
     * Reads only positions and orientations from a {@code .pl} for an existing netlist (same syntax
     * and checks as in {@link #read}; {@code /FIXED} markers are checked but do not change the
     * netlist). Nodes not listed are at (0, 0), orientation N.
     */
    public static Placement readPl(Netlist nl, Path pl) {
        Placement p = new Placement(nl.numNodes());
        double[] x = p.x();
        double[] y = p.y();
        String[] o = p.orient();
        BookshelfLexer lx = BookshelfLexer.open(pl, pl.getFileName().toString());
        BookshelfPlScl.parsePl(lx, nl::nodeIndex, nl.numNodes(), (node, px, py, orient, fixed) -> {
            x[node] = px;
            y[node] = py;
            o[node] = orient;
        });
        return p;
    }

    /**
     * Writes {@code UCLA pl 1.0} and one line {@code name x y : ORIENT} per node, with {@code /FIXED}
     * or {@code /FIXED_NI} for fixed nodes. Numbers are written so that {@link #readPl} returns the
     * identical doubles (integers without {@code .0}, otherwise {@link Double#toString(double)}).
     *
     * @throws IllegalArgumentException for a non-finite coordinate, an unknown orientation or a name
     *                                  that is not a single token
     */
    public static void writePl(Netlist nl, Placement p, Path file) {
        BookshelfWriter.writePl(nl, p, file);
    }

    /**
     * Writes a complete design into {@code dir} ({@code <name>.aux/.nodes/.nets/.wts/.pl/.scl}, every
     * net named, every pin with its offset, every net weight in {@code .wts}) such that {@link #read}
     * of the written {@code .aux} gives back the same names, sizes, kinds, pins, offsets, directions,
     * weights, rows and positions. The core written is the bounding box of the rows (a core set with
     * {@link NetlistBuilder#setCore} is not representable). Net names should be unique for the weights
     * to round-trip.
     */
    public static void write(Netlist nl, Placement p, Path dir) {
        BookshelfWriter.write(nl, p, dir);
    }
}
