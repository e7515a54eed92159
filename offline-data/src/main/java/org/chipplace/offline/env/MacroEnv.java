package org.chipplace.offline.env;

import java.util.Arrays;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;

/**
 * Sequential macro-placement environment in the formulation of MaskPlace (Lai et al., NeurIPS 2022)
 * and ChiPFormer (Lai et al., ICML 2023).
 *
 * <p><b>Grid.</b> The core area is divided into {@code G x G} cells of size
 * {@code cw = coreWidth/G} by {@code ch = coreHeight/G}. All grid arrays are flat,
 * {@code a[ix * G + iy]}. Macro {@code m} covers {@code ceil(w/cw) x ceil(h/ch)} cells.
 *
 * <p><b>Action.</b> A cell index {@code ix*G+iy}: the macro's lower-left corner goes to the cell's
 * lower-left corner, real position {@code (coreXl + ix*cw, coreYl + iy*ch)}.
 *
 * <p><b>Macro HPWL.</b> Over every net with at least one movable-macro pin: the weighted half
 * perimeter of the bounding box of its pins on <em>placed</em> macros and on fixed nodes
 * ({@code FIXED} and {@code FIXED_NI}: pads and fixed macros count as pins); standard cells are
 * ignored unless {@link EnvOptions#cellPins()}, which counts their pins at their positions in the
 * given placement like fixed pins (never as obstacles; nets without a macro pin stay left out since
 * no macro move changes them). A net contributes nothing until its first macro is placed (so the empty placement has
 * HPWL 0). Pins sit at the macro centre plus the pin offset. When all macros are placed this equals
 * {@link #macroHpwl(Netlist, Placement, EnvOptions)} of the written placement. With
 * {@link EnvOptions#fixedPins()} false, fixed pins are left out (macro-to-macro HPWL, closer to
 * ChiPFormer's ibm protocol); fixed nodes still block.
 *
 * <p><b>Reward</b> of a step: minus the increase of the macro HPWL; an episode's rewards sum to minus
 * the final macro HPWL.
 *
 * <p><b>Masks</b> for the next macro: occupancy (placed macros and {@code FIXED} obstacles overlapping
 * the core; {@code FIXED_NI} never blocks), wire mask (HPWL increase per cell, computed with the
 * separable per-net x/y decomposition in {@code O(G^2 + nets*G)}), position mask (cells where the
 * macro lies inside the canvas and overlaps no occupied cell).
 *
 * <p>Not thread-safe; use one environment per thread (they can share an {@link EnvModel}).
 */
public final class MacroEnv {
    /** Number of scalar features after the three {@code G*G} channels in {@link #observe(float[])}. */
    public static final int STATE_EXTRA = 3;
    final EnvModel md;
    private final int g;
    private int[] order;
    private int t;
    private final double[] cxl, cxh, cyl, cyh;
    private final boolean[] active;
    private final byte[] occ;
    private final int[] cellOf;
    private double hpwl;
    private final double[] xPart, yPart;
    private final int[] prefix;

    /** An environment over the macros of {@code netlist}, fixed nodes taken from {@code fixedPositions}. */
    public MacroEnv(Netlist netlist, Placement fixedPositions, EnvOptions options) {
        this(new EnvModel(netlist, fixedPositions, options));
    }

    MacroEnv(EnvModel md) {
        this.md = md;
        this.g = md.g;
        cxl = new double[md.numRel];
        cxh = new double[md.numRel];
        cyl = new double[md.numRel];
        cyh = new double[md.numRel];
        active = new boolean[md.numRel];
        occ = new byte[g * g];
        cellOf = new int[md.numMacros];
        xPart = new double[g];
        yPart = new double[g];
        prefix = new int[(g + 1) * (g + 1)];
        reset();
    }

    /** A fresh environment sharing this one's immutable design data. */
    public MacroEnv fork() {
        return new MacroEnv(md);
    }

    /** Restarts the episode in the options' order. */
    public void reset() {
        reset(md.defaultOrder);
    }

    /** Restarts the episode with an explicit order (a permutation of macro indices {@code 0..M-1}). */
    public void reset(int[] macroOrder) {
        if (macroOrder.length != md.numMacros) {
            throw new IllegalArgumentException("order has " + macroOrder.length + " entries, design has "
                    + md.numMacros + " macros");
        }
        boolean[] seen = new boolean[md.numMacros];
        for (int k : macroOrder) {
            if (k < 0 || k >= md.numMacros || seen[k]) {
                throw new IllegalArgumentException("order is not a permutation of the macros");
            }
            seen[k] = true;
        }
        order = macroOrder.clone();
        t = 0;
        hpwl = 0;
        System.arraycopy(md.fxl, 0, cxl, 0, md.numRel);
        System.arraycopy(md.fxh, 0, cxh, 0, md.numRel);
        System.arraycopy(md.fyl, 0, cyl, 0, md.numRel);
        System.arraycopy(md.fyh, 0, cyh, 0, md.numRel);
        Arrays.fill(active, false);
        System.arraycopy(md.baseOcc, 0, occ, 0, occ.length);
        Arrays.fill(cellOf, -1);
    }

    public int grid() {
        return g;
    }

    public Netlist netlist() {
        return md.netlist;
    }

    public EnvOptions options() {
        return md.options;
    }

    /** Number of steps of an episode (movable macros). */
    public int numSteps() {
        return md.numMacros;
    }

    /** Index of the next step (0-based); equals {@link #numSteps()} when done. */
    public int stepIndex() {
        return t;
    }

    public boolean done() {
        return t >= md.numMacros;
    }

    /** The current order (macro indices; a copy). */
    public int[] order() {
        return order.clone();
    }

    /** The options' deterministic order (a copy). */
    public int[] defaultOrder() {
        return md.defaultOrder.clone();
    }

    /** Node id of macro index {@code k}. */
    public int macroNode(int k) {
        return md.macroNode[k];
    }

    /** Macro index placed at the next step. */
    public int nextMacro() {
        return order[t];
    }

    /** The positions the environment was built with (fixed nodes read from them; shared, do not modify). */
    public Placement fixedPositions() {
        return md.fixedPos;
    }

    /** x of the grid's lower-left corner (the core's). */
    public double gridX0() { return md.x0; }

    /** y of the grid's lower-left corner (the core's). */
    public double gridY0() { return md.y0; }

    /** Width of one grid cell (design units). */
    public double cellWidth() { return md.cw; }

    /** Height of one grid cell (design units). */
    public double cellHeight() { return md.ch; }

    /** {@link DesignHash#of} the design and the fixed positions (computed once, shared with forks). */
    public String designHash() {
        return md.hash();
    }

    /**
     * Cell {@code ix*G+iy} of the lower-left corner of macro index {@code k} at its position in
     * {@link #fixedPositions()}, rounded to the grid and clamped so that the macro fits.
     */
    public int snappedCell(int k) {
        return md.snappedCell(k);
    }

    /**
     * Cell {@code ix*G+iy} of macro index {@code k}'s lower-left corner at (x, y) (design units), rounded
     * to the grid and clamped so that the macro fits (as {@link #snappedCell}).
     */
    public int cellAt(int k, double x, double y) {
        return md.cellAt(k, x, y);
    }

    /** Width in grid cells of macro index {@code k}. */
    public int gridWidth(int k) {
        return md.gw[k];
    }

    /** Height in grid cells of macro index {@code k}. */
    public int gridHeight(int k) {
        return md.gh[k];
    }

    /** Cell chosen for macro index {@code k}, or -1 while unplaced. */
    public int cellOf(int k) {
        return cellOf[k];
    }

    /**
     * Weighted mean centre, in grid units from the core's lower-left corner, of the boxes of the
     * next macro's nets that already have pins (canvas centre when none).
     */
    public double[] netCentre() {
        int k = order[t];
        double sx = 0, sy = 0, n = 0;
        for (int i = md.mnStart[k]; i < md.mnStart[k + 1]; i++) {
            int r = md.mnRel[i];
            if (active[r] || cxl[r] <= cxh[r]) {
                sx += md.relW[r] * ((cxl[r] + cxh[r]) / 2 - md.x0) / md.cw;
                sy += md.relW[r] * ((cyl[r] + cyh[r]) / 2 - md.y0) / md.ch;
                n += md.relW[r];
            }
        }
        return n > 0 ? new double[] {sx / n, sy / n} : new double[] {g / 2.0, g / 2.0};
    }

    /** Current macro HPWL (sum of the increases so far). */
    public double hpwl() {
        return hpwl;
    }

    /** Copies the occupancy (1 = occupied) into {@code out[ix*G+iy]}. */
    public void occupancy(byte[] out) {
        System.arraycopy(occ, 0, out, 0, occ.length);
    }

    /**
     * Raw wire mask of the next macro: {@code out[ix*G+iy]} = increase of the macro HPWL if its
     * lower-left corner goes to cell (ix, iy) (for every cell, legal or not).
     */
    public void wireMask(double[] out) {
        int k = order[t];
        Arrays.fill(xPart, 0);
        Arrays.fill(yPart, 0);
        for (int i = md.mnStart[k]; i < md.mnStart[k + 1]; i++) {
            int r = md.mnRel[i];
            double w = md.relW[r];
            WireMaskKernel.accumulate(xPart, g, md.x0, md.cw, md.mnMinOx[i], md.mnMaxOx[i], cxl[r], cxh[r],
                    active[r] ? cxh[r] - cxl[r] : 0, w);
            WireMaskKernel.accumulate(yPart, g, md.y0, md.ch, md.mnMinOy[i], md.mnMaxOy[i], cyl[r], cyh[r],
                    active[r] ? cyh[r] - cyl[r] : 0, w);
        }
        for (int ix = 0; ix < g; ix++) {
            double xv = xPart[ix];
            int base = ix * g;
            for (int iy = 0; iy < g; iy++) {
                out[base + iy] = xv + yPart[iy];
            }
        }
    }

    /**
     * Position mask of the next macro: {@code out[ix*G+iy]} true where it fits inside the canvas
     * without overlapping an occupied cell. Returns the number of legal cells.
     */
    public int positionMask(boolean[] out) {
        int k = order[t];
        WireMaskKernel.prefixSums(occ, g, prefix);
        return WireMaskKernel.fitMask(prefix, g, md.gw[k], md.gh[k], out);
    }

    /** Whether the next macro fits at {@code cell} (inside the canvas, no occupied cell under it). */
    public boolean fitsNext(int cell) {
        int k = order[t];
        int ix = cell / g;
        int iy = cell % g;
        if (ix + md.gw[k] > g || iy + md.gh[k] > g) {
            return false;
        }
        for (int a = ix; a < ix + md.gw[k]; a++) {
            for (int b = a * g + iy; b < a * g + iy + md.gh[k]; b++) {
                if (occ[b] != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Number of occupied cells under the next macro at each cell where it lies inside the canvas;
     * -1 where it would stick out. Used to choose the least-overlapping cell when none is legal.
     */
    public void overlapCounts(int[] out) {
        int k = order[t];
        WireMaskKernel.prefixSums(occ, g, prefix);
        WireMaskKernel.overlapCounts(prefix, g, md.gw[k], md.gh[k], out);
    }

    /**
     * Places the next macro at {@code cell} and returns the reward (minus the HPWL increase). Any
     * cell of the grid is accepted (an overlapping one too; experts only use those when no legal cell
     * exists); a macro that would stick out of the canvas is clamped inside it.
     */
    public double step(int cell) {
        if (done()) {
            throw new IllegalStateException("episode is over");
        }
        if (cell < 0 || cell >= g * g) {
            throw new IllegalArgumentException("cell " + cell + " outside the " + g + "x" + g + " grid");
        }
        int k = order[t];
        int ix = Math.min(cell / g, g - md.gw[k]);
        int iy = Math.min(cell % g, g - md.gh[k]);
        double x = md.cellX(ix);
        double y = md.cellY(iy);
        double delta = 0;
        for (int i = md.mnStart[k]; i < md.mnStart[k + 1]; i++) {
            int r = md.mnRel[i];
            double old = active[r] ? (cxh[r] - cxl[r]) + (cyh[r] - cyl[r]) : 0;
            cxl[r] = Math.min(cxl[r], x + md.mnMinOx[i]);
            cxh[r] = Math.max(cxh[r], x + md.mnMaxOx[i]);
            cyl[r] = Math.min(cyl[r], y + md.mnMinOy[i]);
            cyh[r] = Math.max(cyh[r], y + md.mnMaxOy[i]);
            active[r] = true;
            delta += md.relW[r] * ((cxh[r] - cxl[r]) + (cyh[r] - cyl[r]) - old);
        }
        for (int a = ix; a < ix + md.gw[k]; a++) {
            Arrays.fill(occ, a * g + iy, a * g + iy + md.gh[k], (byte) 1);
        }
        cellOf[k] = ix * g + iy;
        hpwl += delta;
        t++;
        return -delta;
    }

    /** Writes the real lower-left corners of the placed macros into {@code p}; other nodes untouched. */
    public void writePlacement(Placement p) {
        for (int k = 0; k < md.numMacros; k++) {
            if (cellOf[k] >= 0) {
                int v = md.macroNode[k];
                p.x()[v] = md.cellX(cellOf[k] / g);
                p.y()[v] = md.cellY(cellOf[k] % g);
                p.orient()[v] = "N";
            }
        }
    }

    /** Length of the state vector of {@link #observe(float[])}: {@code 3*G*G + STATE_EXTRA}. */
    public static int stateSize(int grid) {
        return 3 * grid * grid + STATE_EXTRA;
    }

    /**
     * Writes the state of the next step into {@code out} (length {@link #stateSize(int)}):
     * {@code out[c*G*G + ix*G + iy]} for channel c = 0 occupancy (0/1), 1 wire mask normalised to
     * [0, 1] by (v - min) / (max - min) over the whole grid as in MaskPlace (all 0 when constant),
     * 2 position mask (1 = legal); then macro width / G, macro height / G (grid units) and
     * step / numSteps.
     */
    public void observe(float[] out) {
        int gg = g * g;
        for (int i = 0; i < gg; i++) {
            out[i] = occ[i];
        }
        double[] wm = new double[gg];
        wireMask(wm);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : wm) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double span = hi - lo;
        for (int i = 0; i < gg; i++) {
            out[gg + i] = span > 0 ? (float) ((wm[i] - lo) / span) : 0f;
        }
        boolean[] pm = new boolean[gg];
        positionMask(pm);
        for (int i = 0; i < gg; i++) {
            out[2 * gg + i] = pm[i] ? 1f : 0f;
        }
        int k = order[t];
        out[3 * gg] = md.gw[k] / (float) g;
        out[3 * gg + 1] = md.gh[k] / (float) g;
        out[3 * gg + 2] = t / (float) md.numMacros;
    }

    /**
     * Macro HPWL of a placement, computed directly from the netlist (same nets and pins as the
     * environment: nets with a movable-macro pin, pins of macros and fixed nodes, weighted).
     */
    public static double macroHpwl(Netlist nl, Placement p) {
        return WireMaskKernel.macroHpwl(nl, p, true, false);
    }

    /**
     * Macro HPWL as the environment with {@code options} counts it (with or without fixed pins and
     * standard-cell pins, see {@link EnvOptions#fixedPins()} and {@link EnvOptions#cellPins()}).
     */
    public static double macroHpwl(Netlist nl, Placement p, EnvOptions options) {
        return WireMaskKernel.macroHpwl(nl, p, options.fixedPins(), options.cellPins());
    }
}
