package org.chipplace.netlist.lefdef;

import java.nio.file.Path;
import java.util.List;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistParseException;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;

/**
 * LEF/DEF 5.8 input and output for EDA flows: read the LEF libraries and a floorplanned DEF into
 * the same {@link Netlist} model as Bookshelf, and write the placed DEF back.
 *
 * <p><b>Units.</b> {@link LefLibrary} keeps LEF microns; a {@link DefDesign} is entirely in DEF
 * database units ({@code UNITS DISTANCE MICRONS}); LEF lengths are multiplied by that factor
 * (and snapped to a 1e-6 grid against floating-point noise). Positions are lower-left corners of
 * the oriented bounding box, which is exactly the DEF placement point.
 *
 * <p><b>Lexing.</b> Tokens are separated by whitespace (a {@code ;} glued to a token is split off),
 * {@code #} starts a comment, quoted strings are one token, keywords ignore case, names do not.
 * Statements may span any number of lines.
 *
 * <p><b>LEF</b> ({@link #readLef}): {@code UNITS DATABASE MICRONS}, {@code SITE} ({@code CLASS},
 * {@code SYMMETRY}, {@code SIZE w BY h}), {@code MACRO} ({@code CLASS} with subclass, {@code SIZE},
 * {@code ORIGIN}, {@code FOREIGN}, {@code SYMMETRY}, {@code SITE}, {@code PIN} with {@code DIRECTION},
 * {@code USE} and {@code PORT} geometry {@code RECT}/{@code POLYGON}/{@code PATH}/{@code VIA};
 * {@code OBS} and {@code DENSITY} skipped). {@code LAYER}, {@code VIA}, {@code VIARULE},
 * {@code NONDEFAULTRULE}, {@code SPACING}, {@code PROPERTYDEFINITIONS}, {@code BEGINEXT} and the
 * like are skipped to their matching {@code END}. A pin's offset is the centre of the bounding box
 * of its first port's shapes relative to the macro centre (after the {@code ORIGIN} shift).
 *
 * <p><b>DEF</b> ({@link #readDef}): {@code DESIGN}, {@code UNITS}, {@code DIEAREA} (rectangle or
 * polygon: its bounding box), {@code ROW name site x y orient [DO n BY 1 [STEP sx 0]]} (height and
 * site width from the LEF site, spacing from {@code STEP}; {@code DO 1 BY m} gives m one-site
 * rows), {@code COMPONENTS} ({@code UNPLACED}, {@code PLACED}/{@code FIXED}/{@code COVER ( x y )
 * orient}, other attributes skipped), {@code PINS} (I/O pins become zero-size
 * {@link NodeKind#FIXED_NI} nodes at the placement point plus the oriented centre of the first
 * {@code LAYER}/{@code POLYGON} shape; unplaced pins go to the die's lower-left corner with a
 * warning; a design {@code INPUT} pin drives its net, so it gets {@link Netlist#DIR_OUTPUT}),
 * {@code NETS} ({@code ( comp pin )}, {@code ( PIN name )}, {@code + WEIGHT w}; {@code ( * pin )}
 * and {@code MUSTJOIN} ignored with a warning; routing skipped) and {@code BLOCKAGES} (each hard
 * {@code PLACEMENT} {@code RECT}/{@code POLYGON} becomes a {@link NodeKind#FIXED} node at its
 * bounding box; soft/partial and layer blockages are ignored). {@code TRACKS}, {@code GCELLGRID},
 * {@code VIAS}, {@code SPECIALNETS}, {@code PROPERTYDEFINITIONS}, {@code NONDEFAULTRULES},
 * {@code REGIONS}, {@code GROUPS}, {@code SCANCHAINS}, ... are skipped. Components with status
 * FIXED or COVER are {@link NodeKind#FIXED}; the others are movable, {@link NodeKind#MACRO} when
 * their LEF class is {@code BLOCK}, or when they are taller than the row height and not a
 * {@code CLASS CORE} cell an integral number of rows tall (such multi-row-height cells are
 * {@link NodeKind#CELL}s spanning {@link Netlist#rowSpan} rows). For orientations E, W,
 * FE and FW the node's width and height are swapped, and every pin offset is rotated/mirrored by
 * the component's orientation. The core is the rows' bounding box (the die area without rows).
 *
 * <p><b>Errors.</b> Syntax errors, unknown macros, sites, components, pins and count mismatches
 * raise {@link NetlistParseException} with {@code file:line:}; unknown statements are skipped with
 * a warning in {@link LefLibrary#warnings()} / {@link DefDesign#warnings()}.
 */
public final class LefDef {
    private LefDef() {
    }

    /** Reads and merges LEF files (technology LEF first, then cell and macro LEFs) into one library. */
    public static LefLibrary readLef(List<Path> lefs) {
        if (lefs.isEmpty()) {
            throw new IllegalArgumentException("expected at least one LEF file");
        }
        return LefReader.read(lefs);
    }

    /** Reads a DEF against a library from {@link #readLef}. */
    public static DefDesign readDef(LefLibrary lib, Path def) {
        return DefReader.read(lib, def);
    }

    /** {@link #readLef} then {@link #readDef}. */
    public static DefDesign read(List<Path> lefs, Path def) {
        return readDef(readLef(lefs), def);
    }

    /**
     * Writes the design's original DEF text with every component's placement replaced by
     * {@code p} (node {@code i} is component {@code i}); everything else is copied byte for byte.
     * Components read as FIXED or COVER keep their status, all others become {@code PLACED}.
     * Coordinates are rounded to integral database units. The orientation is {@code p}'s when it is a
     * DEF orientation, else the one read; a movable standard cell ({@link NodeKind#CELL}, not rotated)
     * whose y is the y of an {@code N} or {@code FS} row takes its orientation from that bottom row
     * when it spans an odd number of rows (N/FN on an N row, FS/S on an FS row, keeping an x-mirror),
     * and N/FN when it spans an even number (its bottom rail must be the N rows' one).
     * I/O pins and blockage nodes are not written (their DEF text is kept).
     *
     * @throws IllegalArgumentException for a placement of the wrong size or a non-finite coordinate
     */
    public static void writeDef(DefDesign design, Placement p, Path out) {
        DefWriter.write(design, p, out);
    }

    /**
     * The DEF orientation {@link #writeDef(DefDesign, Placement, Path)} gives a standard cell of
     * orientation {@code orient} spanning {@code rowSpan} rows on a bottom row of orientation
     * {@code rowOrient} (null when none): the row's (N/FN on an N row, FS/S on an FS row, keeping an
     * x-mirror), N/FN for even-height cells; quarter turns and unknown rows keep {@code orient}.
     */
    public static String cellOrientation(String orient, String rowOrient, int rowSpan) {
        int o = DefOrient.code(orient);
        if (o < 0) {
            o = DefOrient.N;
        }
        return DefOrient.NAMES[DefOrient.swapsSize(o) ? o : DefWriter.cellOrientation(o, rowOrient, rowSpan)];
    }

    /**
     * Writes {@code floorplan}'s DEF text with its {@code COMPONENTS} section replaced by
     * {@code components} (or, when it has none, a new section before {@code PINS}): one
     * {@code - name MACRO + STATUS ( x y ) O [+ HALO l b r t] ;} per component, x y the lower-left
     * corner in database units (rounded), names with brackets escaped. Used for netlists that come
     * from elsewhere (a Circuit Training {@code .pb.txt}) placed on a floorplan DEF; the rest of the
     * DEF (die, rows, tracks, pins, nets) is kept byte for byte.
     *
     * @param halos per component {@code {left, bottom, right, top}} in database units, or null
     *              entries (or a null list) for none
     * @throws IllegalArgumentException for a non-finite position or a DEF without {@code END DESIGN}
     */
    public static void writeDef(DefDesign floorplan, List<DefDesign.Component> components,
                                List<double[]> halos, Path out) {
        DefComponentsWriter.write(floorplan, components, halos, out);
    }
}
