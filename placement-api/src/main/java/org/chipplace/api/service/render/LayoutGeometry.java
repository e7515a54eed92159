package org.chipplace.api.service.render;

import java.util.ArrayList;
import java.util.List;
import org.chipplace.metrics.RudyReport;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;

/**
 * Geometry of a placed design for the dashboard's canvas viewer, in database units with the y axis
 * up (Bookshelf lower-left corners): the die (bounding box of the core and every object), the core,
 * the rows, the fixed objects (pads and blockages), the macros, the standard cells as rectangles
 * when there are few and always as a density raster, and the RUDY congestion map. Grids are flat
 * {@code values[ix * ny + iy]} over their {@link Box}.
 */
public final class LayoutGeometry {
    /** Most rows sent; designs with more rows send none. */
    public static final int MAX_ROWS = 4000;
    /** Most fixed objects sent (the first ones in node order). */
    public static final int MAX_FIXED = 20000;

    private LayoutGeometry() {
    }

    /** An axis-aligned box: lower-left {@code (xl, yl)}, upper-right {@code (xh, yh)}. */
    public record Box(double xl, double yl, double xh, double yh) {
    }

    /** A named rectangle: lower-left corner, width, height; {@code kind} is the {@link NodeKind} name. */
    public record Node(String name, String kind, double x, double y, double w, double h) {
    }

    /**
     * A uniform grid over {@code box}: {@code nx * ny} values, flat {@code values[ix * ny + iy]}.
     *
     * @param peak the largest value
     */
    public record Grid(int nx, int ny, Box box, float[] values, double peak) {
    }

    /**
     * The whole layout.
     *
     * @param rows  flat {@code [x, y, w, h]} per row (empty above {@link #MAX_ROWS})
     * @param cells flat {@code [x, y, w, h]} per standard cell, or null above {@code maxCells}
     * @param cellDensity standard-cell area over bin area per bin (utilisation, may exceed 1)
     * @param rudy  RUDY map (1 = demand equals capacity), or null
     */
    public record Layout(String design, Box die, Box core, int numCells, int numMacros, int numFixed,
                         double[] rows, List<Node> macros, List<Node> fixed, double[] cells, Grid cellDensity,
                         Grid rudy) {
    }

    /** One net of a macro: its pins as flat {@code [x, y]} pairs (pin positions). */
    public record NetPins(String name, double weight, double[] pins) {
    }

    /** The nets of one macro ({@code skipped}: nets above the degree limit, left out). */
    public record MacroNets(Node macro, List<NetPins> nets, int skipped) {
    }

    /**
     * Builds the layout.
     *
     * @param rudy       the RUDY map over the core (null for none)
     * @param maxCells   above this many standard cells, {@code cells} is null
     * @param rasterBins bins of the cell-density raster along the longer core side
     */
    public static Layout of(Netlist nl, Placement p, RudyReport rudy, int maxCells, int rasterBins) {
        if (maxCells < 0 || rasterBins < 1) {
            throw new IllegalArgumentException("maxCells >= 0 and rasterBins >= 1 required");
        }
        double[] x = p.x(), y = p.y(), w = nl.widths(), h = nl.heights();
        byte[] kinds = nl.kinds();
        int n = nl.numNodes();
        Box core = new Box(nl.coreXl(), nl.coreYl(), nl.coreXh(), nl.coreYh());
        double xl = core.xl, yl = core.yl, xh = core.xh, yh = core.yh;
        for (int v = 0; v < n; v++) {
            xl = Math.min(xl, x[v]);
            yl = Math.min(yl, y[v]);
            xh = Math.max(xh, x[v] + w[v]);
            yh = Math.max(yh, y[v] + h[v]);
        }
        Row[] rows = nl.rows();
        double[] rowRects = new double[rows.length <= MAX_ROWS ? 4 * rows.length : 0];
        for (int r = 0; 4 * r < rowRects.length; r++) {
            Row row = rows[r];
            rowRects[4 * r] = row.x();
            rowRects[4 * r + 1] = row.y();
            rowRects[4 * r + 2] = row.xMax() - row.x();
            rowRects[4 * r + 3] = row.height();
        }
        List<Node> macros = new ArrayList<>();
        List<Node> fixed = new ArrayList<>();
        byte macro = NodeKind.MACRO.code(), cell = NodeKind.CELL.code();
        for (int v = 0; v < n; v++) {
            if (kinds[v] == macro) {
                macros.add(node(nl, p, v));
            } else if (kinds[v] != cell && fixed.size() < MAX_FIXED) {
                fixed.add(node(nl, p, v));
            }
        }
        int numCells = nl.numCells();
        double[] cells = null;
        if (numCells <= maxCells) {
            cells = new double[4 * numCells];
            int k = 0;
            for (int v = 0; v < n; v++) {
                if (kinds[v] == cell) {
                    cells[k++] = x[v];
                    cells[k++] = y[v];
                    cells[k++] = w[v];
                    cells[k++] = h[v];
                }
            }
        }
        Box grid = core.xh > core.xl && core.yh > core.yl ? core : new Box(xl, yl, xh, yh);
        double gw = grid.xh - grid.xl, gh = grid.yh - grid.yl;
        int nx = gw >= gh ? rasterBins : Math.max(1, (int) Math.round(rasterBins * gw / gh));
        int ny = gh >= gw ? rasterBins : Math.max(1, (int) Math.round(rasterBins * gh / gw));
        double[] area = new double[nx * ny];
        cellArea(x, y, w, h, kinds, cell, grid.xl, grid.yl, gw / nx, gh / ny, nx, ny, area);
        double binArea = gw / nx * (gh / ny);
        for (int b = 0; b < area.length; b++) {
            area[b] /= binArea;
        }
        Grid density = grid(nx, ny, grid, area);
        Grid rudyGrid = rudy == null ? null : grid(rudy.nx(), rudy.ny(), grid, rudy.map());
        return new Layout(nl.name(), new Box(xl, yl, xh, yh), core, numCells, nl.numMacros(),
                nl.numFixed() + nl.numFixedNi(), rowRects, macros, fixed, cells, density, rudyGrid);
    }

    /**
     * The nets of node {@code v}: every net with a pin on it and at most {@code maxDegree} pins,
     * each with the positions of all its pins.
     */
    public static MacroNets netsOf(Netlist nl, Placement p, int v, int maxDegree) {
        int[] nodePinStart = nl.nodePinStart(), nodePins = nl.nodePins(), netPinStart = nl.netPinStart();
        int[] pinNode = nl.pinNode();
        double[] dx = nl.pinDx(), dy = nl.pinDy(), x = p.x(), y = p.y(), w = nl.widths(), h = nl.heights();
        int[] pinNet = pinNets(nl);
        List<NetPins> nets = new ArrayList<>();
        int skipped = 0;
        java.util.BitSet seen = new java.util.BitSet(nl.numNets());
        for (int k = nodePinStart[v]; k < nodePinStart[v + 1]; k++) {
            int e = pinNet[nodePins[k]];
            if (seen.get(e)) {
                continue;
            }
            seen.set(e);
            int deg = netPinStart[e + 1] - netPinStart[e];
            if (deg > maxDegree) {
                skipped++;
                continue;
            }
            double[] pins = new double[2 * deg];
            for (int q = netPinStart[e], i = 0; q < netPinStart[e + 1]; q++, i += 2) {
                int u = pinNode[q];
                pins[i] = x[u] + 0.5 * w[u] + dx[q];
                pins[i + 1] = y[u] + 0.5 * h[u] + dy[q];
            }
            nets.add(new NetPins(nl.netNames()[e], nl.netWeights()[e], pins));
        }
        return new MacroNets(node(nl, p, v), nets, skipped);
    }

    /** The net of every pin (inverse of the net CSR). */
    static int[] pinNets(Netlist nl) {
        int[] start = nl.netPinStart();
        int[] net = new int[nl.numPins()];
        for (int e = 0; e < nl.numNets(); e++) {
            for (int q = start[e]; q < start[e + 1]; q++) {
                net[q] = e;
            }
        }
        return net;
    }

    /**
     * Adds, for every node of kind {@code kind}, its exact overlap area with each bin of the grid
     * (origin {@code (x0, y0)}, bins {@code bw x bh}, {@code nx x ny}) to {@code out[ix * ny + iy]};
     * parts outside the grid are dropped.
     */
    static void cellArea(double[] x, double[] y, double[] w, double[] h, byte[] kinds, byte kind, double x0,
                         double y0, double bw, double bh, int nx, int ny, double[] out) {
        for (int v = 0; v < kinds.length; v++) {
            if (kinds[v] != kind || !(w[v] > 0) || !(h[v] > 0)) {
                continue;
            }
            double ax = x[v] - x0, ay = y[v] - y0, bx = ax + w[v], by = ay + h[v];
            int ix0 = Math.max(0, (int) Math.floor(ax / bw)), ix1 = Math.min(nx - 1, (int) Math.floor(bx / bw));
            int iy0 = Math.max(0, (int) Math.floor(ay / bh)), iy1 = Math.min(ny - 1, (int) Math.floor(by / bh));
            for (int ix = ix0; ix <= ix1; ix++) {
                double ox = Math.min(bx, (ix + 1) * bw) - Math.max(ax, ix * bw);
                if (ox <= 0) {
                    continue;
                }
                for (int iy = iy0; iy <= iy1; iy++) {
                    double oy = Math.min(by, (iy + 1) * bh) - Math.max(ay, iy * bh);
                    if (oy > 0) {
                        out[ix * ny + iy] += ox * oy;
                    }
                }
            }
        }
    }

    private static Grid grid(int nx, int ny, Box box, double[] values) {
        float[] f = new float[values.length];
        double peak = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            f[i] = (float) (Math.round(v * 1e4) / 1e4);
            if (v > peak) {
                peak = v;
            }
        }
        return new Grid(nx, ny, box, f, peak);
    }

    private static Node node(Netlist nl, Placement p, int v) {
        return new Node(nl.nodeNames()[v], NodeKind.of(nl.kinds()[v]).name(), p.x()[v], p.y()[v], nl.widths()[v],
                nl.heights()[v]);
    }
}
