package org.chipplace.placer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.chipplace.metrics.Hpwl;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;
import org.junit.jupiter.api.Test;

class PlacerCandidatesTest {

    /** 400 cells, 4 macros 30 x 40, a 200 x 200 core of rows of height 10, random 2-pin nets. */
    private static Netlist design() {
        NetlistBuilder b = new NetlistBuilder("cand");
        SplittableRandom r = new SplittableRandom(8);
        int n = 400;
        int[] nodes = new int[n + 4];
        for (int i = 0; i < n; i++) {
            nodes[i] = b.addMovable("c" + i, 2 + r.nextInt(5), 10);
        }
        for (int k = 0; k < 4; k++) {
            nodes[n + k] = b.addMovable("m" + k, 30, 40);
        }
        for (int row = 0; row < 20; row++) {
            b.addRow(new Row(row * 10.0, 10, 1, 1, 0, 200, "N"));
        }
        for (int e = 0; e < 500; e++) {
            b.addNet("n" + e, 1);
            int a = nodes[r.nextInt(nodes.length)];
            int c = nodes[r.nextInt(nodes.length)];
            if (c == a) {
                c = nodes[(r.nextInt(nodes.length - 1) + 1 + indexOf(nodes, a)) % nodes.length];
            }
            b.addPin(a, 0, 0, Netlist.DIR_OUTPUT);
            b.addPin(c, 0, 0, Netlist.DIR_INPUT);
        }
        return b.build();
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** Puts the macros at fixed spots given per candidate (lower-left corners), everything else as given. */
    private record Spots(double[][] xs, double[][] ys) implements MacroPlacer {
        @Override
        public String name() {
            return "spots";
        }

        @Override
        public void placeMacros(Netlist netlist, Placement placement, long seed, ProgressListener progress) {
            put(netlist, placement, 0);
        }

        @Override
        public List<Placement> candidates(Netlist netlist, Placement placement, long seed,
                                          ProgressListener progress) {
            List<Placement> out = new ArrayList<>();
            for (int c = 0; c < xs.length; c++) {
                Placement q = placement.copy();
                put(netlist, q, c);
                out.add(q);
            }
            return out;
        }

        private void put(Netlist netlist, Placement p, int c) {
            int k = 0;
            for (int v = 0; v < netlist.numNodes(); v++) {
                if (netlist.isMacro(v)) {
                    p.x()[v] = xs[c][k];
                    p.y()[v] = ys[c][k];
                    k++;
                }
            }
        }
    }

    private static final double[][] XS = {{0, 170, 0, 170}, {40, 130, 40, 130}, {0, 30, 60, 90}};
    private static final double[][] YS = {{0, 0, 160, 160}, {40, 40, 120, 120}, {0, 0, 0, 0}};

    private static PlacementResult run(Netlist nl, MacroPlacer placer) {
        return Placer.place(nl, PlacerOptions.defaults().withThreads(1).withSeed(3).withAnalyticCandidate(false)
                .withReleaseMacros(false), placer, ProgressListener.NONE);
    }

    @Test
    void theAnalyticCandidateCompetesAndAMacroPlacerNeverEndsWorseThanTheFlowWithoutOne() {
        Netlist nl = design();
        PlacerOptions o = PlacerOptions.defaults().withThreads(1).withSeed(3).withReleaseMacros(false);
        PlacementResult none = Placer.place(nl, o, null, ProgressListener.NONE);
        // spots in one corner: a poor macro placement that the analytic candidate must beat
        Spots poor = new Spots(new double[][] {XS[2]}, new double[][] {YS[2]});
        PlacementResult alone = Placer.place(nl, o.withAnalyticCandidate(false), poor, ProgressListener.NONE);
        PlacementResult with = Placer.place(nl, o, poor, ProgressListener.NONE);
        assertThat(with.stages()).extracting(StageReport::stage).containsExactly("global-mixed", "candidate-1",
                "candidate-analytic", "macro", "global", "legalize", "detailed");
        assertThat(with.stages().get(1).hpwl()).isEqualTo(alone.metrics().hpwl());
        assertThat(with.stages().get(2).hpwl()).isEqualTo(none.metrics().hpwl());
        assertThat(with.metrics().hpwl()).isEqualTo(Math.min(alone.metrics().hpwl(), none.metrics().hpwl()));
        assertThat(none.metrics().hpwl()).isLessThan(alone.metrics().hpwl());
        assertThat(with.placement().x()).isEqualTo(none.placement().x());
        assertThat(with.metrics().legal()).isTrue();
    }

    @Test
    void theCandidateWithTheLeastFinalHpwlIsKeptAndEachIsReportedAsAStage() {
        Netlist nl = design();
        PlacementResult all = run(nl, new Spots(XS, YS));
        double[] finals = new double[XS.length];
        for (int c = 0; c < XS.length; c++) {
            PlacementResult one = run(nl, new Spots(new double[][] {XS[c]}, new double[][] {YS[c]}));
            finals[c] = one.metrics().hpwl();
            assertThat(one.stages()).extracting(StageReport::stage)
                    .containsExactly("global-mixed", "macro", "global", "legalize", "detailed");
        }
        double min = Math.min(finals[0], Math.min(finals[1], finals[2]));
        assertThat(finals[0]).isNotEqualTo(finals[1]);
        assertThat(all.metrics().hpwl()).isEqualTo(min).isLessThanOrEqualTo(finals[0]);
        assertThat(all.metrics().legal()).isTrue();
        assertThat(Hpwl.total(nl, all.placement().x(), all.placement().y())).isEqualTo(min);
        assertThat(all.stages()).extracting(StageReport::stage).containsExactly("global-mixed", "candidate-1",
                "candidate-2", "candidate-3", "macro", "global", "legalize", "detailed");
        for (int c = 0; c < XS.length; c++) {
            assertThat(all.stages().get(1 + c).hpwl()).isEqualTo(finals[c]);
        }
        assertThat(all.stages().get(all.stages().size() - 1).hpwl()).isEqualTo(min);
        // deterministic
        PlacementResult again = run(nl, new Spots(XS, YS));
        assertThat(again.placement().x()).isEqualTo(all.placement().x());
        assertThat(again.placement().y()).isEqualTo(all.placement().y());
    }

    @Test
    void finishingACandidateOnTheMixedGlobalPlacementGivesWhatPlaceGivesThatCandidate() {
        Netlist nl = design();
        PlacerOptions o = PlacerOptions.defaults().withThreads(1).withSeed(3).withReleaseMacros(false);
        for (int c = 0; c < XS.length; c++) {
            Spots spots = new Spots(new double[][] {XS[c]}, new double[][] {YS[c]});
            PlacementResult placed = run(nl, spots);
            Placement q = Placer.mixedGlobal(nl, nl.initialPlacement(), o, ProgressListener.NONE);
            spots.placeMacros(nl, q, 3, ProgressListener.NONE);
            FinishedCandidate f = Placer.finishCandidate(nl, q, o, ProgressListener.NONE);
            assertThat(f.stages()).extracting(StageReport::stage)
                    .containsExactly("macro", "global", "legalize", "detailed");
            assertThat(f.hpwl()).isEqualTo(placed.metrics().hpwl());
            assertThat(q.x()).isEqualTo(placed.placement().x());
            assertThat(q.y()).isEqualTo(placed.placement().y());
            assertThat(Hpwl.total(f.netlist(), q.x(), q.y())).isEqualTo(f.hpwl());
        }
        // the analytic candidate, finished the same way, is the flow without a macro placer
        Placement analytic = Placer.mixedGlobal(nl, nl.initialPlacement(), o, ProgressListener.NONE);
        PlacementResult with = Placer.place(nl, o, new Spots(new double[][] {XS[2]}, new double[][] {YS[2]}),
                ProgressListener.NONE);
        assertThat(Placer.finishCandidate(nl, analytic, o, ProgressListener.NONE).hpwl())
                .isEqualTo(with.stages().get(2).hpwl());
    }

    @Test
    void releasedCandidatesStartAMixedGlobalPlacementFromThePlacersMacrosBeforeTheCellStages() {
        Netlist nl = design();
        PlacerOptions o = PlacerOptions.defaults().withThreads(1).withSeed(3).withAnalyticCandidate(false);
        assertThat(o.releaseMacros()).isEqualTo(PlacerOptions.RELEASE_DEFAULT).isTrue();
        Spots poor = new Spots(new double[][] {XS[2]}, new double[][] {YS[2]});
        PlacementResult released = Placer.place(nl, o, poor, ProgressListener.NONE);
        PlacementResult kept = Placer.place(nl, o.withReleaseMacros(false), poor, ProgressListener.NONE);
        // by hand: the mixed GP, the placer's macros, the release, then the flow's finishing
        Placement q = Placer.mixedGlobal(nl, nl.initialPlacement(), o, ProgressListener.NONE);
        poor.placeMacros(nl, q, 3, ProgressListener.NONE);
        Placer.release(nl, q, o, ProgressListener.NONE);
        FinishedCandidate f = Placer.finishCandidate(nl, q, o, ProgressListener.NONE);
        assertThat(released.metrics().hpwl()).isEqualTo(f.hpwl());
        assertThat(released.placement().x()).isEqualTo(q.x());
        assertThat(released.metrics().legal()).isTrue();
        // the macros moved away from the corner row the placer put them in, and the result is shorter
        assertThat(released.metrics().hpwl()).isLessThan(kept.metrics().hpwl());
    }

    @Test
    void theDefaultCandidateIsThePlacersOwnResultOnACopy() {
        Netlist nl = design();
        MacroPlacer plain = new MacroPlacer() {
            @Override
            public String name() {
                return "plain";
            }

            @Override
            public void placeMacros(Netlist netlist, Placement placement, long seed, ProgressListener progress) {
                new Spots(XS, YS).placeMacros(netlist, placement, seed, progress);
            }
        };
        Placement given = nl.initialPlacement();
        List<Placement> c = plain.candidates(nl, given, 1, ProgressListener.NONE);
        assertThat(c).hasSize(1);
        assertThat(given.x()).isEqualTo(nl.initialPlacement().x());
        assertThat(run(nl, plain).placement().x())
                .isEqualTo(run(nl, new Spots(new double[][] {XS[0]}, new double[][] {YS[0]})).placement().x());
    }

    @Test
    void withoutAMacroPlacerTheMixedGlobalPlacementStopsAtTheMixedTargetOverflow() {
        Netlist nl = design();
        for (double target : new double[] {0.2, 0.05}) {
            List<Double> firstRun = new ArrayList<>();
            int[] runs = {0};
            int[] last = {-1};
            ProgressListener listener = (stage, it, frac, h, overflow) -> {
                if (!stage.equals("global")) {
                    return;
                }
                if (it <= last[0]) {
                    runs[0]++;
                }
                last[0] = it;
                if (runs[0] == 0) {
                    firstRun.add(overflow);
                }
            };
            PlacementResult r = Placer.place(nl, PlacerOptions.defaults().withThreads(1).withSeed(3)
                    .withMixedTargetOverflow(target), null, listener);
            assertThat(r.metrics().legal()).isTrue();
            assertThat(r.stages()).extracting(StageReport::stage)
                    .containsExactly("global", "macro-legalize", "global-cells", "legalize", "detailed");
            assertThat(firstRun.get(firstRun.size() - 1)).isLessThanOrEqualTo(target);
            assertThat(firstRun.get(firstRun.size() - 2)).isGreaterThan(target);
        }
        assertThat(PlacerOptions.defaults().mixedTargetOverflow()).isEqualTo(0.01);
        assertThatThrownBy(() -> PlacerOptions.defaults().withMixedTargetOverflow(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlacerOptions.defaults().withMixedTargetOverflow(1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
