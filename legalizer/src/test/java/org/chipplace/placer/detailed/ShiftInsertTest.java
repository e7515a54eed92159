package org.chipplace.placer.detailed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Placement;
import org.chipplace.placer.legalize.TestDesigns;
import org.chipplace.placer.rows.RowSegments;
import org.junit.jupiter.api.Test;

class ShiftInsertTest {
    private static final double H = TestDesigns.ROW_H;
    private static final int SITES = 30;

    /**
     * Brute-force reference: for every site x of the inserted cell, the cells on each side are pushed
     * (all {@code maxPush} of them, each to the rightmost/leftmost site that clears its pushed
     * neighbour, never towards the gap) and x is feasible when the last pushed cell clears the first
     * unpushed one or the segment end. Returns {x, new x of every node}, or null when none fits; the
     * nearest feasible x to tx wins (tx is never halfway between sites).
     */
    private static double[] reference(Netlist nl, Placement p, int[] row0, int v, int g, double tx, int maxPush) {
        double[] w = nl.widths();
        int[] others = Arrays.stream(row0).filter(u -> u != v).toArray();
        int gi = (int) Arrays.stream(row0, 0, g).filter(u -> u != v).count();
        double[] best = null;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int xv = 0; xv + w[v] <= SITES; xv++) {
            double[] nx = p.x().clone();
            nx[v] = xv;
            boolean ok = true;
            double cur = xv;
            for (int i = gi - 1, k = 0; i >= 0 && ok; i--, k++) {
                int u = others[i];
                double want = Math.min(p.x()[u], Math.floor(cur - w[u]));
                if (k >= maxPush) {
                    ok = want == p.x()[u]; // an unpushed cell must already clear
                    break;
                }
                nx[u] = want;
                cur = want;
                ok = want >= 0;
            }
            cur = xv + w[v];
            for (int i = gi, k = 0; i < others.length && ok; i++, k++) {
                int u = others[i];
                double want = Math.max(p.x()[u], Math.ceil(cur));
                if (k >= maxPush) {
                    ok = want == p.x()[u];
                    break;
                }
                nx[u] = want;
                cur = want + w[u];
                ok = cur <= SITES;
            }
            if (ok && Math.abs(xv - tx) < bestDist) {
                bestDist = Math.abs(xv - tx);
                best = nx;
            }
        }
        return best;
    }

    @Test
    void planMatchesBruteForceAndKeepsTheRowLegal() {
        int feasible = 0;
        int infeasible = 0;
        int pushed = 0;
        for (long seed = 1; seed <= 400; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            NetlistBuilder b = new NetlistBuilder("shift" + seed);
            TestDesigns.addRows(b, 2, SITES);
            int n = 2 + rnd.nextInt(6);
            int[] row0 = new int[n];
            double xx = rnd.nextInt(3);
            for (int i = 0; i < n; i++) {
                int wi = 1 + rnd.nextInt(4);
                if (xx + wi > SITES) {
                    row0 = Arrays.copyOf(row0, i);
                    break;
                }
                row0[i] = b.addMovable("c" + i, wi, H);
                b.setPosition(row0[i], xx, 0, "N");
                xx += wi + rnd.nextInt(3);
            }
            boolean inRow = rnd.nextInt(4) == 0 && row0.length > 1;
            int v;
            if (inRow) {
                v = row0[rnd.nextInt(row0.length)];
            } else {
                v = b.addMovable("v", 1 + rnd.nextInt(5), H);
                b.setPosition(v, rnd.nextInt(SITES - 5), H, "N");
            }
            Netlist nl = b.build();
            Placement p = nl.initialPlacement();
            RowSegments seg = RowSegments.build(nl, p, RowSegments.defaultBlockages(nl), 1);
            SegmentCells sc = new SegmentCells(nl, p, seg);
            int s = sc.segOf(row0[0]);
            int g = rnd.nextInt(sc.count(s) + 1);
            double tx = rnd.nextInt(SITES) + 0.3;
            int maxPush = 1 + rnd.nextInt(3);
            ShiftInsert si = new ShiftInsert(sc, maxPush);
            double[] ref = reference(nl, p, row0, v, g, tx, maxPush);
            boolean ok = si.plan(v, s, g, tx);
            assertThat(ok).as("seed %d", seed).isEqualTo(ref != null);
            if (!ok) {
                infeasible++;
                continue;
            }
            feasible++;
            pushed += si.count();
            assertThat(si.x()).as("seed %d", seed).isEqualTo(ref[v]);
            double[] nx = p.x().clone();
            nx[v] = si.x();
            for (int i = 0; i < si.count(); i++) {
                nx[si.node(i)] = si.newX(i);
            }
            for (int u : row0) {
                assertThat(nx[u]).as("seed %d cell %d", seed, u).isEqualTo(ref[u]);
            }
            // apply and check legality of the whole design
            System.arraycopy(nx, 0, p.x(), 0, nx.length);
            p.y()[v] = 0;
            assertThat(TestDesigns.violations(nl, p)).as("seed %d", seed).isEmpty();
        }
        assertThat(feasible).isGreaterThan(100);
        assertThat(infeasible).isGreaterThan(10);
        assertThat(pushed).isGreaterThan(100);
    }

    @Test
    void rejectsNegativePushLimit() {
        NetlistBuilder b = new NetlistBuilder("neg");
        TestDesigns.addRows(b, 1, 10);
        b.setPosition(b.addMovable("a", 2, H), 0, 0, "N");
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        SegmentCells sc = new SegmentCells(nl, p, RowSegments.build(nl, p, RowSegments.defaultBlockages(nl), 1));
        assertThatThrownBy(() -> new ShiftInsert(sc, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
