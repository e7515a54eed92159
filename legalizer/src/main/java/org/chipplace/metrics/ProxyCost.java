package org.chipplace.metrics;

import java.util.Arrays;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;

/**
 * Circuit Training's proxy cost, as TILOS MacroPlacement documents it (Docs/ProxyCost/README.md,
 * "Proxy Cost Computation in Circuit Training"):
 * {@code total = wW x wirelength + wD x density + wC x congestion} ({@link ProxyCostOptions}, CT's
 * weights 1 / 0.5 / 0.5).
 *
 * <ul>
 *   <li><b>wirelength</b>: {@code sum_e weight_e x HPWL_e / (sum_e weight_e x (canvasWidth +
 *       canvasHeight))}; a pin is at its node's centre plus its offset (macro pins at their own
 *       place), as {@link Hpwl}.</li>
 *   <li><b>density</b>: the canvas is cut into {@code gridColumns x gridRows} cells; a cell's density
 *       is the area of standard cells, macros and fixed blocking nodes overlapping it over its area;
 *       the cost is 0.5 x the mean of the {@code max(1, floor(0.1 n))} densest of the {@code n}
 *       cells.</li>
 *   <li><b>congestion</b>: {@link ProxyCongestion}: the nets routed on the grid (two-, three- and
 *       star-decomposed multi-grid nets), each crossing adding the net weight to the horizontal or
 *       vertical demand of a cell, divided by the cell's tracks ({@code cellHeight x hRoutesPerMicron},
 *       {@code cellWidth x vRoutesPerMicron}) and smoothed over {@code smoothRange} cells; plus the
 *       tracks blocked by macros; the cost is the mean of the top {@code max(1, floor(0.05 x 2n))} of
 *       the {@code 2n} horizontal and vertical values.</li>
 * </ul>
 * Nodes outside the canvas count only with their part inside; pins outside it are moved into the
 * nearest grid cell.
 */
public final class ProxyCost {
    private ProxyCost() {
    }

    /** The proxy cost over the netlist's core area as the canvas. */
    public static ProxyCostReport compute(Netlist nl, Placement p, ProxyCostOptions o) {
        return compute(nl, p, new double[] {nl.coreXl(), nl.coreYl(), nl.coreXh(), nl.coreYh()}, o);
    }

    /**
     * The proxy cost of placement {@code p} over {@code canvas = {xl, yl, xh, yh}} (database units).
     *
     * @throws IllegalArgumentException for an empty canvas or a placement of the wrong size
     */
    public static ProxyCostReport compute(Netlist nl, Placement p, double[] canvas, ProxyCostOptions o) {
        if (p.size() != nl.numNodes()) {
            throw new IllegalArgumentException("placement of " + p.size() + " nodes for " + nl.numNodes() + " nodes");
        }
        if (!(canvas[2] > canvas[0] && canvas[3] > canvas[1])) {
            throw new IllegalArgumentException("empty canvas " + Arrays.toString(canvas));
        }
        double wl = wirelength(nl, p, canvas);
        double density = density(nl, p, canvas, o);
        double congestion = ProxyCongestion.cost(nl, p, canvas, o);
        double total = o.wirelengthWeight() * wl + o.densityWeight() * density + o.congestionWeight() * congestion;
        return new ProxyCostReport(wl, density, congestion, total);
    }

    /** The wirelength term (0 without nets). */
    static double wirelength(Netlist nl, Placement p, double[] canvas) {
        double count = 0;
        double[] wt = nl.netWeights();
        for (int e = 0; e < nl.numNets(); e++) {
            count += wt[e];
        }
        if (count <= 0) {
            return 0;
        }
        double hpwl = Hpwl.weighted(nl, p.x(), p.y());
        return hpwl / (count * ((canvas[2] - canvas[0]) + (canvas[3] - canvas[1])));
    }

    /** The density term. */
    static double density(Netlist nl, Placement p, double[] canvas, ProxyCostOptions o) {
        double[] occ = densityMap(nl, p, canvas, o);
        return 0.5 * topMean(occ, 0.1);
    }

    /** Per-cell density (occupied area / cell area), flat {@code cell[row * columns + col]}. */
    static double[] densityMap(Netlist nl, Placement p, double[] canvas, ProxyCostOptions o) {
        int nc = o.gridColumns(), nr = o.gridRows();
        double gw = (canvas[2] - canvas[0]) / nc, gh = (canvas[3] - canvas[1]) / nr;
        double[] occ = new double[nc * nr];
        double[] x = p.x(), y = p.y(), w = nl.widths(), h = nl.heights();
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.kind(v) == NodeKind.FIXED_NI || w[v] <= 0 || h[v] <= 0) {
                continue;
            }
            addOverlap(occ, x[v] - canvas[0], y[v] - canvas[1], w[v], h[v], gw, gh, nc, nr, 1, 1);
        }
        double area = gw * gh;
        for (int i = 0; i < occ.length; i++) {
            occ[i] /= area;
        }
        return occ;
    }

    /**
     * Adds the overlap of rectangle {@code [x, x+w] x [y, y+h]} (canvas coordinates) with every grid
     * cell to {@code map}: the overlap area when {@code ax = ay = 1}; callers pass other weights.
     */
    static void addOverlap(double[] map, double x, double y, double w, double h, double gw, double gh,
                           int nc, int nr, double ax, double ay) {
        int c0 = Math.max(0, (int) Math.floor(x / gw)), c1 = Math.min(nc - 1, (int) Math.floor((x + w) / gw));
        int r0 = Math.max(0, (int) Math.floor(y / gh)), r1 = Math.min(nr - 1, (int) Math.floor((y + h) / gh));
        for (int r = r0; r <= r1; r++) {
            double oy = Math.min(y + h, (r + 1) * gh) - Math.max(y, r * gh);
            if (oy <= 0) {
                continue;
            }
            for (int c = c0; c <= c1; c++) {
                double ox = Math.min(x + w, (c + 1) * gw) - Math.max(x, c * gw);
                if (ox > 0) {
                    map[r * nc + c] += ox * oy * ax * ay;
                }
            }
        }
    }

    /** Mean of the {@code max(1, floor(fraction x n))} largest values. */
    static double topMean(double[] values, double fraction) {
        if (values.length == 0) {
            return 0;
        }
        int k = Math.max(1, (int) Math.floor(values.length * fraction + 1e-9));
        double[] s = values.clone();
        Arrays.sort(s);
        double sum = 0;
        for (int i = s.length - 1; i >= s.length - k; i--) {
            sum += s[i];
        }
        return sum / k;
    }
}
