package org.chipplace.placer.legalize;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;

/**
 * Orientation moves that keep every bounding box: macros after macro legalization ({@link #flip}) and
 * standard cells at the end of detailed placement ({@link #flipCells}, x mirror only).
 *
 * <p>Macros: each movable macro takes the member of the unrotated
 * family (N, FN, FS, S) that gives its nets the least weighted HPWL, the other nodes where they are
 * (standard cells at their global-placement positions). Flipping keeps a macro's bounding box, so the
 * placement stays legal; only its pins move (mirrored about the macro centre). Macros face their
 * pins towards the logic they talk to, as commercial macro placers and OpenROAD's
 * {@code improve_placement}/macro flipping do; SRAMs with all pins on one edge gain most.
 *
 * <p>Greedy: up to {@link #PASSES} passes over the macros in index order, each macro taking its best
 * orientation given the others' current ones, until a pass changes nothing. Cost per macro and
 * orientation is exact (bounding box of each of its nets: the other pins once, then the macro's own
 * pins per orientation), O(sum of the degrees of its nets). Every macro is assumed symmetric in x
 * and y (LEF {@code SYMMETRY X Y}, the rule for SRAMs and the IBM blocks); quarter-turned macros keep
 * their orientation.
 */
public final class Flipper {
    /** Greedy passes at most. */
    public static final int PASSES = 3;

    private Flipper() {
    }

    /**
     * Chooses the orientation of every node in {@code macros} and writes it into {@code p.orient()};
     * returns the netlist with the pin offsets of those orientations ({@link Netlist#reoriented}),
     * {@code netlist} itself when nothing flips.
     *
     * @param netlist the design, its pin offsets valid for the orientations in {@code p}
     * @param p       legal positions (lower-left corners); orientations updated in place
     * @param macros  the nodes that may flip
     */
    public static Netlist flip(Netlist netlist, Placement p, boolean[] macros) {
        return flip(netlist, p, macros, 4);
    }

    /**
     * Standard cells in their rows: each cell in {@code cells} is mirrored in x (N and FN, FS and S:
     * the row keeps its power-rail orientation) when that shortens its nets, as a detailed-placement
     * move; positions do not change. Returns the netlist with the new pin offsets, or {@code netlist}.
     */
    public static Netlist flipCells(Netlist netlist, Placement p, boolean[] cells) {
        return flip(netlist, p, cells, 2);
    }

    /** {@code states}: 4 = N, FN, FS, S; 2 = N, FN (x mirror only). */
    private static Netlist flip(Netlist netlist, Placement p, boolean[] macros, int states) {
        int n = netlist.numNodes();
        int[] state = new int[n]; // mirror bits relative to netlist's offsets: 1 x, 2 y
        int[] base = new int[n];
        boolean anyMacro = false;
        for (int v = 0; v < n; v++) {
            base[v] = Netlist.mirrorBits(p.orient()[v]);
            anyMacro |= macros[v] && base[v] >= 0 && netlist.nodePinStart()[v + 1] > netlist.nodePinStart()[v];
        }
        if (!anyMacro) {
            return netlist;
        }
        int[] pinNet = pinNets(netlist);
        int[] stamp = new int[netlist.numNets()];
        int[] nets = new int[16];
        int mark = 0; // stamp of the current (pass, macro): marks the nets already collected
        boolean changed = false;
        for (int pass = 0; pass < PASSES; pass++) {
            boolean passChanged = false;
            for (int v = 0; v < n; v++) {
                if (!macros[v] || base[v] < 0) {
                    continue;
                }
                int count = 0;
                mark++;
                int ps = netlist.nodePinStart()[v], pe = netlist.nodePinStart()[v + 1];
                for (int k = ps; k < pe; k++) {
                    int e = pinNet[netlist.nodePins()[k]];
                    if (stamp[e] != mark) {
                        stamp[e] = mark;
                        if (count == nets.length) {
                            nets = java.util.Arrays.copyOf(nets, count * 2);
                        }
                        nets[count++] = e;
                    }
                }
                double[] cost = new double[4];
                for (int i = 0; i < count; i++) {
                    netCosts(netlist, p, state, v, nets[i], cost);
                }
                int best = state[v];
                for (int t = 0; t < states; t++) {
                    if (cost[t] < cost[best] * (1 - 1e-12) - 1e-9) {
                        best = t;
                    }
                }
                if (best != state[v]) {
                    state[v] = best;
                    passChanged = true;
                }
            }
            changed |= passChanged;
            if (!passChanged) {
                break;
            }
        }
        if (!changed) {
            return netlist;
        }
        for (int v = 0; v < n; v++) {
            if (state[v] != 0) {
                p.orient()[v] = Netlist.UNROTATED.get(base[v] ^ state[v]);
            }
        }
        return netlist.reoriented(p.orient());
    }

    /** Adds net {@code e}'s weighted HPWL to {@code cost[t]} for macro {@code v} in each relative state t. */
    private static void netCosts(Netlist nl, Placement p, int[] state, int v, int e, double[] cost) {
        double xl = Double.POSITIVE_INFINITY, xh = Double.NEGATIVE_INFINITY;
        double yl = Double.POSITIVE_INFINITY, yh = Double.NEGATIVE_INFINITY;
        int[] pinNode = nl.pinNode();
        double[] dx = nl.pinDx(), dy = nl.pinDy(), w = nl.widths(), h = nl.heights();
        double[] x = p.x(), y = p.y();
        int s = nl.netPinStart()[e], end = nl.netPinStart()[e + 1];
        for (int k = s; k < end; k++) {
            int u = pinNode[k];
            if (u == v) {
                continue;
            }
            double px = x[u] + w[u] / 2 + ((state[u] & 1) != 0 ? -dx[k] : dx[k]);
            double py = y[u] + h[u] / 2 + ((state[u] & 2) != 0 ? -dy[k] : dy[k]);
            xl = Math.min(xl, px);
            xh = Math.max(xh, px);
            yl = Math.min(yl, py);
            yh = Math.max(yh, py);
        }
        double cx = x[v] + w[v] / 2, cy = y[v] + h[v] / 2;
        double weight = nl.netWeights()[e];
        for (int t = 0; t < 4; t++) {
            double axl = xl, axh = xh, ayl = yl, ayh = yh;
            for (int k = s; k < end; k++) {
                if (pinNode[k] != v) {
                    continue;
                }
                double px = cx + ((t & 1) != 0 ? -dx[k] : dx[k]);
                double py = cy + ((t & 2) != 0 ? -dy[k] : dy[k]);
                axl = Math.min(axl, px);
                axh = Math.max(axh, px);
                ayl = Math.min(ayl, py);
                ayh = Math.max(ayh, py);
            }
            cost[t] += weight * ((axh - axl) + (ayh - ayl));
        }
    }

    /** Net of each pin. */
    static int[] pinNets(Netlist nl) {
        int[] pinNet = new int[nl.numPins()];
        int[] start = nl.netPinStart();
        for (int e = 0; e < nl.numNets(); e++) {
            for (int k = start[e]; k < start[e + 1]; k++) {
                pinNet[k] = e;
            }
        }
        return pinNet;
    }
}
