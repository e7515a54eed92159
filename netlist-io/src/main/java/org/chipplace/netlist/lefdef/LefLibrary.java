package org.chipplace.netlist.lefdef;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chipplace.netlist.Netlist;

/**
 * The placement-relevant content of one or more merged LEF files ({@link LefDef#readLef}). All
 * lengths are in <b>microns</b>, as written in LEF; {@link LefDef#readDef} converts them to DEF
 * database units.
 *
 * @param databaseMicrons {@code UNITS DATABASE MICRONS} of the first file that declares it, or NaN
 * @param sites           sites by name, in file order
 * @param macros          macros by name, in file order (a later file's macro of the same name wins)
 * @param warnings        skipped unknown statements and other non-fatal findings, {@code file:line: text}
 */
public record LefLibrary(double databaseMicrons, Map<String, Site> sites, Map<String, Macro> macros,
                         List<String> warnings) {

    public LefLibrary {
        sites = Collections.unmodifiableMap(new LinkedHashMap<>(sites));
        macros = Collections.unmodifiableMap(new LinkedHashMap<>(macros));
        warnings = List.copyOf(warnings);
    }

    /**
     * A LEF {@code SITE}.
     *
     * @param name      site name
     * @param siteClass {@code CORE} or {@code PAD} (null when not given)
     * @param width     {@code SIZE} width in microns
     * @param height    {@code SIZE} height in microns
     * @param symmetry  {@code SYMMETRY} tokens joined by a space ("" when not given)
     */
    public record Site(String name, String siteClass, double width, double height, String symmetry) {
    }

    /**
     * A LEF {@code MACRO}.
     *
     * @param name       macro name
     * @param macroClass first {@code CLASS} token ({@code CORE}, {@code BLOCK}, {@code PAD},
     *                   {@code ENDCAP}, {@code COVER}, {@code RING}; null when not given)
     * @param subClass   the remaining {@code CLASS} tokens ({@code "WELLTAP"}, {@code "BLACKBOX"}; "" when none)
     * @param width      {@code SIZE} width in microns
     * @param height     {@code SIZE} height in microns
     * @param originX    {@code ORIGIN} x in microns (0 when not given)
     * @param originY    {@code ORIGIN} y in microns
     * @param foreign    {@code FOREIGN} cell name, or null
     * @param symmetry   {@code SYMMETRY} tokens joined by a space ("" when not given)
     * @param site       {@code SITE} name, or null
     * @param pins       pins by name, in file order
     */
    public record Macro(String name, String macroClass, String subClass, double width, double height,
                        double originX, double originY, String foreign, String symmetry, String site,
                        Map<String, Pin> pins) {
        public Macro {
            pins = Collections.unmodifiableMap(new LinkedHashMap<>(pins));
        }

        /** True for {@code CLASS BLOCK} macros. */
        public boolean isBlock() {
            return "BLOCK".equalsIgnoreCase(macroClass);
        }
    }

    /**
     * A LEF macro {@code PIN}. The shape is the bounding box of all {@code RECT}/{@code POLYGON}/
     * {@code PATH} points of the pin's first {@code PORT} that has any (a {@code VIA} point when it
     * has only vias; the macro centre when it has no geometry), shifted by the macro {@code ORIGIN},
     * i.e. relative to the macro's lower-left corner in orientation N.
     *
     * @param name      pin name
     * @param direction {@code INPUT}, {@code OUTPUT}, {@code INOUT}, {@code FEEDTHRU}, or null when not given
     * @param use       {@code USE} ({@code SIGNAL}, {@code POWER}, {@code GROUND}, {@code CLOCK}, ...) or null
     * @param xl        shape bounding box, microns from the macro's lower-left corner
     * @param yl        shape bounding box
     * @param xh        shape bounding box
     * @param yh        shape bounding box
     * @param dx        offset of the shape centre from the macro centre (orientation N), microns
     * @param dy        offset of the shape centre from the macro centre (orientation N), microns
     */
    public record Pin(String name, String direction, String use, double xl, double yl, double xh, double yh,
                      double dx, double dy) {

        /** {@link Netlist#DIR_INPUT}, {@link Netlist#DIR_OUTPUT} or {@link Netlist#DIR_BIDIRECTIONAL}. */
        public byte netlistDirection() {
            if ("INPUT".equalsIgnoreCase(direction)) {
                return Netlist.DIR_INPUT;
            }
            return "OUTPUT".equalsIgnoreCase(direction) ? Netlist.DIR_OUTPUT : Netlist.DIR_BIDIRECTIONAL;
        }
    }
}
