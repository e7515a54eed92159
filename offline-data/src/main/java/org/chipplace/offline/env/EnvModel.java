package org.chipplace.offline.env;

import java.util.Arrays;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;

/**
 * Immutable per-design data of {@link MacroEnv}: the grid, macro sizes in grid units, the nets that
 * touch a macro with their fixed-pin bounding boxes, the per-macro net lists (pin offsets from the
 * macro's lower-left corner) and the obstacle occupancy. Shared read-only by many environments
 * (one per thread in the EA).
 */
final class EnvModel {
    static final double EPS = 1e-9;
    final Netlist netlist;
    final EnvOptions options;
    final int g;
    final double x0, y0, cw, ch;
    final int numMacros;
    /** Node id of macro {@code m} (macros in netlist order). */
    final int[] macroNode;
    final int[] gw, gh;
    /** Distinct nets of each macro: CSR into the mn* arrays. */
    final int[] mnStart;
    final int[] mnRel;
    final double[] mnMinOx, mnMaxOx, mnMinOy, mnMaxOy;
    /**
     * Relevant nets (at least one macro pin): net id, weight, bounding box of the pins that do not
     * move in the episode (fixed nodes, and standard cells with {@link EnvOptions#cellPins()});
     * +-inf when none.
     */
    final int numRel;
    final int[] relNet;
    final double[] relW, fxl, fxh, fyl, fyh;
    /** Occupancy by fixed obstacles, {@code occ[ix*g+iy]}. */
    final byte[] baseOcc;
    final int[] defaultOrder;
    final Placement fixedPos;
    private volatile String hash;

    EnvModel(Netlist nl, Placement fixedPos, EnvOptions options) {
        this.netlist = nl;
        this.options = options;
        this.fixedPos = fixedPos.copy();
        this.g = options.grid();
        this.x0 = nl.coreXl();
        this.y0 = nl.coreYl();
        this.cw = (nl.coreXh() - nl.coreXl()) / g;
        this.ch = (nl.coreYh() - nl.coreYl()) / g;
        if (!(cw > 0) || !(ch > 0)) {
            throw new IllegalArgumentException("design " + nl.name() + " has an empty core area");
        }
        int n = nl.numNodes();
        int[] macroIdx = new int[n];
        Arrays.fill(macroIdx, -1);
        int m = 0;
        for (int v = 0; v < n; v++) {
            if (nl.isMacro(v)) {
                macroIdx[v] = m++;
            }
        }
        numMacros = m;
        macroNode = new int[m];
        gw = new int[m];
        gh = new int[m];
        for (int v = 0; v < n; v++) {
            if (macroIdx[v] >= 0) {
                int k = macroIdx[v];
                macroNode[k] = v;
                gw[k] = clampCells(nl.widths()[v] / cw);
                gh[k] = clampCells(nl.heights()[v] / ch);
            }
        }
        byte[] kinds = nl.kinds();
        byte macroCode = NodeKind.MACRO.code();
        byte fixedCode = NodeKind.FIXED.code();
        byte fixedNiCode = NodeKind.FIXED_NI.code();
        byte cellCode = NodeKind.CELL.code();
        boolean fixedPins = options.fixedPins();
        boolean cellPins = options.cellPins();
        int[] nps = nl.netPinStart();
        int[] pinNode = nl.pinNode();
        double[] pdx = nl.pinDx();
        double[] pdy = nl.pinDy();
        double[] px = fixedPos.x();
        double[] py = fixedPos.y();
        double[] w = nl.widths();
        double[] h = nl.heights();
        int numNets = nl.numNets();
        int[] relOf = new int[numNets];
        int rel = 0;
        for (int e = 0; e < numNets; e++) {
            relOf[e] = -1;
            for (int p = nps[e]; p < nps[e + 1]; p++) {
                if (kinds[pinNode[p]] == macroCode) {
                    relOf[e] = rel++;
                    break;
                }
            }
        }
        numRel = rel;
        relNet = new int[rel];
        relW = new double[rel];
        fxl = new double[rel];
        fxh = new double[rel];
        fyl = new double[rel];
        fyh = new double[rel];
        for (int e = 0; e < numNets; e++) {
            int r = relOf[e];
            if (r < 0) {
                continue;
            }
            relNet[r] = e;
            relW[r] = nl.netWeights()[e];
            double xl = Double.POSITIVE_INFINITY, xh = Double.NEGATIVE_INFINITY;
            double yl = Double.POSITIVE_INFINITY, yh = Double.NEGATIVE_INFINITY;
            for (int p = nps[e]; p < nps[e + 1]; p++) {
                int v = pinNode[p];
                byte kv = kinds[v];
                if ((fixedPins && (kv == fixedCode || kv == fixedNiCode)) || (cellPins && kv == cellCode)) {
                    double x = px[v] + 0.5 * w[v] + pdx[p];
                    double y = py[v] + 0.5 * h[v] + pdy[p];
                    xl = Math.min(xl, x);
                    xh = Math.max(xh, x);
                    yl = Math.min(yl, y);
                    yh = Math.max(yh, y);
                }
            }
            fxl[r] = xl;
            fxh[r] = xh;
            fyl[r] = yl;
            fyh[r] = yh;
        }
        // distinct nets per macro with min/max pin offsets from the lower-left corner
        int[] nodePinStart = nl.nodePinStart();
        int[] nodePins = nl.nodePins();
        int[] pinNet = new int[nl.numPins()];
        for (int e = 0; e < numNets; e++) {
            for (int p = nps[e]; p < nps[e + 1]; p++) {
                pinNet[p] = e;
            }
        }
        mnStart = new int[m + 1];
        int total = 0;
        for (int k = 0; k < m; k++) {
            total += nodePinStart[macroNode[k] + 1] - nodePinStart[macroNode[k]];
        }
        int[] rels = new int[total];
        double[] a = new double[total], b = new double[total], c = new double[total], d = new double[total];
        int[] seen = new int[rel];
        Arrays.fill(seen, -1);
        int cnt = 0;
        for (int k = 0; k < m; k++) {
            int v = macroNode[k];
            mnStart[k] = cnt;
            for (int q = nodePinStart[v]; q < nodePinStart[v + 1]; q++) {
                int p = nodePins[q];
                int r = relOf[pinNet[p]];
                double ox = 0.5 * w[v] + pdx[p];
                double oy = 0.5 * h[v] + pdy[p];
                int slot = seen[r];
                if (slot < mnStart[k]) {
                    slot = cnt++;
                    seen[r] = slot;
                    rels[slot] = r;
                    a[slot] = ox;
                    b[slot] = ox;
                    c[slot] = oy;
                    d[slot] = oy;
                } else {
                    a[slot] = Math.min(a[slot], ox);
                    b[slot] = Math.max(b[slot], ox);
                    c[slot] = Math.min(c[slot], oy);
                    d[slot] = Math.max(d[slot], oy);
                }
            }
        }
        mnStart[m] = cnt;
        mnRel = Arrays.copyOf(rels, cnt);
        mnMinOx = Arrays.copyOf(a, cnt);
        mnMaxOx = Arrays.copyOf(b, cnt);
        mnMinOy = Arrays.copyOf(c, cnt);
        mnMaxOy = Arrays.copyOf(d, cnt);
        baseOcc = new byte[g * g];
        for (int v = 0; v < n; v++) {
            if (kinds[v] == fixedCode && w[v] > 0 && h[v] > 0) {
                markRect(baseOcc, g, px[v], py[v], w[v], h[v]);
            }
        }
        defaultOrder = MacroOrdering.order(this, options.order());
    }

    private int clampCells(double cells) {
        int c = (int) Math.ceil(cells - EPS);
        return Math.max(1, Math.min(g, c));
    }

    private void markRect(byte[] occ, int gg, double x, double y, double w, double h) {
        int ixl = (int) Math.floor((x - x0) / cw + EPS);
        int ixh = (int) Math.ceil((x + w - x0) / cw - EPS);
        int iyl = (int) Math.floor((y - y0) / ch + EPS);
        int iyh = (int) Math.ceil((y + h - y0) / ch - EPS);
        ixl = Math.max(ixl, 0);
        iyl = Math.max(iyl, 0);
        ixh = Math.min(ixh, gg);
        iyh = Math.min(iyh, gg);
        for (int ix = ixl; ix < ixh; ix++) {
            for (int iy = iyl; iy < iyh; iy++) {
                occ[ix * gg + iy] = 1;
            }
        }
    }

    /** {@link DesignHash#of} of the design and its fixed positions (computed once). */
    String hash() {
        String h = hash;
        if (h == null) {
            h = DesignHash.of(netlist, fixedPos);
            hash = h;
        }
        return h;
    }

    /** Real x of the left edge of grid column {@code ix}. */
    double cellX(int ix) {
        return x0 + ix * cw;
    }

    /** Real y of the bottom edge of grid row {@code iy}. */
    double cellY(int iy) {
        return y0 + iy * ch;
    }

    /**
     * Cell of macro {@code k}'s lower-left corner in the placement the model was built from, rounded
     * to the nearest grid line and clamped so that the macro lies inside the canvas.
     */
    int snappedCell(int k) {
        int v = macroNode[k];
        return cellAt(k, fixedPos.x()[v], fixedPos.y()[v]);
    }

    /** Cell of macro {@code k}'s lower-left corner at (x, y), rounded to the nearest grid line and clamped. */
    int cellAt(int k, double x, double y) {
        int ix = (int) Math.round((x - x0) / cw);
        int iy = (int) Math.round((y - y0) / ch);
        ix = Math.max(0, Math.min(g - gw[k], ix));
        iy = Math.max(0, Math.min(g - gh[k], iy));
        return ix * g + iy;
    }

    /** Number of distinct nets of macro {@code k}. */
    int netCount(int k) {
        return mnStart[k + 1] - mnStart[k];
    }

    double area(int k) {
        int v = macroNode[k];
        return netlist.widths()[v] * netlist.heights()[v];
    }
}
