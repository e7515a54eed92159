package org.chipplace.offline.experts;

import java.util.Arrays;
import org.chipplace.metrics.Hpwl;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;

/**
 * Kernels of {@link SlidingMacroPlacer}: a cost-guided compaction of a legal macro placement towards
 * target positions (the mixed-size global placement), with the macros' exact sizes.
 *
 * <p>Cost of a macro at (x, y) (lower-left corner, design units): the unweighted HPWL of its nets
 * (every other node where it is) plus {@code scale} times the standard-cell area under its rectangle,
 * the cells' area spread uniformly inside each cell of a {@code g x g} grid of the core (prefix sums
 * {@code prefix[i*(g+1)+j]} over grid cells {@code ix < i, iy < j}, see {@link CellDensityKernel}); on
 * grid-aligned rectangles this is exactly {@link EaPlacer}'s density term. A slide moves one macro along
 * one axis towards its target by a whole number of site spacings (x) or row heights (y), at most as far
 * as the target and as the free space (other macros, {@link NodeKind#FIXED} objects, the rows' box
 * inside the core) allow; of the slides by the full free distance and by 1/2, 1/4, 1/8 of it and one
 * step, the one of least cost is applied when it lowers the macro's cost. So every applied slide
 * keeps the placement legal and strictly lowers the total cost (HPWL plus density term plus, with a
 * pull weight, that weight times the macros' Manhattan distance from their targets).
 */
final class MacroSlide {
    private static final double EPS = 1e-6;

    private MacroSlide() {
    }

    /**
     * Cell area inside {@code [xl, xh] x [yl, yh]} (design units), the area of each grid cell spread
     * uniformly over it (bilinear interpolation of the prefix sums); the rectangle is clipped to the grid.
     */
    static double areaIn(double[] prefix, int g, double x0, double y0, double cw, double ch,
                         double xl, double yl, double xh, double yh) {
        double ul = (xl - x0) / cw;
        double uh = (xh - x0) / cw;
        double vl = (yl - y0) / ch;
        double vh = (yh - y0) / ch;
        return cumulative(prefix, g, uh, vh) - cumulative(prefix, g, ul, vh)
                - cumulative(prefix, g, uh, vl) + cumulative(prefix, g, ul, vl);
    }

    /** Area in grid coordinates {@code [0, u] x [0, v]}, clamped to the grid. */
    static double cumulative(double[] prefix, int g, double u, double v) {
        u = Math.max(0, Math.min(g, u));
        v = Math.max(0, Math.min(g, v));
        int i = Math.min(g - 1, (int) Math.floor(u));
        int j = Math.min(g - 1, (int) Math.floor(v));
        double fu = u - i;
        double fv = v - j;
        int s = g + 1;
        double p00 = prefix[i * s + j];
        double p10 = prefix[(i + 1) * s + j];
        double p01 = prefix[i * s + j + 1];
        double p11 = prefix[(i + 1) * s + j + 1];
        return p00 + fu * (p10 - p00) + fv * (p01 - p00) + fu * fv * (p11 - p10 - p01 + p00);
    }

    /** The distinct nets of node {@code v} into {@code out}; returns their number. {@code mark} is all -1 on entry and exit. */
    static int netsOf(Netlist nl, int[] pinNet, int v, int[] mark, int[] out) {
        int[] start = nl.nodePinStart();
        int[] pins = nl.nodePins();
        int n = 0;
        for (int q = start[v]; q < start[v + 1]; q++) {
            int e = pinNet[pins[q]];
            if (mark[e] != v) {
                mark[e] = v;
                out[n++] = e;
            }
        }
        for (int i = 0; i < n; i++) {
            mark[out[i]] = -1;
        }
        return n;
    }

    /** Net of every pin. */
    static int[] pinNets(Netlist nl) {
        int[] pinNet = new int[nl.numPins()];
        int[] start = nl.netPinStart();
        for (int e = 0; e < nl.numNets(); e++) {
            for (int q = start[e]; q < start[e + 1]; q++) {
                pinNet[q] = e;
            }
        }
        return pinNet;
    }

    /**
     * Slides the macros {@code ids} (in that order, pass after pass) towards {@code (tx, ty)} until a
     * pass applies no slide or {@code maxPasses} passes ran.
     *
     * @param p      legal placement (macros on site grid and row bottoms), updated in place
     * @param tx     target lower-left x per node (only entries of {@code ids} are read)
     * @param ty     target lower-left y per node
     * @param prefix cell-area prefix sums over the {@code g x g} grid of the core
     * @param scale  weight of the cell area under a macro (HPWL units per unit area)
     * @param pull   weight (HPWL units per unit length, &gt;= 0) of a macro's Manhattan distance from its
     *               target; 0 = HPWL and density only, very large = plain compaction towards the targets
     * @return the number of slides applied
     */
    static int refine(Netlist nl, Placement p, int[] ids, double[] tx, double[] ty, double[] prefix, int g,
                      double scale, double pull, int maxPasses) {
        Row[] rows = nl.rows();
        if (rows.length == 0 || ids.length == 0) {
            return 0;
        }
        double xlo = Double.POSITIVE_INFINITY, xhi = Double.NEGATIVE_INFINITY;
        double ylo = Double.POSITIVE_INFINITY, yhi = Double.NEGATIVE_INFINITY;
        for (Row r : rows) {
            xlo = Math.min(xlo, r.x());
            xhi = Math.max(xhi, r.xMax());
            ylo = Math.min(ylo, r.y());
            yhi = Math.max(yhi, r.yMax());
        }
        double[] bounds = {Math.max(xlo, nl.coreXl()), Math.min(xhi, nl.coreXh()),
            Math.max(ylo, nl.coreYl()), Math.min(yhi, nl.coreYh())};
        double[] steps = {rows[0].siteSpacing(), nl.rowHeight() > 0 ? nl.rowHeight() : rows[0].height()};
        int[] obstacles = obstacles(nl, ids);
        int[] pinNet = pinNets(nl);
        int[] mark = new int[nl.numNets()];
        Arrays.fill(mark, -1);
        int[] nets = new int[nl.numPins()];
        double x0 = nl.coreXl();
        double y0 = nl.coreYl();
        double cw = (nl.coreXh() - nl.coreXl()) / g;
        double ch = (nl.coreYh() - nl.coreYl()) / g;
        double[] grid = {x0, y0, cw, ch};
        int moves = 0;
        for (int pass = 0; pass < maxPasses; pass++) {
            int before = moves;
            for (int v : ids) {
                int n = netsOf(nl, pinNet, v, mark, nets);
                for (int axis = 0; axis < 2; axis++) {
                    if (slide(nl, p, v, axis, axis == 0 ? tx[v] : ty[v], obstacles, bounds, steps[axis],
                            nets, n, prefix, g, grid, scale, pull)) {
                        moves++;
                    }
                }
            }
            if (moves == before) {
                break;
            }
        }
        return moves;
    }

    /** Movable macros of {@code ids} and blocking fixed objects with an area. */
    private static int[] obstacles(Netlist nl, int[] ids) {
        byte fixed = NodeKind.FIXED.code();
        int count = ids.length;
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.kinds()[v] == fixed && nl.widths()[v] > 0 && nl.heights()[v] > 0) {
                count++;
            }
        }
        int[] out = new int[count];
        System.arraycopy(ids, 0, out, 0, ids.length);
        int k = ids.length;
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.kinds()[v] == fixed && nl.widths()[v] > 0 && nl.heights()[v] > 0) {
                out[k++] = v;
            }
        }
        return out;
    }

    /** One slide of {@code v} along {@code axis} (0 = x, 1 = y) towards {@code target}; true when applied. */
    private static boolean slide(Netlist nl, Placement p, int v, int axis, double target, int[] obstacles,
                                 double[] bounds, double step, int[] nets, int n, double[] prefix, int g,
                                 double[] grid, double scale, double pull) {
        double[] pos = axis == 0 ? p.x() : p.y();
        double[] other = axis == 0 ? p.y() : p.x();
        double[] len = axis == 0 ? nl.widths() : nl.heights();
        double[] olen = axis == 0 ? nl.heights() : nl.widths();
        double a = pos[v];
        double dir = Math.signum(target - a);
        if (dir == 0 || Math.abs(target - a) < step - EPS) {
            return false;
        }
        double free = Math.abs(target - a);
        free = Math.min(free, dir > 0 ? bounds[2 * axis + 1] - (a + len[v]) : a - bounds[2 * axis]);
        double b = other[v];
        for (int o : obstacles) {
            if (o == v || other[o] >= b + olen[v] - EPS || other[o] + olen[o] <= b + EPS) {
                continue;
            }
            double gap = dir > 0 ? pos[o] - (a + len[v]) : a - (pos[o] + len[o]);
            if (dir > 0 ? pos[o] + len[o] > a + EPS : pos[o] < a + len[v] - EPS) {
                free = Math.min(free, Math.max(0, gap));
            }
        }
        long k = (long) Math.floor(free / step + EPS);
        if (k <= 0) {
            return false;
        }
        double best = cost(nl, p, v, nets, n, prefix, g, grid, scale) + pull * Math.abs(target - a);
        double bestA = a;
        long[] tries = {k, k / 2, k / 4, k / 8, 1};
        for (long t : tries) {
            if (t <= 0) {
                continue;
            }
            pos[v] = a + dir * t * step;
            double c = cost(nl, p, v, nets, n, prefix, g, grid, scale) + pull * Math.abs(target - pos[v]);
            if (c < best - 1e-9 * Math.max(1, Math.abs(best))) {
                best = c;
                bestA = pos[v];
            }
        }
        pos[v] = bestA;
        return bestA != a;
    }

    /** HPWL of the nets {@code nets[0..n)} plus {@code scale} times the cell area under {@code v}. */
    static double cost(Netlist nl, Placement p, int v, int[] nets, int n, double[] prefix, int g, double[] grid,
                       double scale) {
        double c = 0;
        for (int i = 0; i < n; i++) {
            c += Hpwl.net(nl, p.x(), p.y(), nets[i]);
        }
        if (scale > 0) {
            double x = p.x()[v];
            double y = p.y()[v];
            c += scale * areaIn(prefix, g, grid[0], grid[1], grid[2], grid[3], x, y,
                    x + nl.widths()[v], y + nl.heights()[v]);
        }
        return c;
    }
}
