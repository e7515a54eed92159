package org.chipplace.placer.detailed;

import java.util.Arrays;
import org.chipplace.netlist.Netlist;
import org.chipplace.parallel.Parallel;

/**
 * Cached weighted HPWL and bounding box of every net, with trial moves of a few nodes evaluated
 * incrementally: {@link #begin()}, {@link #move} per moved node, {@link #delta()}, then
 * {@link #commit()} or {@link #abort()}. Pin and net layout come from {@link NetPins}.
 * Positions are mirrored in an interleaved {@code xy} array (one cache line per pin visit) and
 * written back to the placement on commit. Only the nets of moved nodes are recomputed; nets of more than {@value #BIG} pins reuse the
 * cached box unless a moved pin lay on its boundary. A trial may move any number of nodes: above
 * {@value #SMALL} moved nodes, moved positions are looked up by a per-node stamp and the boxes of
 * large nets are extended in one sweep over the moved pins (single-segment clustering moves whole
 * segments).
 */
final class NetBoxes extends NetPins {
    private static final int BIG = 24;
    /** Trials with at most this many moved nodes find moved positions by a linear scan. */
    private static final int SMALL = 8;
    private static final double EPS = 1e-9;
    private final double[] xy;
    private final double[] x;
    private final double[] y;
    private final double[] val;
    private final double[] bxl;
    private final double[] bxh;
    private final double[] byl;
    private final double[] byh;
    private final int[] mark;
    /** Per net: its index in {@code aff} while marked in the current epoch. */
    private final int[] affPos;
    /** Per node: {@code epoch} when moved in the current trial, and its index in {@code mv}. */
    private final int[] movedStamp;
    private final int[] movedIdx;
    private int epoch;
    private int[] aff = new int[64];
    private double[] newVal = new double[64];
    private double[] nb = new double[256];
    private int nAff;
    private final double[] scratch = new double[4];
    private int[] mv = new int[SMALL];
    private double[] mx = new double[SMALL];
    private double[] my = new double[SMALL];
    /** Bulk trials: per affected net the extended cached box, and whether it is still valid. */
    private double[] acc = new double[64];
    private boolean[] accOk = new boolean[16];
    private int nMoved;

    NetBoxes(Netlist nl, double[] x, double[] y, int threads) {
        super(nl);
        this.x = x;
        this.y = y;
        int n = nl.numNodes();
        xy = new double[2 * n];
        for (int v = 0; v < n; v++) {
            xy[2 * v] = x[v];
            xy[2 * v + 1] = y[v];
        }
        int m = nl.numNets();
        val = new double[m];
        bxl = new double[m];
        bxh = new double[m];
        byl = new double[m];
        byh = new double[m];
        mark = new int[m];
        affPos = new int[m];
        movedStamp = new int[n];
        movedIdx = new int[n];
        Parallel.forRange(threads, m, (a, b) -> {
            double[] bb = new double[4];
            for (int e = a; e < b; e++) {
                val[e] = box(e, bb);
                bxl[e] = bb[0];
                bxh[e] = bb[1];
                byl[e] = bb[2];
                byh[e] = bb[3];
            }
        });
    }

    /** Sum of the cached weighted net HPWLs. */
    double total() {
        double t = 0;
        for (double v : val) {
            t += v;
        }
        return t;
    }

    /** Bounding box of net e's pins other than those of node skip, into out[xl, xh, yl, yh]; false if none. */
    boolean boxWithout(int e, int skip, double[] out) {
        double xl = Double.MAX_VALUE;
        double xh = -Double.MAX_VALUE;
        double yl = Double.MAX_VALUE;
        double yh = -Double.MAX_VALUE;
        boolean any = false;
        for (int q = ps[e]; q < ps[e + 1]; q++) {
            int v = pinNode[q];
            if (v == skip) {
                continue;
            }
            double px = xy[2 * v] + pox[q];
            double py = xy[2 * v + 1] + poy[q];
            xl = Math.min(xl, px);
            xh = Math.max(xh, px);
            yl = Math.min(yl, py);
            yh = Math.max(yh, py);
            any = true;
        }
        out[0] = xl;
        out[1] = xh;
        out[2] = yl;
        out[3] = yh;
        return any;
    }

    /**
     * {@link #boxWithout}, but for nets of more than {@value #BIG} pins the cached box is returned when
     * no pin of node skip lies on its boundary (the other pins then span exactly that box).
     */
    boolean boxWithoutCached(int e, int skip, double[] out) {
        if (ps[e + 1] - ps[e] > BIG) {
            boolean inside = true;
            for (int k = nodePinStart[skip]; k < nodePinStart[skip + 1] && inside; k++) {
                int q = nodePins[k];
                if (pinNet[q] == e) {
                    double px = xy[2 * skip] + pox[q];
                    double py = xy[2 * skip + 1] + poy[q];
                    inside = px > bxl[e] + EPS && px < bxh[e] - EPS && py > byl[e] + EPS && py < byh[e] - EPS;
                }
            }
            if (inside) {
                out[0] = bxl[e];
                out[1] = bxh[e];
                out[2] = byl[e];
                out[3] = byh[e];
                return true;
            }
        }
        return boxWithout(e, skip, out);
    }

    /** Cached weighted HPWL of net e. */
    double value(int e) {
        return val[e];
    }

    void begin() {
        epoch++;
        if (epoch == Integer.MAX_VALUE) {
            Arrays.fill(mark, 0);
            Arrays.fill(movedStamp, 0);
            epoch = 1;
        }
        nAff = 0;
        nMoved = 0;
    }

    /** Records a trial move of node v to lower-left (nx, ny); each node at most once per trial. */
    void move(int v, double nx, double ny) {
        if (nMoved == mv.length) {
            mv = Arrays.copyOf(mv, nMoved * 2);
            mx = Arrays.copyOf(mx, nMoved * 2);
            my = Arrays.copyOf(my, nMoved * 2);
        }
        movedStamp[v] = epoch;
        movedIdx[v] = nMoved;
        mv[nMoved] = v;
        mx[nMoved] = nx;
        my[nMoved++] = ny;
        for (int k = nodePinStart[v]; k < nodePinStart[v + 1]; k++) {
            int e = pinNet[nodePins[k]];
            if (mark[e] != epoch) {
                mark[e] = epoch;
                if (nAff == aff.length) {
                    aff = Arrays.copyOf(aff, nAff * 2);
                    newVal = Arrays.copyOf(newVal, nAff * 2);
                    nb = Arrays.copyOf(nb, nAff * 8);
                }
                affPos[e] = nAff;
                aff[nAff++] = e;
            }
        }
    }

    /** Weighted HPWL change of the recorded trial move. */
    double delta() {
        double d = 0;
        double[] bb = scratch;
        boolean bulk = nMoved > SMALL;
        if (bulk) {
            extendLargeBoxes();
        }
        for (int k = 0; k < nAff; k++) {
            int e = aff[k];
            double v;
            if (bulk && ps[e + 1] - ps[e] > BIG && accOk[k]) {
                System.arraycopy(acc, 4 * k, bb, 0, 4);
                v = wt[e] * (bb[1] - bb[0] + bb[3] - bb[2]);
            } else {
                v = bulk ? box(e, bb) : trialBox(e, bb);
            }
            newVal[k] = v;
            System.arraycopy(bb, 0, nb, 4 * k, 4);
            d += v - val[e];
        }
        return d;
    }

    /** True when a delta counts as a strict improvement. */
    static boolean improves(double delta) {
        return delta < -EPS;
    }

    /** Applies the trial move (positions and cached boxes). */
    void commit() {
        for (int k = 0; k < nAff; k++) {
            int e = aff[k];
            val[e] = newVal[k];
            bxl[e] = nb[4 * k];
            bxh[e] = nb[4 * k + 1];
            byl[e] = nb[4 * k + 2];
            byh[e] = nb[4 * k + 3];
        }
        for (int j = 0; j < nMoved; j++) {
            int v = mv[j];
            x[v] = mx[j];
            y[v] = my[j];
            xy[2 * v] = mx[j];
            xy[2 * v + 1] = my[j];
        }
        nMoved = 0;
    }

    /** Drops the trial move. */
    void abort() {
        nMoved = 0;
    }

    /**
     * For a trial of many nodes: the cached box of every affected net of more than {@value #BIG} pins,
     * extended by the moved pins' new positions, valid unless a moved pin lay on the cached boundary.
     */
    private void extendLargeBoxes() {
        if (accOk.length < nAff) {
            accOk = new boolean[2 * nAff];
            acc = new double[8 * nAff];
        }
        for (int k = 0; k < nAff; k++) {
            int e = aff[k];
            accOk[k] = true;
            acc[4 * k] = bxl[e];
            acc[4 * k + 1] = bxh[e];
            acc[4 * k + 2] = byl[e];
            acc[4 * k + 3] = byh[e];
        }
        for (int j = 0; j < nMoved; j++) {
            int v = mv[j];
            for (int k = nodePinStart[v]; k < nodePinStart[v + 1]; k++) {
                int q = nodePins[k];
                int e = pinNet[q];
                int a = affPos[e];
                if (ps[e + 1] - ps[e] <= BIG || !accOk[a]) {
                    continue;
                }
                double ox = xy[2 * v] + pox[q];
                double oy = xy[2 * v + 1] + poy[q];
                if (ox <= bxl[e] + EPS || ox >= bxh[e] - EPS || oy <= byl[e] + EPS || oy >= byh[e] - EPS) {
                    accOk[a] = false;
                    continue;
                }
                double px = mx[j] + pox[q];
                double py = my[j] + poy[q];
                acc[4 * a] = Math.min(acc[4 * a], px);
                acc[4 * a + 1] = Math.max(acc[4 * a + 1], px);
                acc[4 * a + 2] = Math.min(acc[4 * a + 2], py);
                acc[4 * a + 3] = Math.max(acc[4 * a + 3], py);
            }
        }
    }

    private double trialBox(int e, double[] bb) {
        int deg = ps[e + 1] - ps[e];
        if (deg < 2) {
            bb[0] = bb[1] = bb[2] = bb[3] = 0;
            return 0;
        }
        if (deg > BIG) {
            double xl = bxl[e];
            double xh = bxh[e];
            double yl = byl[e];
            double yh = byh[e];
            boolean ok = true;
            for (int j = 0; j < nMoved && ok; j++) {
                int v = mv[j];
                for (int k = nodePinStart[v]; k < nodePinStart[v + 1]; k++) {
                    int q = nodePins[k];
                    if (pinNet[q] != e) {
                        continue;
                    }
                    double ox = xy[2 * v] + pox[q];
                    double oy = xy[2 * v + 1] + poy[q];
                    if (ox <= bxl[e] + EPS || ox >= bxh[e] - EPS || oy <= byl[e] + EPS || oy >= byh[e] - EPS) {
                        ok = false;
                        break;
                    }
                    double px = mx[j] + pox[q];
                    double py = my[j] + poy[q];
                    xl = Math.min(xl, px);
                    xh = Math.max(xh, px);
                    yl = Math.min(yl, py);
                    yh = Math.max(yh, py);
                }
            }
            if (ok) {
                bb[0] = xl;
                bb[1] = xh;
                bb[2] = yl;
                bb[3] = yh;
                return wt[e] * (xh - xl + yh - yl);
            }
        }
        return box(e, bb);
    }

    /** Weighted HPWL of net e with trial positions of moved nodes; box into bb. */
    private double box(int e, double[] bb) {
        int deg = ps[e + 1] - ps[e];
        double xl = Double.MAX_VALUE;
        double xh = -Double.MAX_VALUE;
        double yl = Double.MAX_VALUE;
        double yh = -Double.MAX_VALUE;
        for (int q = ps[e]; q < ps[e + 1]; q++) {
            int v = pinNode[q];
            double px = xy[2 * v];
            double py = xy[2 * v + 1];
            if (nMoved <= SMALL) {
                for (int j = 0; j < nMoved; j++) {
                    if (mv[j] == v) {
                        px = mx[j];
                        py = my[j];
                    }
                }
            } else if (movedStamp[v] == epoch) {
                px = mx[movedIdx[v]];
                py = my[movedIdx[v]];
            }
            px += pox[q];
            py += poy[q];
            xl = Math.min(xl, px);
            xh = Math.max(xh, px);
            yl = Math.min(yl, py);
            yh = Math.max(yh, py);
        }
        if (deg < 2) {
            bb[0] = bb[1] = bb[2] = bb[3] = 0;
            return 0;
        }
        bb[0] = xl;
        bb[1] = xh;
        bb[2] = yl;
        bb[3] = yh;
        return wt[e] * (xh - xl + yh - yl);
    }
}
