package org.chipplace.placer;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Row;

/**
 * The automatic target density of global placement ({@link PlacerOptions#AUTO_TARGET_DENSITY}): the
 * design's uniform density plus a margin, as OpenROAD-flow-scripts sets {@code PLACE_DENSITY} from
 * {@code PLACE_DENSITY_LB_ADDON} ({@code lb + addon + 0.01}, at most 1). The uniform density
 * (OpenROAD gpl's lower bound) is the movable area, cells and macros, over the row area not covered
 * by fixed blocking objects. A design packed as tightly as the IBM suites (uniform density 0.8-0.9)
 * gets 1.0, the old default; a sparse one (ariane133: 0.48) gets room between its objects, so that
 * global placement spreads the macros instead of leaving them stacked for macro legalization to
 * scatter.
 */
public final class TargetDensity {
    /** Margin added to the uniform density (ORFS's usual {@code PLACE_DENSITY_LB_ADDON}), plus ORFS's 0.01. */
    public static final double ADDON = 0.20 + 0.01;

    private TargetDensity() {
    }

    /** {@code min(1, uniformDensity + ADDON)}; 1 for a design without rows or free area. */
    public static double auto(Netlist nl) {
        double u = uniformDensity(nl);
        return Double.isFinite(u) ? Math.min(1.0, u + ADDON) : 1.0;
    }

    /**
     * Movable area over the free row area (rows minus the parts of fixed blocking objects that overlap
     * the core box); NaN without rows or free area.
     */
    public static double uniformDensity(Netlist nl) {
        double rowArea = 0;
        for (Row r : nl.rows()) {
            rowArea += r.height() * r.numSites() * r.siteSpacing();
        }
        double blocked = 0;
        double[] x = nl.initialPlacement().x();
        double[] y = nl.initialPlacement().y();
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.kind(v) != NodeKind.FIXED) {
                continue;
            }
            double w = Math.min(x[v] + nl.widths()[v], nl.coreXh()) - Math.max(x[v], nl.coreXl());
            double h = Math.min(y[v] + nl.heights()[v], nl.coreYh()) - Math.max(y[v], nl.coreYl());
            if (w > 0 && h > 0) {
                blocked += w * h;
            }
        }
        double free = rowArea - blocked;
        return free > 0 ? nl.movableArea() / free : Double.NaN;
    }
}
