package org.chipplace.netlist.lefdef;

import java.util.List;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;

/**
 * A DEF design read against a {@link LefLibrary} ({@link LefDef#readDef}). All lengths are in
 * <b>DEF database units</b> ({@code UNITS DISTANCE MICRONS} per micron; LEF microns are
 * multiplied by {@link #dbuPerMicron()}), so coordinates from the DEF stay integral.
 *
 * <p>Node numbering of {@link #netlist()}: nodes {@code 0 .. components().size()-1} are the DEF
 * components in file order (node {@code i} is {@code components().get(i)}), followed by one
 * zero-size {@link NodeKind#FIXED_NI} node per DEF I/O pin (named as the pin, or {@code PIN:name}
 * when a component has that name), followed by one {@link NodeKind#FIXED} node per hard
 * placement blockage rectangle ({@code __blockage<k>}). The original DEF text is kept so that
 * {@link LefDef#writeDef} can reproduce it with only the component placements replaced.
 */
public final class DefDesign {
    private final String designName;
    private final double dbuPerMicron;
    private final double[] dieArea;
    private final Netlist netlist;
    private final LefLibrary library;
    private final List<Component> components;
    private final List<String> warnings;
    final String sourceName;
    final byte[] source;
    final int[] clauseStart;
    final int[] clauseEnd;

    /**
     * One DEF component as read.
     *
     * @param name   component name
     * @param macro  LEF macro name
     * @param status {@code UNPLACED}, {@code PLACED}, {@code FIXED} or {@code COVER}
     * @param x      placement point x (lower-left of the oriented bounding box), database units (0 when unplaced)
     * @param y      placement point y
     * @param orient DEF orientation ({@code N} when unplaced)
     */
    public record Component(String name, String macro, String status, double x, double y, String orient) {
        /** True for FIXED and COVER components (they are fixed nodes of the netlist). */
        public boolean isFixed() {
            return "FIXED".equals(status) || "COVER".equals(status);
        }
    }

    DefDesign(String designName, double dbuPerMicron, double[] dieArea, Netlist netlist, LefLibrary library,
              List<Component> components, List<String> warnings, String sourceName, byte[] source,
              int[] clauseStart, int[] clauseEnd) {
        this.designName = designName;
        this.dbuPerMicron = dbuPerMicron;
        this.dieArea = dieArea;
        this.netlist = netlist;
        this.library = library;
        this.components = List.copyOf(components);
        this.warnings = List.copyOf(warnings);
        this.sourceName = sourceName;
        this.source = source;
        this.clauseStart = clauseStart;
        this.clauseEnd = clauseEnd;
    }

    /** {@code DESIGN} name (the file name without extension when absent). */
    public String designName() {
        return designName;
    }

    /** Database units per micron ({@code UNITS DISTANCE MICRONS}). */
    public double dbuPerMicron() {
        return dbuPerMicron;
    }

    /** Bounding box of {@code DIEAREA} as {@code {xl, yl, xh, yh}} in database units (a copy). */
    public double[] dieArea() {
        return dieArea.clone();
    }

    /** The netlist (lengths in database units; see the class comment for the node numbering). */
    public Netlist netlist() {
        return netlist;
    }

    /** The placement read from the DEF (a fresh copy on each call). */
    public Placement placement() {
        return netlist.initialPlacement();
    }

    public LefLibrary library() {
        return library;
    }

    /** The DEF components in file order; component {@code i} is node {@code i}. */
    public List<Component> components() {
        return components;
    }

    /** Skipped unknown statements and other non-fatal findings, as {@code file:line: text}. */
    public List<String> warnings() {
        return warnings;
    }
}
