package org.chipplace.placer.detailed;

import java.util.Arrays;
import org.chipplace.netlist.Netlist;

/**
 * Independent-set matching (Chen et al., "NTUplace3: an analytical placer for large-scale mixed-size
 * designs with preplaced blocks and density constraints", TCAD 2008; Lin et al., "ABCDPlace:
 * accelerated batch-based concurrent detailed placement on multithreaded CPUs and GPUs", TCAD 2020).
 *
 * <p>For a seed cell, up to {@code setSize} nearby single-row cells of exactly the same width and
 * height are collected (nearest first, in the seed's segment and the segments at the seed's x in the
 * {@code searchRows} rows above and below), such that no two of them share a net. Because the set is
 * independent, the weighted HPWL of the nets of cell i depends only on where cell i goes, so the cost
 * {@code c[i][j]} of cell i at slot j (the lower-left corner of cell j, the other pins at their
 * current positions) is separable, and the best permutation of the cells over their own slots is an
 * assignment problem, solved exactly by {@link Hungarian}. It is applied only when it strictly lowers
 * the total; since the slots are the cells' own legal positions and all cells have the same size,
 * legality is kept.
 */
final class IndependentSetMatching {
    /** Cells scanned per row and direction, in multiples of the set size. */
    private static final int SCAN = 4;
    /** Doubles per net of a cell: box without the cell (4), the cell's pin offset box (4), weight. */
    private static final int NET = 9;
    private final SegmentCells sc;
    private final NetBoxes nb;
    private final double[] h;
    private final int setSize;
    private final int searchRows;
    private final int[] netMark;
    private int netEpoch;
    private final int[] seen;
    private int seenEpoch;
    private final int[] covered;
    private int passEpoch;
    private long[] keys = new long[64];
    private int[] cand = new int[64];
    private final int[] set;
    private int k;
    private final int[] slotSeg;
    private final int[] slotIdx;
    private final double[] slotX;
    private final double[] slotY;
    private final double[] cost;
    private final int[] assign;
    private final double[] dw;
    private final int[] iw;
    private double[] netData = new double[NET * 8];
    private final double[] box = new double[4];

    IndependentSetMatching(Netlist nl, SegmentCells sc, NetBoxes nb, int setSize, int searchRows) {
        if (setSize < 2) {
            throw new IllegalArgumentException("setSize must be >= 2: " + setSize);
        }
        this.sc = sc;
        this.nb = nb;
        this.h = nl.heights();
        this.setSize = setSize;
        this.searchRows = searchRows;
        netMark = new int[nl.numNets()];
        seen = new int[nl.numNets()];
        covered = new int[nl.numNodes()];
        set = new int[setSize];
        slotSeg = new int[setSize];
        slotIdx = new int[setSize];
        slotX = new double[setSize];
        slotY = new double[setSize];
        cost = new double[setSize * setSize];
        assign = new int[setSize];
        dw = new double[Hungarian.doubleWork(setSize)];
        iw = new int[Hungarian.intWork(setSize)];
    }

    /**
     * One pass: every cell not yet in a set of this pass seeds one (seeding from every cell gave
     * 0.006-0.020 % lower final HPWL on ibm01-05 for about three times the matching time); returns the
     * number of sets whose matching was applied.
     */
    int pass() {
        passEpoch++;
        int moves = 0;
        for (int v : sc.movable) {
            if (covered[v] != passEpoch && improve(v) < 0) {
                moves++;
            }
        }
        return moves;
    }

    /**
     * Builds the independent set of seed v, solves its matching and applies it when it strictly
     * lowers HPWL; returns the weighted HPWL change (0 when nothing was applied, else negative).
     */
    double improve(int v) {
        collect(v);
        if (k < 2) {
            return 0;
        }
        for (int i = 0; i < k; i++) {
            int c = set[i];
            slotSeg[i] = sc.segOf(c);
            slotIdx[i] = sc.indexOf(c);
            slotX[i] = sc.x[c];
            slotY[i] = sc.y[c];
        }
        double current = 0;
        for (int i = 0; i < k; i++) {
            costRow(i);
            current += cost[i * k + i];
        }
        double best = Hungarian.solve(cost, k, assign, dw, iw);
        if (!NetBoxes.improves(best - current)) {
            return 0;
        }
        double d = 0;
        for (int i = 0; i < k; i++) {
            int j = assign[i];
            if (j != i) {
                // nets are disjoint: each cell's move changes only its own nets
                nb.begin();
                nb.move(set[i], slotX[j], slotY[j]);
                d += nb.delta();
                nb.commit();
            }
        }
        for (int i = 0; i < k; i++) {
            sc.setSlot(slotSeg[assign[i]], slotIdx[assign[i]], set[i]);
        }
        return d;
    }

    /** Number of cells in the last collected set (for tests). */
    int lastSetSize() {
        return k;
    }

    /** Collects the independent set of seed v into set[0..k-1], the seed first, then nearest first. */
    private void collect(int v) {
        double wv = sc.w[v];
        double hv = h[v];
        double x0 = sc.x[v];
        double y0 = sc.y[v];
        int s0 = sc.segOf(v);
        int r0 = sc.seg.segRow(s0);
        int nc = 0;
        for (int dr = -searchRows; dr <= searchRows; dr++) {
            int r = r0 + dr;
            if (r < 0 || r >= sc.seg.numRows()) {
                continue;
            }
            int s = dr == 0 ? s0 : sc.seg.segmentAt(r, x0);
            if (s < 0) {
                continue;
            }
            int start = sc.slotAt(s, x0);
            for (int dir = -1; dir <= 1; dir += 2) {
                int found = 0;
                int j = dir < 0 ? start - 1 : start;
                for (int scanned = 0; scanned < SCAN * setSize && found < setSize && j >= 0 && j < sc.count(s);
                        scanned++, j += dir) {
                    int u = sc.cell(s, j);
                    if (u == v || sc.w[u] != wv || h[u] != hv) {
                        continue;
                    }
                    if (nc == cand.length) {
                        cand = Arrays.copyOf(cand, 2 * nc);
                        keys = Arrays.copyOf(keys, 2 * nc);
                    }
                    float dist = (float) (Math.abs(sc.x[u] - x0) + Math.abs(sc.y[u] - y0));
                    keys[nc] = ((long) Float.floatToIntBits(dist) << 32) | nc;
                    cand[nc++] = u;
                    found++;
                }
            }
        }
        Arrays.sort(keys, 0, nc);
        netEpoch++;
        k = 0;
        addIfIndependent(v);
        for (int t = 0; t < nc && k < setSize; t++) {
            addIfIndependent(cand[(int) (keys[t] & 0xffffffffL)]);
        }
    }

    private void addIfIndependent(int u) {
        for (int t = nb.pinStart(u); t < nb.pinEnd(u); t++) {
            if (netMark[nb.netOfPinSlot(t)] == netEpoch) {
                return;
            }
        }
        for (int t = nb.pinStart(u); t < nb.pinEnd(u); t++) {
            netMark[nb.netOfPinSlot(t)] = netEpoch;
        }
        covered[u] = passEpoch;
        set[k++] = u;
    }

    /**
     * Fills row i of the cost matrix: weighted HPWL of the nets of cell set[i] (those with pins of other
     * nodes) with the cell at each slot. Nets made of this cell's pins alone are constant and left out.
     */
    private void costRow(int i) {
        int c = set[i];
        seenEpoch++;
        int m = 0;
        int end = nb.pinEnd(c);
        for (int t = nb.pinStart(c); t < end; t++) {
            int e = nb.netOfPinSlot(t);
            if (seen[e] == seenEpoch) {
                continue;
            }
            seen[e] = seenEpoch;
            if (!nb.boxWithoutCached(e, c, box)) {
                continue;
            }
            if (NET * (m + 1) > netData.length) {
                netData = Arrays.copyOf(netData, 2 * netData.length);
            }
            int b = NET * m++;
            System.arraycopy(box, 0, netData, b, 4);
            double oxl = Double.MAX_VALUE;
            double oxh = -Double.MAX_VALUE;
            double oyl = Double.MAX_VALUE;
            double oyh = -Double.MAX_VALUE;
            for (int t2 = t; t2 < end; t2++) {
                if (nb.netOfPinSlot(t2) == e) {
                    oxl = Math.min(oxl, nb.pinOffsetX(t2));
                    oxh = Math.max(oxh, nb.pinOffsetX(t2));
                    oyl = Math.min(oyl, nb.pinOffsetY(t2));
                    oyh = Math.max(oyh, nb.pinOffsetY(t2));
                }
            }
            netData[b + 4] = oxl;
            netData[b + 5] = oxh;
            netData[b + 6] = oyl;
            netData[b + 7] = oyh;
            netData[b + 8] = nb.weight(e);
        }
        for (int j = 0; j < k; j++) {
            double sx = slotX[j];
            double sy = slotY[j];
            double sum = 0;
            for (int q = 0; q < m; q++) {
                int b = NET * q;
                double hp = Math.max(netData[b + 1], sx + netData[b + 5]) - Math.min(netData[b], sx + netData[b + 4])
                        + Math.max(netData[b + 3], sy + netData[b + 7]) - Math.min(netData[b + 2], sy + netData[b + 6]);
                sum += netData[b + 8] * hp;
            }
            cost[i * k + j] = sum;
        }
    }
}
