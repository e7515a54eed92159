package org.chipplace.netlist.circuittraining;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.lefdef.DefDesign;

/**
 * A Circuit Training netlist read by {@link CircuitTraining#read}: the {@link Netlist}, its units and
 * the mapping back to the protobuf file.
 *
 * <p><b>Units.</b> The netlist is in database units of {@link #dbuPerMicron()} per micron: the
 * floorplan DEF's {@code UNITS DISTANCE MICRONS} when one is given, else
 * {@link CircuitTraining#DEFAULT_DBU_PER_MICRON} (1000). Micron values of the {@code .pb.txt} are
 * multiplied by it (snapped to a 1e-6 grid against floating-point noise), so that sites and rows
 * stay integral as for LEF/DEF. Positions are lower-left corners (the model's convention); the
 * {@code .pb.txt} and {@code .plc} give centres.
 *
 * <p><b>Nodes.</b> Netlist nodes are the ports, macros and standard cells of the file in file order
 * (macro pins are pins of their macro, not nodes); {@link #pbIndex(int)} gives the 0-based position
 * of netlist node {@code v} in the {@code .pb.txt} (its {@code .plc} index).
 */
public final class CtDesign {
    private final Netlist netlist;
    private final double dbuPerMicron;
    private final int[] pbIndex;
    private final int pbNodeCount;
    private final double[] canvas;
    private final DefDesign floorplan;
    private final String sourceName;
    private final String[] refNames;

    CtDesign(Netlist netlist, double dbuPerMicron, int[] pbIndex, int pbNodeCount, double[] canvas,
             DefDesign floorplan, String sourceName, String[] refNames) {
        this.netlist = netlist;
        this.dbuPerMicron = dbuPerMicron;
        this.pbIndex = pbIndex;
        this.pbNodeCount = pbNodeCount;
        this.canvas = canvas;
        this.floorplan = floorplan;
        this.sourceName = sourceName;
        this.refNames = refNames;
    }

    /** The library cell or macro of netlist node {@code node} (the {@code ref_name} attr), or null. */
    public String refName(int node) {
        return refNames[node];
    }

    /** The netlist (database units, see the class comment). */
    public Netlist netlist() {
        return netlist;
    }

    /** Database units per micron of {@link #netlist()}. */
    public double dbuPerMicron() {
        return dbuPerMicron;
    }

    /** 0-based position in the {@code .pb.txt} of netlist node {@code node}. */
    public int pbIndex(int node) {
        return pbIndex[node];
    }

    /** Number of {@code node} entries in the {@code .pb.txt} (including macro pins). */
    public int pbNodeCount() {
        return pbNodeCount;
    }

    /**
     * The canvas {@code {xl, yl, xh, yh}} in database units (a copy): the DEF's die area, else the
     * {@code FP bbox} comment of the {@code .pb.txt}, else the bounding box of all nodes.
     */
    public double[] canvas() {
        return canvas.clone();
    }

    /** Canvas width in microns. */
    public double canvasWidthMicrons() {
        return (canvas[2] - canvas[0]) / dbuPerMicron;
    }

    /** Canvas height in microns. */
    public double canvasHeightMicrons() {
        return (canvas[3] - canvas[1]) / dbuPerMicron;
    }

    /** The floorplan DEF read with the design, or null. */
    public DefDesign floorplan() {
        return floorplan;
    }

    /** The {@code .pb.txt} file name as given. */
    public String sourceName() {
        return sourceName;
    }

    /** The placement read with the netlist (a fresh copy). */
    public Placement placement() {
        return netlist.initialPlacement();
    }
}
