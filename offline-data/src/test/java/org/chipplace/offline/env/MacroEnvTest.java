package org.chipplace.offline.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.synthetic.SyntheticCircuits;
import org.chipplace.netlist.synthetic.SyntheticOptions;
import org.chipplace.offline.TestDesigns;
import org.junit.jupiter.api.Test;

class MacroEnvTest {

    /** Brute-force macro HPWL over the placed macros only (the environment's partial objective). */
    private static double partialHpwl(Netlist nl, Placement p, boolean[] placedNode, boolean fixedPins,
                                      boolean cellPins) {
        double total = 0;
        for (int e = 0; e < nl.numNets(); e++) {
            boolean counted = false;
            double xl = Double.POSITIVE_INFINITY, xh = Double.NEGATIVE_INFINITY;
            double yl = Double.POSITIVE_INFINITY, yh = Double.NEGATIVE_INFINITY;
            for (int q = nl.netPinStart()[e]; q < nl.netPinStart()[e + 1]; q++) {
                int v = nl.pinNode()[q];
                NodeKind k = nl.kind(v);
                if ((k == NodeKind.CELL && !cellPins) || (k == NodeKind.MACRO && !placedNode[v])
                        || (!fixedPins && k != NodeKind.MACRO && k != NodeKind.CELL)) {
                    continue;
                }
                counted |= k == NodeKind.MACRO;
                double x = p.x()[v] + nl.widths()[v] / 2 + nl.pinDx()[q];
                double y = p.y()[v] + nl.heights()[v] / 2 + nl.pinDy()[q];
                xl = Math.min(xl, x);
                xh = Math.max(xh, x);
                yl = Math.min(yl, y);
                yh = Math.max(yh, y);
            }
            if (counted) {
                total += nl.netWeights()[e] * (xh - xl + yh - yl);
            }
        }
        return total;
    }

    @Test
    void wireMaskEqualsBruteForceHpwlDifferenceOnEveryCell() {
        wireMaskMatchesBruteForce(true, false);
    }

    @Test
    void wireMaskWithoutFixedPinsEqualsBruteForceMacroToMacroDifference() {
        wireMaskMatchesBruteForce(false, false);
    }

    @Test
    void wireMaskWithCellPinsEqualsBruteForceDifferenceIncludingCellPins() {
        wireMaskMatchesBruteForce(true, true);
    }

    @Test
    void wireMaskWithCellPinsOnlyEqualsBruteForceDifference() {
        wireMaskMatchesBruteForce(false, true);
    }

    @Test
    void cellPinsOfAFinishedEpisodeGiveTheFullHpwlOfTheMacroNets() {
        Netlist nl = TestDesigns.withObstacle(6, 3);
        Placement base = withCellsSpread(nl);
        EnvOptions opts = EnvOptions.defaults().withGrid(16).withCellPins(true);
        MacroEnv env = new MacroEnv(nl, base, opts);
        SplittableRandom rnd = new SplittableRandom(9);
        while (!env.done()) {
            env.step(rnd.nextInt(16 * 16));
        }
        Placement p = base.copy();
        env.writePlacement(p);
        double ref = MacroEnv.macroHpwl(nl, p, opts);
        assertThat(ref).isGreaterThan(MacroEnv.macroHpwl(nl, p, opts.withCellPins(false)));
        assertThat(env.hpwl()).isCloseTo(ref, within(1e-9 * ref));
    }

    /** The initial placement with the two standard cells moved apart (so their pins widen boxes). */
    private static Placement withCellsSpread(Netlist nl) {
        Placement p = nl.initialPlacement();
        int c0 = nl.nodeIndex("c0");
        int c1 = nl.nodeIndex("c1");
        p.x()[c0] = 13;
        p.y()[c0] = 80;
        p.x()[c1] = 97;
        p.y()[c1] = 10;
        return p;
    }

    private static void wireMaskMatchesBruteForce(boolean fixedPins, boolean cellPins) {
        Netlist nl = TestDesigns.withObstacle(6, 3);
        int g = 12;
        Placement base = withCellsSpread(nl);
        MacroEnv env = new MacroEnv(nl, base,
                EnvOptions.defaults().withGrid(g).withFixedPins(fixedPins).withCellPins(cellPins));
        SplittableRandom rnd = new SplittableRandom(5);
        double[] wm = new double[g * g];
        double cw = 120.0 / g;
        double ch = 100.0 / g;
        while (!env.done()) {
            env.wireMask(wm);
            Placement p = base.copy();
            env.writePlacement(p);
            boolean[] placed = new boolean[nl.numNodes()];
            for (int k = 0; k < env.numSteps(); k++) {
                placed[env.macroNode(k)] = env.cellOf(k) >= 0;
            }
            double before = partialHpwl(nl, p, placed, fixedPins, cellPins);
            int v = env.macroNode(env.nextMacro());
            placed[v] = true;
            for (int ix = 0; ix < g; ix++) {
                for (int iy = 0; iy < g; iy++) {
                    p.x()[v] = ix * cw;
                    p.y()[v] = iy * ch;
                    assertThat(wm[ix * g + iy]).isCloseTo(partialHpwl(nl, p, placed, fixedPins, cellPins) - before,
                            within(1e-9));
                }
            }
            env.step(rnd.nextInt(g * g));
        }
    }

    @Test
    void positionMaskForbidsExactlyTheOverlappingAndOutOfCanvasCells() {
        Netlist nl = TestDesigns.withObstacle(7, 11);
        int g = 10;
        MacroEnv env = new MacroEnv(nl, nl.initialPlacement(), EnvOptions.defaults().withGrid(g));
        boolean[] pm = new boolean[g * g];
        double cw = 12, ch = 10;
        SplittableRandom rnd = new SplittableRandom(2);
        int blk = nl.nodeIndex("blk");
        while (!env.done()) {
            int legal = env.positionMask(pm);
            int k = env.nextMacro();
            int count = 0;
            for (int ix = 0; ix < g; ix++) {
                for (int iy = 0; iy < g; iy++) {
                    double xl = ix * cw, yl = iy * ch;
                    double xh = xl + env.gridWidth(k) * cw, yh = yl + env.gridHeight(k) * ch;
                    boolean inside = xh <= 120 + 1e-9 && yh <= 100 + 1e-9;
                    // fixed obstacle at 50..70 x 40..65, blocks every grid cell it overlaps
                    boolean ok = inside && !(xl < 72 && xh > 48 && yl < 70 && yh > 40);
                    for (int o = 0; o < env.numSteps() && ok; o++) {
                        int c = env.cellOf(o);
                        if (c >= 0) {
                            double oxl = (c / g) * cw, oyl = (c % g) * ch;
                            double oxh = oxl + env.gridWidth(o) * cw, oyh = oyl + env.gridHeight(o) * ch;
                            ok = !(xl < oxh && oxl < xh && yl < oyh && oyl < yh);
                        }
                    }
                    assertThat(pm[ix * g + iy]).as("cell %d,%d", ix, iy).isEqualTo(ok);
                    count += ok ? 1 : 0;
                }
            }
            assertThat(legal).isEqualTo(count);
            assertThat(nl.kind(blk)).isEqualTo(NodeKind.FIXED);
            int pick = legal == 0 ? 0 : -1;
            for (int c = 0; c < g * g && pick < 0; c++) {
                if (pm[c] && rnd.nextInt(4) == 0) {
                    pick = c;
                }
            }
            env.step(pick < 0 ? firstLegal(pm) : pick);
        }
    }

    private static int firstLegal(boolean[] pm) {
        for (int c = 0; c < pm.length; c++) {
            if (pm[c]) {
                return c;
            }
        }
        return 0;
    }

    @Test
    void rewardsOfAnEpisodeSumToMinusTheFinalMacroHpwl() {
        Netlist nl = SyntheticCircuits.generate("s", SyntheticOptions.small(20), 7);
        MacroEnv env = new MacroEnv(nl, nl.initialPlacement(), EnvOptions.defaults().withGrid(32));
        SplittableRandom rnd = new SplittableRandom(1);
        double sum = 0;
        while (!env.done()) {
            sum += env.step(rnd.nextInt(32 * 32));
        }
        Placement p = nl.initialPlacement();
        env.writePlacement(p);
        double ref = MacroEnv.macroHpwl(nl, p);
        assertThat(ref).isPositive();
        assertThat(sum).isCloseTo(-ref, within(1e-9 * ref));
        assertThat(env.hpwl()).isCloseTo(ref, within(1e-9 * ref));
    }

    @Test
    void connectivityOrderIsDeterministicAndFollowsTheRule() {
        Netlist nl = SyntheticCircuits.generate("s", SyntheticOptions.small(15), 4);
        MacroEnv a = new MacroEnv(nl, nl.initialPlacement(), EnvOptions.defaults());
        MacroEnv b = new MacroEnv(nl, nl.initialPlacement(), EnvOptions.defaults());
        int[] order = a.order();
        assertThat(b.order()).containsExactly(order);
        int m = order.length;
        // brute force: distinct nets and macro neighbours from the netlist
        java.util.List<java.util.Set<Integer>> nets = new java.util.ArrayList<>();
        java.util.List<java.util.Set<Integer>> nbs = new java.util.ArrayList<>();
        for (int k = 0; k < m; k++) {
            java.util.Set<Integer> s = new java.util.HashSet<>();
            int v = a.macroNode(k);
            for (int q = 0; q < nl.numPins(); q++) {
                if (nl.pinNode()[q] == v) {
                    for (int e = 0; e < nl.numNets(); e++) {
                        if (q >= nl.netPinStart()[e] && q < nl.netPinStart()[e + 1]) {
                            s.add(e);
                        }
                    }
                }
            }
            nets.add(s);
        }
        for (int k = 0; k < m; k++) {
            java.util.Set<Integer> s = new java.util.HashSet<>();
            for (int o = 0; o < m; o++) {
                if (o != k && !java.util.Collections.disjoint(nets.get(k), nets.get(o))) {
                    s.add(o);
                }
            }
            nbs.add(s);
        }
        boolean[] placed = new boolean[m];
        for (int t = 0; t < m; t++) {
            int chosen = order[t];
            int placedNb = count(nbs.get(chosen), placed);
            for (int k = 0; k < m; k++) {
                if (!placed[k] && k != chosen) {
                    int pk = count(nbs.get(k), placed);
                    assertThat(pk).isLessThanOrEqualTo(placedNb);
                    if (pk == placedNb) {
                        assertThat(nets.get(k).size()).isLessThanOrEqualTo(nets.get(chosen).size());
                    }
                }
            }
            placed[chosen] = true;
        }
    }

    private static int count(java.util.Set<Integer> s, boolean[] placed) {
        int c = 0;
        for (int k : s) {
            c += placed[k] ? 1 : 0;
        }
        return c;
    }

    @Test
    void observeWritesNormalisedChannelsAndMacroSize() {
        Netlist nl = TestDesigns.withObstacle(5, 1);
        MacroEnv env = new MacroEnv(nl, nl.initialPlacement(), EnvOptions.defaults().withGrid(8));
        env.step(0);
        float[] s = new float[MacroEnv.stateSize(8)];
        env.observe(s);
        float lo = 1, hi = 0;
        for (int i = 64; i < 128; i++) {
            lo = Math.min(lo, s[i]);
            hi = Math.max(hi, s[i]);
        }
        assertThat(lo).isEqualTo(0f);
        assertThat(hi).isIn(0f, 1f);
        assertThat(s[0]).isEqualTo(1f);
        assertThat(s[3 * 64]).isEqualTo(env.gridWidth(env.nextMacro()) / 8f);
        assertThat(s[3 * 64 + 2]).isEqualTo(1 / 5f);
    }
}
