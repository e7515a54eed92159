package org.chipplace.netlist;

import java.util.HashMap;
import java.util.Map;

/**
 * Immutable netlist topology as structure of arrays plus CSR (compressed sparse row) indices.
 *
 * <p>Array layout (all lengths in Bookshelf database units):
 * <ul>
 *   <li>nodes {@code 0..numNodes-1}: {@link #nodeNames()}, {@link #widths()}, {@link #heights()},
 *       {@link #kinds()} ({@link NodeKind#code()}).</li>
 *   <li>nets {@code 0..numNets-1}: {@link #netNames()}, {@link #netWeights()}; the pins of net
 *       {@code e} are {@code netPinStart[e] .. netPinStart[e+1]-1}.</li>
 *   <li>pins {@code 0..numPins-1}: {@link #pinNode()}, offsets {@link #pinDx()}, {@link #pinDy()} from
 *       the node centre (Bookshelf convention: pin at {@code x + w/2 + dx}), {@link #pinDirection()}.</li>
 *   <li>node to pins: the pins of node {@code v} are {@code nodePins[nodePinStart[v] .. nodePinStart[v+1]-1]}.</li>
 * </ul>
 * Accessors return the live arrays for speed; callers must not modify them. Positions live in a
 * separate {@link Placement}; {@link #initialPlacement()} is the one read with the design.
 * Build instances with {@link NetlistBuilder}.
 */
public final class Netlist {
    /** Pin direction codes of {@link #pinDirection()}. */
    public static final byte DIR_INPUT = 0, DIR_OUTPUT = 1, DIR_BIDIRECTIONAL = 2;

    private final String name;
    private final String[] nodeNames;
    private final double[] width;
    private final double[] height;
    private final byte[] kind;
    private final String[] netNames;
    private final double[] netWeight;
    private final int[] netPinStart;
    private final int[] pinNode;
    private final double[] pinDx;
    private final double[] pinDy;
    private final byte[] pinDir;
    private final int[] nodePinStart;
    private final int[] nodePins;
    private final Row[] rows;
    private final double coreXl, coreYl, coreXh, coreYh;
    private final double rowHeight;
    private final Placement initial;
    private final double[] halo; // 4 per node (left, bottom, right, top), or null when no node has one
    private final int numCells, numMacros, numFixed, numFixedNi;
    private volatile Map<String, Integer> nodeIndex;

    Netlist(String name, String[] nodeNames, double[] width, double[] height, byte[] kind,
            String[] netNames, double[] netWeight, int[] netPinStart, int[] pinNode, double[] pinDx,
            double[] pinDy, byte[] pinDir, Row[] rows, double[] core, double rowHeight, Placement initial,
            double[] halo) {
        this.name = name;
        this.nodeNames = nodeNames;
        this.width = width;
        this.height = height;
        this.kind = kind;
        this.netNames = netNames;
        this.netWeight = netWeight;
        this.netPinStart = netPinStart;
        this.pinNode = pinNode;
        this.pinDx = pinDx;
        this.pinDy = pinDy;
        this.pinDir = pinDir;
        this.rows = rows;
        this.coreXl = core[0];
        this.coreYl = core[1];
        this.coreXh = core[2];
        this.coreYh = core[3];
        this.rowHeight = rowHeight;
        this.initial = initial;
        this.halo = halo;
        int n = nodeNames.length;
        // node -> pins CSR by counting sort over pinNode
        int[] start = new int[n + 1];
        for (int v : pinNode) {
            start[v + 1]++;
        }
        for (int v = 0; v < n; v++) {
            start[v + 1] += start[v];
        }
        int[] fill = start.clone();
        int[] pins = new int[pinNode.length];
        for (int p = 0; p < pinNode.length; p++) {
            pins[fill[pinNode[p]]++] = p;
        }
        this.nodePinStart = start;
        this.nodePins = pins;
        int c = 0, m = 0, f = 0, fni = 0;
        for (byte k : kind) {
            switch (NodeKind.of(k)) {
                case CELL -> c++;
                case MACRO -> m++;
                case FIXED -> f++;
                case FIXED_NI -> fni++;
            }
        }
        this.numCells = c;
        this.numMacros = m;
        this.numFixed = f;
        this.numFixedNi = fni;
    }

    /** Design name (the {@code .aux} base name for Bookshelf). */
    public String name() {
        return name;
    }

    public int numNodes() {
        return nodeNames.length;
    }

    public int numNets() {
        return netNames.length;
    }

    public int numPins() {
        return pinNode.length;
    }

    /** Movable standard cells. */
    public int numCells() {
        return numCells;
    }

    /** Movable macros (taller than the row height, unless a multi-row standard cell; or LEF {@code CLASS BLOCK}). */
    public int numMacros() {
        return numMacros;
    }

    /** Movable nodes: cells plus macros. */
    public int numMovable() {
        return numCells + numMacros;
    }

    /** Fixed blocking objects ({@link NodeKind#FIXED}). */
    public int numFixed() {
        return numFixed;
    }

    /** Fixed non-blocking objects ({@link NodeKind#FIXED_NI}). */
    public int numFixedNi() {
        return numFixedNi;
    }

    public String[] nodeNames() {
        return nodeNames;
    }

    public double[] widths() {
        return width;
    }

    public double[] heights() {
        return height;
    }

    /** {@link NodeKind#code()} of every node. */
    public byte[] kinds() {
        return kind;
    }

    public NodeKind kind(int node) {
        return NodeKind.of(kind[node]);
    }

    public boolean isMovable(int node) {
        return kind[node] <= NodeKind.MACRO.code();
    }

    public boolean isMacro(int node) {
        return kind[node] == NodeKind.MACRO.code();
    }

    public String[] netNames() {
        return netNames;
    }

    /** Net weights (1 unless a {@code .wts} file says otherwise). */
    public double[] netWeights() {
        return netWeight;
    }

    /** CSR start of the pins of each net, length {@code numNets + 1}. */
    public int[] netPinStart() {
        return netPinStart;
    }

    public int[] pinNode() {
        return pinNode;
    }

    public double[] pinDx() {
        return pinDx;
    }

    public double[] pinDy() {
        return pinDy;
    }

    /** {@link #DIR_INPUT}, {@link #DIR_OUTPUT} or {@link #DIR_BIDIRECTIONAL} per pin. */
    public byte[] pinDirection() {
        return pinDir;
    }

    /** CSR start of the pins of each node in {@link #nodePins()}, length {@code numNodes + 1}. */
    public int[] nodePinStart() {
        return nodePinStart;
    }

    /** Pin ids grouped by node (see {@link #nodePinStart()}). */
    public int[] nodePins() {
        return nodePins;
    }

    /** Degree (pin count) of net {@code e}. */
    public int netDegree(int e) {
        return netPinStart[e + 1] - netPinStart[e];
    }

    /** Placement rows, sorted by y then x. */
    public Row[] rows() {
        return rows;
    }

    /** The most common row height, or NaN when there are no rows. */
    public double rowHeight() {
        return rowHeight;
    }

    /**
     * Number of rows node {@code v} spans: {@code round(height / rowHeight)}, at least 1 (1 when the
     * design has no rows). Meaningful for {@link NodeKind#CELL} nodes, which are either one row tall or
     * (LEF {@code CLASS CORE} cells) an integral number of rows tall.
     */
    public int rowSpan(int v) {
        if (!(rowHeight > 0)) {
            return 1;
        }
        return (int) Math.max(1, Math.rint(height[v] / rowHeight));
    }

    public double coreXl() {
        return coreXl;
    }

    public double coreYl() {
        return coreYl;
    }

    public double coreXh() {
        return coreXh;
    }

    public double coreYh() {
        return coreYh;
    }

    /**
     * Placement halos (DEF {@code + HALO}): 4 values per node, {@code halo[4v..4v+3]} = left, bottom,
     * right, top margins in database units around node {@code v} (in the orientation of
     * {@link #initialPlacement()}) that standard cells must keep clear of; null when no node has one.
     * The live array: callers must not modify it.
     */
    public double[] halos() {
        return halo;
    }

    /** Whether node {@code v} has a halo with a positive margin. */
    public boolean hasHalo(int v) {
        return halo != null && (halo[4 * v] > 0 || halo[4 * v + 1] > 0 || halo[4 * v + 2] > 0 || halo[4 * v + 3] > 0);
    }

    /** The placement read with the design (a fresh copy on each call). */
    public Placement initialPlacement() {
        return initial.copy();
    }

    /** Index of the node called {@code nodeName}, or -1. */
    public int nodeIndex(String nodeName) {
        Map<String, Integer> idx = nodeIndex;
        if (idx == null) {
            idx = new HashMap<>(nodeNames.length * 2);
            for (int i = 0; i < nodeNames.length; i++) {
                idx.put(nodeNames[i], i);
            }
            nodeIndex = idx;
        }
        Integer i = idx.get(nodeName);
        return i == null ? -1 : i;
    }

    /**
     * This netlist with its nodes turned to {@code orient} (one orientation per node, as in a
     * {@link Placement}): pin offsets are those of the orientation of {@link #initialPlacement()}, so
     * a node whose orientation changes within the unrotated family N, FN, FS, S has its offsets
     * mirrored accordingly (FN mirrors x about the node centre, FS mirrors y, S both), and the
     * initial placement takes the new orientations. Quarter turns (E, W, FE, FW) on either side
     * keep the offsets, since they would change the node's size. Returns {@code this} when no
     * offset changes.
     *
     * @param orient orientation of each node ({@code null} entries keep the node's)
     */
    public Netlist reoriented(String[] orient) {
        if (orient.length != nodeNames.length) {
            throw new IllegalArgumentException("orient has " + orient.length + " entries, netlist " + nodeNames.length);
        }
        String[] from = initial.orient();
        int n = nodeNames.length;
        int[] sx = new int[n];
        int[] sy = new int[n];
        boolean any = false;
        for (int v = 0; v < n; v++) {
            int a = mirrorBits(from[v]);
            int b = mirrorBits(orient[v] == null ? from[v] : orient[v]);
            if (a < 0 || b < 0 || a == b) {
                sx[v] = 1;
                sy[v] = 1;
                continue;
            }
            int rel = a ^ b; // bit 0: x mirrored, bit 1: y mirrored
            sx[v] = (rel & 1) != 0 ? -1 : 1;
            sy[v] = (rel & 2) != 0 ? -1 : 1;
            any = true;
        }
        if (!any) {
            return this;
        }
        double[] dx = pinDx.clone();
        double[] dy = pinDy.clone();
        for (int p = 0; p < dx.length; p++) {
            int v = pinNode[p];
            dx[p] *= sx[v];
            dy[p] *= sy[v];
        }
        Placement init = initial.copy();
        for (int v = 0; v < n; v++) {
            if (orient[v] != null) {
                init.orient()[v] = orient[v];
            }
        }
        double[] h = halo;
        if (h != null) {
            h = h.clone();
            for (int v = 0; v < n; v++) {
                if (sx[v] < 0) { // mirrored in x: left and right swap
                    double t = h[4 * v];
                    h[4 * v] = h[4 * v + 2];
                    h[4 * v + 2] = t;
                }
                if (sy[v] < 0) {
                    double t = h[4 * v + 1];
                    h[4 * v + 1] = h[4 * v + 3];
                    h[4 * v + 3] = t;
                }
            }
        }
        return new Netlist(name, nodeNames, width, height, kind, netNames, netWeight, netPinStart, pinNode, dx, dy,
                pinDir, rows, new double[] {coreXl, coreYl, coreXh, coreYh}, rowHeight, init, h);
    }

    /** The unrotated orientations indexed by their {@link #mirrorBits} (N, FN, FS, S). */
    public static final java.util.List<String> UNROTATED = java.util.List.of("N", "FN", "FS", "S");

    /**
     * Mirror bits of an unrotated orientation (bit 0: x mirrored, bit 1: y mirrored; N 0, FN 1, FS 2,
     * S 3; null reads as N, case ignored), -1 for quarter turns (E, W, FE, FW) and anything else.
     */
    public static int mirrorBits(String o) {
        if (o == null) {
            return 0;
        }
        return switch (o.toUpperCase(java.util.Locale.ROOT)) {
            case "N" -> 0;
            case "FN" -> 1;
            case "FS" -> 2;
            case "S" -> 3;
            default -> -1;
        };
    }

    /** Total area of movable nodes. */
    public double movableArea() {
        double a = 0;
        for (int v = 0; v < width.length; v++) {
            if (isMovable(v)) {
                a += width[v] * height[v];
            }
        }
        return a;
    }

    @Override
    public String toString() {
        return "Netlist[" + name + ": " + numNodes() + " nodes (" + numCells + " cells, " + numMacros + " macros, "
                + (numFixed + numFixedNi) + " fixed), " + numNets() + " nets, " + numPins() + " pins, "
                + rows.length + " rows]";
    }
}
