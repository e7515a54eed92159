package org.chipplace.metrics;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;

/**
 * Bin density and density overflow (ePlace, Lu et al. 2015; DREAMPlace, Lin et al. 2019).
 *
 * <p>The core is cut into the bins of {@link MetricsOptions#binSize()}. For every bin the exact
 * overlap areas of movable objects ({@link NodeKind#CELL}, {@link NodeKind#MACRO}) and of blocking
 * fixed objects ({@link NodeKind#FIXED}; {@link NodeKind#FIXED_NI} does not block) are summed; the
 * free area is {@code binArea - min(binArea, fixedArea)}. Overflow is
 * {@code sum_b max(0, movable_b - targetDensity * free_b) / totalMovableArea}, where the total
 * movable area is the full area of all movable objects (parts outside the core are therefore
 * counted in the denominator but not in any bin).
 */
public final class Density {
    private static final byte CELL = NodeKind.CELL.code();
    private static final byte MACRO = NodeKind.MACRO.code();
    private static final byte FIXED = NodeKind.FIXED.code();

    private Density() {
    }

    public static DensityReport compute(Netlist nl, Placement p, MetricsOptions o) {
        BinGrid g = BinGrid.of(nl, p, o);
        int nb = g.nx * g.ny;
        double[] mov = new double[nb];
        double[] fix = new double[nb];
        double[] x = p.x(), y = p.y(), w = nl.widths(), h = nl.heights();
        byte[] kind = nl.kinds();
        BinGrid gf = g.copy(); // own difference array for the fixed map
        double totalMovable = 0;
        for (int v = 0, n = nl.numNodes(); v < n; v++) {
            byte k = kind[v];
            if (k == CELL || k == MACRO) {
                totalMovable += w[v] * h[v];
                g.add(mov, x[v], y[v], x[v] + w[v], y[v] + h[v], 1.0);
            } else if (k == FIXED) {
                gf.add(fix, x[v], y[v], x[v] + w[v], y[v] + h[v], 1.0);
            }
        }
        g.flush(mov);
        gf.flush(fix);
        double binArea = g.binArea();
        double td = o.targetDensity();
        double over = 0, peak = 0;
        double[] density = new double[nb];
        for (int b = 0; b < nb; b++) {
            double f = Math.min(binArea, Math.max(0, fix[b]));
            double excess = mov[b] - td * (binArea - f);
            if (excess > 0) {
                over += excess;
            }
            density[b] = (mov[b] + f) / binArea;
            if (density[b] > peak) { // a branch, not a Math.max reduction (see Rudy)
                peak = density[b];
            }
        }
        return new DensityReport(g.nx, g.ny, g.binW, g.binH, totalMovable > 0 ? over / totalMovable : 0, peak,
                density);
    }
}
