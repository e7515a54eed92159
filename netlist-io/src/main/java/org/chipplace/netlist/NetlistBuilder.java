package org.chipplace.netlist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Netlist} node by node and net by net (used by the parsers, the synthetic
 * generator and tests). Movable nodes are classified at {@link #build()}: taller than the most
 * common row height means {@link NodeKind#MACRO}, otherwise {@link NodeKind#CELL}; nodes marked by
 * {@link #setStandardCell} (LEF {@code CLASS CORE}) are cells also when they are an integral
 * number of rows tall (multi-row-height cells), and {@link #setMacro} forces a macro.
 *
 * <p>Not thread-safe; single use.
 */
public final class NetlistBuilder {
    private static final double EPS = 1e-9;
    private final String name;
    private final List<String> nodeNames = new ArrayList<>();
    private final Map<String, Integer> nodeIndex = new HashMap<>();
    private double[] width = new double[16];
    private double[] height = new double[16];
    private byte[] fixedKind = new byte[16]; // 0 movable, 1 fixed, 2 fixed NI, 3 movable macro, 4 standard cell
    private double[] x = new double[16];
    private double[] y = new double[16];
    private String[] orient = new String[16];
    private final List<String> netNames = new ArrayList<>();
    private double[] netWeight = new double[16];
    private int[] netPinStart = new int[17];
    private int[] pinNode = new int[64];
    private double[] pinDx = new double[64];
    private double[] pinDy = new double[64];
    private byte[] pinDir = new byte[64];
    private int numPins;
    private final List<Row> rows = new ArrayList<>();
    private double[] core;
    private double[] halo; // 4 per node, allocated by the first setHalo

    public NetlistBuilder(String name) {
        this.name = name;
    }

    /** Number of nodes added so far. */
    public int numNodes() {
        return nodeNames.size();
    }

    /** Number of nets added so far. */
    public int numNets() {
        return netNames.size();
    }

    /** Index of a node added earlier, or -1. */
    public int nodeIndex(String nodeName) {
        Integer i = nodeIndex.get(nodeName);
        return i == null ? -1 : i;
    }

    /** Adds a movable node (cell or macro, decided at {@link #build()}); returns its index. */
    public int addMovable(String nodeName, double w, double h) {
        return addNode(nodeName, w, h, (byte) 0);
    }

    /** Adds a fixed node; {@code nonImage} for a {@code terminal_NI}. Returns its index. */
    public int addFixed(String nodeName, double w, double h, boolean nonImage) {
        return addNode(nodeName, w, h, nonImage ? (byte) 2 : (byte) 1);
    }

    private int addNode(String nodeName, double w, double h, byte fk) {
        if (!(w >= 0) || !(h >= 0) || Double.isInfinite(w) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("node " + nodeName + ": invalid size " + w + " x " + h);
        }
        int i = nodeNames.size();
        if (nodeIndex.putIfAbsent(nodeName, i) != null) {
            throw new IllegalArgumentException("duplicate node name " + nodeName);
        }
        nodeNames.add(nodeName);
        if (i == width.length) {
            int n = i * 2;
            width = Arrays.copyOf(width, n);
            height = Arrays.copyOf(height, n);
            fixedKind = Arrays.copyOf(fixedKind, n);
            x = Arrays.copyOf(x, n);
            y = Arrays.copyOf(y, n);
            orient = Arrays.copyOf(orient, n);
        }
        width[i] = w;
        height[i] = h;
        fixedKind[i] = fk;
        orient[i] = "N";
        return i;
    }

    /** Sets the initial lower-left position and orientation of a node. */
    public NetlistBuilder setPosition(int node, double px, double py, String orientation) {
        x[node] = px;
        y[node] = py;
        orient[node] = orientation == null ? "N" : orientation;
        return this;
    }

    /** Marks a node fixed (as {@code /FIXED} or {@code /FIXED_NI} in a {@code .pl}). */
    public NetlistBuilder setFixed(int node, boolean nonImage) {
        fixedKind[node] = nonImage ? (byte) 2 : (byte) 1;
        return this;
    }

    /**
     * Marks a movable node as a {@link NodeKind#MACRO} whatever its height (for example a LEF
     * {@code CLASS BLOCK} macro no taller than a row). Has no effect on fixed nodes.
     */
    public NetlistBuilder setMacro(int node) {
        if (fixedKind[node] == 0) {
            fixedKind[node] = 3;
        }
        return this;
    }

    /**
     * Marks a movable node as a standard cell (a LEF {@code CLASS CORE} macro): at {@link #build()} it
     * is a {@link NodeKind#CELL} when its height is at most the row height or an integral multiple of
     * it (a multi-row-height cell, see {@link Netlist#rowSpan}), else a {@link NodeKind#MACRO}. Has no
     * effect on fixed nodes.
     */
    public NetlistBuilder setStandardCell(int node) {
        if (fixedKind[node] == 0) {
            fixedKind[node] = 4;
        }
        return this;
    }

    /** Starts a new net; following {@link #addPin} calls add to it. Returns its index. */
    public int addNet(String netName, double weight) {
        int e = netNames.size();
        netNames.add(netName);
        if (e == netWeight.length) {
            netWeight = Arrays.copyOf(netWeight, e * 2);
        }
        if (e + 2 > netPinStart.length) {
            netPinStart = Arrays.copyOf(netPinStart, (e + 2) * 2);
        }
        netWeight[e] = weight;
        netPinStart[e + 1] = numPins;
        return e;
    }

    /** Sets the weight of a net added earlier. */
    public NetlistBuilder setNetWeight(int net, double weight) {
        netWeight[net] = weight;
        return this;
    }

    /** Adds a pin of {@code node} at offset (dx, dy) from its centre to the current net. */
    public int addPin(int node, double dx, double dy, byte direction) {
        if (netNames.isEmpty()) {
            throw new IllegalStateException("addPin before addNet");
        }
        if (node < 0 || node >= nodeNames.size()) {
            throw new IllegalArgumentException("pin on unknown node " + node);
        }
        if (numPins == pinNode.length) {
            int n = numPins * 2;
            pinNode = Arrays.copyOf(pinNode, n);
            pinDx = Arrays.copyOf(pinDx, n);
            pinDy = Arrays.copyOf(pinDy, n);
            pinDir = Arrays.copyOf(pinDir, n);
        }
        pinNode[numPins] = node;
        pinDx[numPins] = dx;
        pinDy[numPins] = dy;
        pinDir[numPins] = direction;
        numPins++;
        netPinStart[netNames.size()] = numPins;
        return numPins - 1;
    }

    public NetlistBuilder addRow(Row row) {
        rows.add(row);
        return this;
    }

    /** Overrides the core area (otherwise the bounding box of the rows). */
    public NetlistBuilder setCore(double xl, double yl, double xh, double yh) {
        core = new double[] {xl, yl, xh, yh};
        return this;
    }

    /**
     * Sets node {@code node}'s placement halo (DEF {@code + HALO left bottom right top}, database
     * units): the margins around it that standard cells keep clear of. Negative margins are errors.
     */
    public NetlistBuilder setHalo(int node, double left, double bottom, double right, double top) {
        if (!(left >= 0 && bottom >= 0 && right >= 0 && top >= 0)) {
            throw new IllegalArgumentException("halo margins must be >= 0: " + left + " " + bottom + " " + right + " " + top);
        }
        if (halo == null) {
            halo = new double[Math.max(16, width.length) * 4];
        }
        if (4 * node + 3 >= halo.length) {
            halo = Arrays.copyOf(halo, Math.max(halo.length * 2, 4 * node + 4));
        }
        halo[4 * node] = left;
        halo[4 * node + 1] = bottom;
        halo[4 * node + 2] = right;
        halo[4 * node + 3] = top;
        return this;
    }

    /** Builds the immutable netlist; the builder must not be used afterwards. */
    public Netlist build() {
        int n = nodeNames.size();
        int m = netNames.size();
        Row[] rowArr = rows.toArray(new Row[0]);
        Arrays.sort(rowArr, Comparator.comparingDouble(Row::y).thenComparingDouble(Row::x));
        double rowHeight = mostCommonHeight(rowArr);
        double[] c = core;
        if (c == null) {
            c = new double[] {0, 0, 0, 0};
            if (rowArr.length > 0) {
                c = new double[] {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
                for (Row r : rowArr) {
                    c[0] = Math.min(c[0], r.x());
                    c[1] = Math.min(c[1], r.y());
                    c[2] = Math.max(c[2], r.xMax());
                    c[3] = Math.max(c[3], r.yMax());
                }
            }
        }
        byte[] kind = new byte[n];
        for (int i = 0; i < n; i++) {
            kind[i] = switch (fixedKind[i]) {
                case 1 -> NodeKind.FIXED.code();
                case 2 -> NodeKind.FIXED_NI.code();
                case 3 -> NodeKind.MACRO.code();
                case 4 -> Double.isNaN(rowHeight) || height[i] <= rowHeight + EPS || rowMultiple(height[i], rowHeight)
                        ? NodeKind.CELL.code() : NodeKind.MACRO.code();
                default -> !Double.isNaN(rowHeight) && height[i] > rowHeight + EPS
                        ? NodeKind.MACRO.code() : NodeKind.CELL.code();
            };
        }
        int[] nps = Arrays.copyOf(netPinStart, m + 1);
        Placement initial = new Placement(Arrays.copyOf(x, n), Arrays.copyOf(y, n), Arrays.copyOf(orient, n));
        return new Netlist(name, nodeNames.toArray(new String[0]), Arrays.copyOf(width, n),
                Arrays.copyOf(height, n), kind, netNames.toArray(new String[0]), Arrays.copyOf(netWeight, m),
                nps, Arrays.copyOf(pinNode, numPins), Arrays.copyOf(pinDx, numPins), Arrays.copyOf(pinDy, numPins),
                Arrays.copyOf(pinDir, numPins), rowArr, c, rowHeight, initial,
                halo == null ? null : Arrays.copyOf(halo, 4 * n));
    }

    /** True when {@code h} is an integral number (at least 1) of rows of height {@code rh}, within 1e-6 relative. */
    static boolean rowMultiple(double h, double rh) {
        double k = Math.rint(h / rh);
        return k >= 1 && Math.abs(h - k * rh) <= 1e-6 * Math.max(1, rh);
    }

    private static double mostCommonHeight(Row[] rowArr) {
        Map<Double, Integer> count = new HashMap<>();
        double best = Double.NaN;
        int bestCount = 0;
        for (Row r : rowArr) {
            int k = count.merge(r.height(), 1, Integer::sum);
            if (k > bestCount || (k == bestCount && r.height() < best)) {
                best = r.height();
                bestCount = k;
            }
        }
        return best;
    }
}
