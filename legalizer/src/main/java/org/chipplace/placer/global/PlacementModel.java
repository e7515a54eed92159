package org.chipplace.placer.global;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;

/**
 * Flat optimisation model of a global placement: the movable objects (the moving nodes
 * {@code 0..numReal-1}, then ePlace's filler cells {@code numReal..numObjects-1}) with centre
 * coordinates, sizes and bounds, and the pins of all nets in {@link Wirelength}'s layout.
 */
final class PlacementModel {
    final double coreXl, coreYl, coreXh, coreYh;
    final int numReal;
    int numObjects;
    /** Netlist node of each real object. */
    final int[] objNode;
    /** Whether each real object is a macro (charge scaled by the target density). */
    final boolean[] objMacro;
    double[] w, h, cx, cy;
    /** Nets in model order: pins of net {@code e} are {@code netStart[e] .. netStart[e+1]-1}. */
    int[] netStart;
    double[] netW;
    int[] pinObj;
    double[] offX, offY;
    final int[] objPinStart, objPins;
    /**
     * Model net of each netlist net after {@link #sortSpatially} renumbered the nets, or null while the
     * model's nets are the netlist's (sums over nets follow the netlist's order through it).
     */
    int[] newNet;
    /** Model pin of each netlist pin once the nets were renumbered, else null. */
    private int[] modelPin;
    /** Number of pins on weighted nets per real object (for the preconditioner). */
    final double[] objPinCount;

    PlacementModel(Netlist nl, Placement pl, boolean[] movable) {
        int n = nl.numNodes();
        if (movable.length != n || pl.size() != n) {
            throw new IllegalArgumentException("movable/placement length differs from the node count " + n);
        }
        coreXl = nl.coreXl();
        coreYl = nl.coreYl();
        coreXh = nl.coreXh();
        coreYh = nl.coreYh();
        if (!(coreXh > coreXl && coreYh > coreYl)) {
            throw new IllegalArgumentException("empty core area");
        }
        int[] objOf = new int[n];
        int k = 0;
        for (int v = 0; v < n; v++) {
            objOf[v] = movable[v] ? k++ : -1;
        }
        numReal = k;
        numObjects = k;
        objNode = new int[k];
        objMacro = new boolean[k];
        w = new double[k];
        h = new double[k];
        cx = new double[k];
        cy = new double[k];
        double[] nw = nl.widths(), nh = nl.heights(), px = pl.x(), py = pl.y();
        for (int v = 0; v < n; v++) {
            int o = objOf[v];
            if (o >= 0) {
                objNode[o] = v;
                objMacro[o] = nl.kind(v) == NodeKind.MACRO;
                w[o] = nw[v];
                h[o] = nh[v];
                cx[o] = px[v] + nw[v] / 2;
                cy[o] = py[v] + nh[v] / 2;
            }
        }
        netStart = nl.netPinStart();
        int m = nl.numNets();
        netW = new double[m];
        double[] weights = nl.netWeights();
        for (int e = 0; e < m; e++) {
            netW[e] = netStart[e + 1] - netStart[e] >= 2 ? weights[e] : 0;
        }
        int np = nl.numPins();
        int[] pn = nl.pinNode();
        double[] dx = nl.pinDx(), dy = nl.pinDy();
        pinObj = new int[np];
        offX = new double[np];
        offY = new double[np];
        int[] count = new int[k + 1];
        for (int p = 0; p < np; p++) {
            int v = pn[p];
            int o = objOf[v];
            pinObj[p] = o;
            if (o >= 0) {
                offX[p] = dx[p];
                offY[p] = dy[p];
                count[o + 1]++;
            } else {
                offX[p] = px[v] + nw[v] / 2 + dx[p];
                offY[p] = py[v] + nh[v] / 2 + dy[p];
            }
        }
        for (int o = 0; o < k; o++) {
            count[o + 1] += count[o];
        }
        objPinStart = count.clone();
        objPins = new int[count[k]];
        int[] fill = count.clone();
        for (int p = 0; p < np; p++) {
            if (pinObj[p] >= 0) {
                objPins[fill[pinObj[p]]++] = p;
            }
        }
        objPinCount = new double[k];
        for (int e = 0; e < m; e++) {
            if (netW[e] != 0) {
                for (int p = netStart[e]; p < netStart[e + 1]; p++) {
                    if (pinObj[p] >= 0) {
                        objPinCount[pinObj[p]]++;
                    }
                }
            }
        }
    }

    /**
     * Adds {@code count} fillers of size {@code fw x fh} at seeded uniformly random positions in the core.
     */
    void addFillers(int count, double fw, double fh, SplittableRandom rnd) {
        numObjects = numReal + count;
        w = Arrays.copyOf(w, numObjects);
        h = Arrays.copyOf(h, numObjects);
        cx = Arrays.copyOf(cx, numObjects);
        cy = Arrays.copyOf(cy, numObjects);
        for (int i = numReal; i < numObjects; i++) {
            w[i] = fw;
            h[i] = fh;
            cx[i] = coreXl + fw / 2 + rnd.nextDouble() * Math.max(0, coreXh - coreXl - fw);
            cy[i] = coreYl + fh / 2 + rnd.nextDouble() * Math.max(0, coreYh - coreYl - fh);
        }
    }

    /**
     * Renumbers the objects in the order of the {@code m x m} density bins their centres fall in (bin
     * column, then row; real objects and fillers each among themselves, ties in the old order). The
     * density and wirelength kernels walk the objects in index order; after this, consecutive objects
     * touch neighbouring bins and mostly the same cache lines instead of bins all over the grid. Every
     * per-object array and the pins' objects follow. The nets are renumbered after the objects
     * ({@link #sortNets}), so that the wirelength kernels' per-pin arrays are walked near-sequentially
     * too; each object's pins stay in the netlist's pin order and {@link #newNet} keeps the netlist's net
     * order for sums, so the gradients and the HPWL come out to the same bits as before the renumbering.
     */
    void sortSpatially(int m) {
        int n = numObjects;
        double bw = (coreXh - coreXl) / m, bh = (coreYh - coreYl) / m;
        long[] key = new long[n];
        for (int o = 0; o < n; o++) {
            int ix = Math.max(0, Math.min(m - 1, (int) Math.floor((cx[o] - coreXl) / bw)));
            int iy = Math.max(0, Math.min(m - 1, (int) Math.floor((cy[o] - coreYl) / bh)));
            key[o] = ((long) (ix * m + iy) << 32) | o;
        }
        Arrays.sort(key, 0, numReal);
        Arrays.sort(key, numReal, n);
        int[] old = new int[n]; // new index -> old
        int[] inv = new int[n]; // old index -> new
        for (int i = 0; i < n; i++) {
            old[i] = (int) key[i];
            inv[old[i]] = i;
        }
        w = permuted(w, old);
        h = permuted(h, old);
        cx = permuted(cx, old);
        cy = permuted(cy, old);
        int[] node = objNode.clone();
        boolean[] macro = objMacro.clone();
        double[] pins = objPinCount.clone();
        for (int i = 0; i < numReal; i++) {
            objNode[i] = node[old[i]];
            objMacro[i] = macro[old[i]];
            objPinCount[i] = pins[old[i]];
        }
        for (int p = 0; p < pinObj.length; p++) {
            if (pinObj[p] >= 0) {
                pinObj[p] = inv[pinObj[p]];
            }
        }
        sortNets();
        Arrays.fill(objPinStart, 0);
        for (int o : pinObj) {
            if (o >= 0) {
                objPinStart[o + 1]++;
            }
        }
        for (int o = 0; o < numReal; o++) {
            objPinStart[o + 1] += objPinStart[o];
        }
        int[] fill = Arrays.copyOf(objPinStart, numReal);
        for (int p0 = 0; p0 < modelPin.length; p0++) { // netlist pin order: each object's gradient sums as before
            int p = modelPin[p0];
            if (pinObj[p] >= 0) {
                objPins[fill[pinObj[p]]++] = p;
            }
        }
    }

    /** {@link #modelPin}: the model pin of each netlist pin, null before the nets were renumbered. */
    int[] modelPin() {
        return modelPin;
    }

    /**
     * Renumbers the nets by the least (already renumbered) object on each, so that the nets of
     * neighbouring objects, and their pins, sit together in memory; nets with fixed pins only go last.
     * Each net keeps its pins in their order; {@link #newNet} and {@link #modelPin} follow.
     */
    private void sortNets() {
        int ne = netW.length, np = pinObj.length;
        long[] key = new long[ne];
        for (int e = 0; e < ne; e++) {
            int least = numReal;
            for (int p = netStart[e]; p < netStart[e + 1]; p++) {
                if (pinObj[p] >= 0 && pinObj[p] < least) {
                    least = pinObj[p];
                }
            }
            key[e] = ((long) least << 32) | e;
        }
        Arrays.sort(key);
        int[] start = new int[ne + 1];
        double[] weight = new double[ne];
        int[] obj = new int[np];
        double[] ox = new double[np], oy = new double[np];
        int[] newPin = new int[np];
        int[] inv = new int[ne];
        int q = 0;
        for (int k = 0; k < ne; k++) {
            int e = (int) key[k];
            inv[e] = k;
            weight[k] = netW[e];
            start[k] = q;
            for (int p = netStart[e]; p < netStart[e + 1]; p++, q++) {
                obj[q] = pinObj[p];
                ox[q] = offX[p];
                oy[q] = offY[p];
                newPin[p] = q;
            }
        }
        start[ne] = q;
        if (newNet == null) {
            newNet = inv;
            modelPin = newPin;
        } else { // compose with the earlier renumbering
            for (int e = 0; e < ne; e++) {
                newNet[e] = inv[newNet[e]];
            }
            for (int p = 0; p < np; p++) {
                modelPin[p] = newPin[modelPin[p]];
            }
        }
        netStart = start;
        netW = weight;
        pinObj = obj;
        offX = ox;
        offY = oy;
    }

    private static double[] permuted(double[] a, int[] old) {
        double[] out = new double[a.length];
        for (int i = 0; i < old.length; i++) {
            out[i] = a[old[i]];
        }
        return out;
    }

    /** Clamps the centres of objects {@code [o0, o1)} so that the objects stay inside the core. */
    void clamp(int o0, int o1, double[] x, double[] y) {
        for (int o = o0; o < o1; o++) {
            x[o] = clamp1(x[o], coreXl + w[o] / 2, coreXh - w[o] / 2);
            y[o] = clamp1(y[o], coreYl + h[o] / 2, coreYh - h[o] / 2);
        }
    }

    private static double clamp1(double v, double lo, double hi) {
        if (lo > hi) {
            return (lo + hi) / 2;
        }
        return v < lo ? lo : (v > hi ? hi : v);
    }

    /** Writes the real objects' positions (lower-left corners) into {@code pl}. */
    void writeBack(Placement pl, double[] x, double[] y) {
        double[] px = pl.x(), py = pl.y();
        for (int o = 0; o < numReal; o++) {
            int v = objNode[o];
            px[v] = x[o] - w[o] / 2;
            py[v] = y[o] - h[o] / 2;
        }
    }

    /** Weighted HPWL at the given object centres (single-threaded; for reporting). */
    double hpwl(double[] x, double[] y) {
        int np = pinObj.length;
        double[] px = new double[np], py = new double[np];
        Wirelength.pinPositions(0, np, pinObj, offX, offY, x, y, px, py);
        return Wirelength.hpwl(0, netW.length, newNet, netStart, netW, px, py); // in the netlist's net order
    }
}
