package org.chipplace.metrics;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.parallel.Parallel;

/**
 * Half-perimeter wirelength (HPWL) kernels.
 *
 * <p>Positions {@code x[v], y[v]} are lower-left corners (Bookshelf convention), indexed by node;
 * pin {@code p} of node {@code v} sits at {@code x[v] + w[v]/2 + pinDx[p]},
 * {@code y[v] + h[v]/2 + pinDy[p]}. Pin offsets are used as stored (orientations are not applied).
 * The HPWL of a net is {@code (max px - min px) + (max py - min py)} over its pins; nets with
 * fewer than two pins contribute 0. Results are in database units. Large designs are summed in
 * parallel chunks; the result does not depend on the number of threads.
 */
public final class Hpwl {
    private static final byte MACRO = NodeKind.MACRO.code();
    /** Pin count below which the net loops run as one chunk. */
    static final int PARALLEL_MIN = 1 << 16;

    private Hpwl() {
    }

    /** Unweighted total HPWL. */
    public static double total(Netlist nl, double[] x, double[] y) {
        return sum(nl, x, y, false);
    }

    /** Total HPWL with every net multiplied by its weight ({@link Netlist#netWeights()}). */
    public static double weighted(Netlist nl, double[] x, double[] y) {
        return sum(nl, x, y, true);
    }

    /**
     * Unweighted HPWL between movable macros: only nets with at least two pins on
     * {@link NodeKind#MACRO} nodes count, and only those macro pins span the bounding box.
     */
    public static double macro(Netlist nl, double[] x, double[] y) {
        check(nl, x, y);
        int[] nps = nl.netPinStart();
        int[] pn = nl.pinNode();
        double[] pdx = nl.pinDx();
        double[] pdy = nl.pinDy();
        double[] w = nl.widths();
        double[] h = nl.heights();
        byte[] kind = nl.kinds();
        double total = 0;
        for (int e = 0, m = nl.numNets(); e < m; e++) {
            int count = 0;
            double xl = Double.POSITIVE_INFINITY, xh = Double.NEGATIVE_INFINITY;
            double yl = Double.POSITIVE_INFINITY, yh = Double.NEGATIVE_INFINITY;
            for (int p = nps[e], end = nps[e + 1]; p < end; p++) {
                int v = pn[p];
                if (kind[v] != MACRO) {
                    continue;
                }
                count++;
                double px = x[v] + 0.5 * w[v] + pdx[p];
                double py = y[v] + 0.5 * h[v] + pdy[p];
                xl = Math.min(xl, px);
                xh = Math.max(xh, px);
                yl = Math.min(yl, py);
                yh = Math.max(yh, py);
            }
            if (count >= 2) {
                total += (xh - xl) + (yh - yl);
            }
        }
        return total;
    }

    /**
     * Unweighted HPWL of every net into {@code out} (length at least {@code numNets}); nets with
     * fewer than two pins get 0.
     */
    public static void perNet(Netlist nl, double[] x, double[] y, double[] out) {
        check(nl, x, y);
        if (out.length < nl.numNets()) {
            throw new IllegalArgumentException("out has length " + out.length + " < numNets " + nl.numNets());
        }
        int m = nl.numNets();
        int chunks = netChunks(nl, 64);
        Parallel.forEachChunk(chunks, true, c -> {
            double[] box = new double[4];
            for (int e = Parallel.start(c, chunks, m), end = Parallel.start(c + 1, chunks, m); e < end; e++) {
                out[e] = length(nl, x, y, e, box);
            }
        });
    }

    /** Unweighted HPWL of net {@code e} (0 for fewer than two pins). */
    public static double net(Netlist nl, double[] x, double[] y, int e) {
        return length(nl, x, y, e, new double[4]);
    }

    /** HPWL of net {@code e} with a caller-supplied scratch box (0 for fewer than two pins). */
    private static double length(Netlist nl, double[] x, double[] y, int e, double[] box) {
        int[] nps = nl.netPinStart();
        if (nps[e + 1] - nps[e] < 2) {
            return 0;
        }
        netBox(nl, x, y, e, box);
        return (box[1] - box[0]) + (box[3] - box[2]);
    }

    /**
     * Bounding box of the pins of net {@code e} (pins at lower-left + size/2 + offset), written to
     * {@code box} as {xl, xh, yl, yh}; infinities for a net without pins.
     */
    static void netBox(Netlist nl, double[] x, double[] y, int e, double[] box) {
        int[] nps = nl.netPinStart();
        int[] pn = nl.pinNode();
        double[] pdx = nl.pinDx();
        double[] pdy = nl.pinDy();
        double[] w = nl.widths();
        double[] h = nl.heights();
        double xl = Double.POSITIVE_INFINITY, xh = Double.NEGATIVE_INFINITY;
        double yl = Double.POSITIVE_INFINITY, yh = Double.NEGATIVE_INFINITY;
        for (int p = nps[e], p1 = nps[e + 1]; p < p1; p++) {
            int v = pn[p];
            double px = x[v] + 0.5 * w[v] + pdx[p];
            double py = y[v] + 0.5 * h[v] + pdy[p];
            xl = Math.min(xl, px);
            xh = Math.max(xh, px);
            yl = Math.min(yl, py);
            yh = Math.max(yh, py);
        }
        box[0] = xl;
        box[1] = xh;
        box[2] = yl;
        box[3] = yh;
    }

    private static double sum(Netlist nl, double[] x, double[] y, boolean weighted) {
        check(nl, x, y);
        int m = nl.numNets();
        double[] wt = nl.netWeights();
        int chunks = netChunks(nl, 64);
        double[] partial = new double[chunks];
        Parallel.forEachChunk(chunks, true, c -> {
            double s = 0;
            double[] box = new double[4];
            for (int e = Parallel.start(c, chunks, m), end = Parallel.start(c + 1, chunks, m); e < end; e++) {
                double l = length(nl, x, y, e, box);
                s += weighted ? wt[e] * l : l;
            }
            partial[c] = s;
        });
        double total = 0;
        for (double s : partial) {
            total += s;
        }
        return total;
    }

    /**
     * Number of even chunks ({@link Parallel#start}) over the nets of {@code nl}: one below
     * {@value #PARALLEL_MIN} pins, otherwise one per {@code PARALLEL_MIN / 4} pins, at most {@code max}.
     */
    static int netChunks(Netlist nl, int max) {
        return Parallel.evenChunks(nl.numPins(), PARALLEL_MIN, PARALLEL_MIN / 4, max);
    }

    static void check(Netlist nl, double[] x, double[] y) {
        if (x.length < nl.numNodes() || y.length < nl.numNodes()) {
            throw new IllegalArgumentException("position arrays (" + x.length + ", " + y.length
                    + ") shorter than numNodes " + nl.numNodes());
        }
    }
}
