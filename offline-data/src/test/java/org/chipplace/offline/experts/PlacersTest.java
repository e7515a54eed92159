package org.chipplace.offline.experts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;
import org.chipplace.netlist.synthetic.SyntheticCircuits;
import org.chipplace.netlist.synthetic.SyntheticOptions;
import org.chipplace.offline.datasets.Datasets;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.offline.env.Trajectory;
import org.chipplace.placer.ProgressListener;
import org.junit.jupiter.api.Test;

class PlacersTest {
    private final Netlist design = SyntheticCircuits.generate("syn", SyntheticOptions.small(30), 21);
    private final EnvOptions opts = EnvOptions.defaults().withGrid(32);

    private double place(Expert e, long seed) {
        Placement p = design.initialPlacement();
        e.placeMacros(design, p, seed, ProgressListener.NONE);
        for (int v = 0; v < design.numNodes(); v++) {
            if (design.isMacro(v)) {
                assertThat(p.x()[v]).isBetween(design.coreXl(), design.coreXh() - design.widths()[v] + 1e-9);
                assertThat(p.y()[v]).isBetween(design.coreYl(), design.coreYh() - design.heights()[v] + 1e-9);
            } else {
                assertThat(p.x()[v]).isEqualTo(design.initialPlacement().x()[v]);
            }
        }
        return MacroEnv.macroHpwl(design, p);
    }

    @Test
    void greedyBeatsRandomOnASyntheticDesign() {
        double greedy = place(new GreedyPlacer(opts), 1);
        double worstCaseRandom = Double.POSITIVE_INFINITY;
        for (long s = 0; s < 5; s++) {
            worstCaseRandom = Math.min(worstCaseRandom, place(new RandomPlacer(opts), s));
        }
        assertThat(greedy).isLessThan(worstCaseRandom);
    }

    @Test
    void greedyPlacementHasNoMacroOverlapWhenCellsAreLegal() {
        Placement p = design.initialPlacement();
        new GreedyPlacer(opts).placeMacros(design, p, 0, ProgressListener.NONE);
        for (int a = 0; a < design.numNodes(); a++) {
            for (int b = a + 1; b < design.numNodes(); b++) {
                if (design.isMacro(a) && design.isMacro(b)) {
                    boolean overlap = p.x()[a] < p.x()[b] + design.widths()[b] - 1e-9
                            && p.x()[b] < p.x()[a] + design.widths()[a] - 1e-9
                            && p.y()[a] < p.y()[b] + design.heights()[b] - 1e-9
                            && p.y()[b] < p.y()[a] + design.heights()[a] - 1e-9;
                    assertThat(overlap).as("macros %d and %d", a, b).isFalse();
                }
            }
        }
    }

    @Test
    void eaIsSeededAndNeverWorseThanGreedy() {
        EaPlacer ea = new EaPlacer(opts, new EaOptions(60, 40, 2, 0.1));
        double greedy = place(new GreedyPlacer(opts), 0);
        double a = place(ea, 9);
        double b = place(ea, 9);
        assertThat(a).isLessThanOrEqualTo(greedy + 1e-9 * greedy);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void warmStartedEaStartsFromTheGivenMacroPositions() {
        // a searched placement (on the grid, legal) given as the current positions
        Placement searched = design.initialPlacement();
        new EaPlacer(opts, new EaOptions(60, 60, 1, 0.5)).placeMacros(design, searched, 4, ProgressListener.NONE);
        double target = MacroEnv.macroHpwl(design, searched);
        Placement cold = searched.copy();
        new EaPlacer(opts, new EaOptions(60, 1, 1, 0.5)).placeMacros(design, cold, 4, ProgressListener.NONE);
        Placement warm = searched.copy();
        new EaPlacer(opts, new EaOptions(60, 1, 1, 0.5, true, 2)).placeMacros(design, warm, 4,
                ProgressListener.NONE);
        // without generations the cold EA is the best greedy seed; the local one reproduces the input
        assertThat(MacroEnv.macroHpwl(design, cold)).isGreaterThan(target);
        for (int v = 0; v < design.numNodes(); v++) {
            assertThat(warm.x()[v]).isEqualTo(searched.x()[v]);
            assertThat(warm.y()[v]).isEqualTo(searched.y()[v]);
        }
        // with generations the local search never ends worse than its start
        Placement local = searched.copy();
        new EaPlacer(opts, new EaOptions(60, 40, 2, 0.5, true, 2)).placeMacros(design, local, 4,
                ProgressListener.NONE);
        assertThat(MacroEnv.macroHpwl(design, local)).isLessThanOrEqualTo(target + 1e-9 * target);
    }

    @Test
    void nearestChoiceTakesThePreferredCellWhenLegalAndTheClosestLegalOneOtherwise() {
        MacroEnv env = new MacroEnv(design, design.initialPlacement(), opts);
        Experts.Scratch s = new Experts.Scratch(32);
        boolean[] pm = new boolean[32 * 32];
        env.positionMask(pm);
        int pref = 32 * 32 / 3;
        while (!pm[pref]) {
            pref++;
        }
        assertThat(Experts.nearest(env, s, pref)).isEqualTo(pref);
        env.step(pref);
        int c = Experts.nearest(env, s, pref);
        env.positionMask(pm);
        assertThat(pm[c]).isTrue();
        assertThat(c).isNotEqualTo(pref);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < pm.length; i++) {
            if (pm[i]) {
                long dx = i / 32 - pref / 32, dy = i % 32 - pref % 32;
                best = Math.min(best, dx * dx + dy * dy);
            }
        }
        long dx = c / 32 - pref / 32, dy = c % 32 - pref % 32;
        assertThat(dx * dx + dy * dy).isEqualTo(best);
    }

    @Test
    void eaTrajectoryReturnMatchesItsPlacementAndTheSearchedHpwl() {
        MacroEnv env = new MacroEnv(design, design.initialPlacement(), opts);
        double[] searched = new double[1];
        Trajectory t = new EaPlacer(opts, new EaOptions(60, 60, 1, 0.5)).rollout(env, 3,
                (stage, it, f, hpwl, ov) -> searched[0] = hpwl);
        // the incremental decoding of the search and the final full decoding agree
        assertThat(t.finalHpwl()).isCloseTo(searched[0], within(1e-9 * searched[0]));
        Placement p = design.initialPlacement();
        env.writePlacement(p);
        double h = MacroEnv.macroHpwl(design, p);
        assertThat(t.ret()).isCloseTo(-h, within(1e-9 * h));
    }

    @Test
    void stochasticGreedyAtZeroTemperatureIsGreedyAndHotterIsWorseOnAverage() {
        double greedy = place(new GreedyPlacer(opts), 0);
        assertThat(place(new StochasticGreedyPlacer(opts, new StochasticGreedyOptions(0, 0)), 4)).isEqualTo(greedy);
        double hot = 0;
        for (long s = 0; s < 4; s++) {
            hot += place(new StochasticGreedyPlacer(opts, new StochasticGreedyOptions(1.0, 0.2)), s) / 4;
        }
        assertThat(hot).isGreaterThan(greedy);
    }

    @Test
    void tieBreakSendsAnUnconnectedFirstMacroToTheLowerLeftOrTheCentre() {
        EnvOptions noPads = opts.withFixedPins(false);
        MacroEnv env = new MacroEnv(design, design.initialPlacement(), noPads);
        Trajectory ll = new GreedyPlacer(noPads, TieBreak.LOWER_LEFT).rollout(env, 0, ProgressListener.NONE);
        int k = env.order()[0];
        Trajectory c = new GreedyPlacer(noPads, TieBreak.CENTRE).rollout(env, 0, ProgressListener.NONE);
        assertThat(ll.actions()[0]).isZero();
        int g = 32;
        int ix = c.actions()[0] / g, iy = c.actions()[0] % g;
        assertThat(Math.abs(2 * ix + env.gridWidth(k) - g)).isLessThanOrEqualTo(1);
        assertThat(Math.abs(2 * iy + env.gridHeight(k) - g)).isLessThanOrEqualTo(1);
    }

    @Test
    void placersAreFoundByNameAndUnknownNamesAreRejected() {
        for (String n : new String[] {"greedy", "ea", "stochastic-greedy", "random"}) {
            assertThat(Datasets.placer(n, opts, 1, 1).name()).isEqualTo(n);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Datasets.placer("sa", opts, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("greedy");
    }

    @Test
    void tooFullCanvasFallsBackToLeastOverlapWithoutCrashing() {
        NetlistBuilder b = new NetlistBuilder("full");
        for (int r = 0; r < 4; r++) {
            b.addRow(new Row(r * 10, 10, 1, 1, 0, 40, "N"));
        }
        for (int i = 0; i < 6; i++) {
            b.addMovable("m" + i, 20, 20);
        }
        b.addNet("n", 1);
        for (int i = 0; i < 6; i++) {
            b.addPin(i, 0, 0, Netlist.DIR_INPUT);
        }
        Netlist nl = b.build();
        for (Expert e : new Expert[] {new GreedyPlacer(opts.withGrid(8)), new RandomPlacer(opts.withGrid(8)),
            new EaPlacer(opts.withGrid(8), new EaOptions(5, 10, 1, 0.1))}) {
            Placement p = nl.initialPlacement();
            e.placeMacros(nl, p, 1, ProgressListener.NONE);
            int distinct = 0;
            java.util.Set<String> spots = new java.util.HashSet<>();
            for (int v = 0; v < 6; v++) {
                assertThat(p.x()[v]).isBetween(0.0, 20.0);
                assertThat(p.y()[v]).isBetween(0.0, 20.0);
                distinct += spots.add(p.x()[v] + "," + p.y()[v]) ? 1 : 0;
            }
            // the first four fill the canvas legally, the last two overlap as little as possible
            assertThat(distinct).isGreaterThanOrEqualTo(4);
        }
    }
}
