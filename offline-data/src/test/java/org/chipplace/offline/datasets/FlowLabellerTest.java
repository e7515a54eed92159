package org.chipplace.offline.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.synthetic.SyntheticCircuits;
import org.chipplace.netlist.synthetic.SyntheticOptions;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.offline.env.Trajectory;
import org.chipplace.offline.experts.AnalyticPlacer;
import org.chipplace.offline.experts.GreedyPlacer;
import org.chipplace.placer.MacroPlacer;
import org.chipplace.placer.Placer;
import org.chipplace.placer.PlacementResult;
import org.chipplace.placer.PlacerOptions;
import org.chipplace.placer.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowLabellerTest {
    @TempDir
    Path dir;
    private final Netlist d1 = SyntheticCircuits.generate("d1", SyntheticOptions.small(10), 1);
    private final Netlist d2 = SyntheticCircuits.generate("d2", SyntheticOptions.small(8), 2);
    private final PlacerOptions flow = PlacerOptions.defaults().withThreads(1).withSeed(5);
    private final EnvOptions env = EnvOptions.defaults().withGrid(16);

    /** A macro placer that puts the macros where a trajectory does (lower-left corners on its grid). */
    private record Replay(Trajectory t) implements MacroPlacer {
        @Override
        public String name() {
            return "replay";
        }

        @Override
        public void placeMacros(Netlist netlist, Placement placement, long seed, ProgressListener progress) {
            MacroEnv e = new MacroEnv(netlist, netlist.initialPlacement(), EnvOptions.defaults().withGrid(t.grid()));
            e.reset(t.order());
            for (int a : t.actions()) {
                e.step(a);
            }
            e.writePlacement(placement);
        }
    }

    @Test
    void aLabelIsTheFinalHpwlOfTheFlowWithTheTrajectorysMacros() {
        MacroEnv e = new MacroEnv(d1, d1.initialPlacement(), env);
        Trajectory greedy = new GreedyPlacer(env).rollout(e, 1, ProgressListener.NONE);
        FlowLabeller labeller = new FlowLabeller(d1, flow, ProgressListener.NONE);
        double label = labeller.label(greedy);
        // labels are of the trajectory's own macros: the flow with them kept, not released
        PlacementResult placed = Placer.place(d1, flow.withAnalyticCandidate(false).withReleaseMacros(false),
                new Replay(greedy), ProgressListener.NONE);
        assertThat(label).isEqualTo(placed.metrics().hpwl());
        assertThat(placed.metrics().legal()).isTrue();
        // the analytic label is the flow's analytic candidate
        PlacementResult withAnalytic = Placer.place(d1, flow.withReleaseMacros(false), new Replay(greedy),
                ProgressListener.NONE);
        assertThat(withAnalytic.stages().get(2).stage()).isEqualTo("candidate-analytic");
        assertThat(labeller.analytic()).isEqualTo(withAnalytic.stages().get(2).hpwl());
        assertThat(labeller.labelled(greedy).flowHpwl()).isEqualTo(label);
        assertThat(new FlowLabeller(d1, flow, ProgressListener.NONE).label(greedy)).isEqualTo(label);
    }

    @Test
    void aTrajectoryOfAnotherDesignIsRejected() {
        Trajectory t = new GreedyPlacer(env).rollout(new MacroEnv(d2, d2.initialPlacement(), env), 1,
                ProgressListener.NONE);
        FlowLabeller labeller = new FlowLabeller(d1, flow, ProgressListener.NONE);
        assertThatThrownBy(() -> labeller.label(t)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("design hash");
    }

    @Test
    void theAnalyticExpertSnapsTheMixedGlobalPlacementsMacrosToTheGrid() {
        MacroEnv e = new MacroEnv(d1, d1.initialPlacement(), env);
        AnalyticPlacer analytic = new AnalyticPlacer(env, flow);
        Trajectory t = analytic.rollout(e, 9, ProgressListener.NONE);
        assertThat(t.expert()).isEqualTo("analytic");
        Placement gp = Placer.mixedGlobal(d1, d1.initialPlacement(), flow.withSeed(9), ProgressListener.NONE);
        MacroEnv replay = new MacroEnv(d1, d1.initialPlacement(), env);
        replay.reset(t.order());
        int exact = 0;
        for (int s = 0; s < t.actions().length; s++) {
            int k = t.order()[s];
            int v = replay.macroNode(k);
            int want = replay.cellAt(k, gp.x()[v], gp.y()[v]);
            boolean free = replay.fitsNext(want);
            // a macro takes its snapped analytic cell whenever that is free
            if (free) {
                assertThat(t.actions()[s]).isEqualTo(want);
                exact++;
            }
            replay.step(t.actions()[s]);
        }
        assertThat(exact).isPositive();
        // the same seed gives the same trajectory; another seed starts another analytic placement
        assertThat(analytic.rollout(e, 9, ProgressListener.NONE).actions()).isEqualTo(t.actions());
        Placement other = Placer.mixedGlobal(d1, d1.initialPlacement(), flow.withSeed(10), ProgressListener.NONE);
        assertThat(other.x()).isNotEqualTo(gp.x());
    }

    @Test
    void generatedDatasetsCarryFlowLabelsThroughTheFileAndInfo() throws IOException {
        Path f = dir.resolve("real.cptraj");
        DatasetOptions o = new DatasetOptions(env, 1, 20, 1).withFlowLabels(true);
        Datasets.generate(List.of(d1, d2), 4, "real", 3, f, ProgressListener.NONE, o);
        List<Trajectory> ts = Datasets.read(f);
        assertThat(ts).hasSize(8).allSatisfy(t -> assertThat(t.labelled()).isTrue());
        assertThat(ts.subList(0, 4)).extracting(Trajectory::expert)
                .containsExactly("analytic", "greedy", "analytic", "ea");
        FlowLabeller l1 = new FlowLabeller(d1, o.flow(), ProgressListener.NONE);
        assertThat(l1.label(ts.get(1))).isEqualTo(ts.get(1).flowHpwl());
        DatasetInfo info = Datasets.info(f);
        assertThat(info.version()).isEqualTo(2);
        DatasetInfo.DesignStats s = info.designs().get(0);
        assertThat(s.labelled()).isEqualTo(4);
        double least = ts.subList(0, 4).stream().mapToDouble(Trajectory::flowHpwl).min().orElseThrow();
        assertThat(s.bestFlowHpwl()).isEqualTo(least);
        assertThat(s.meanFlowHpwl()).isGreaterThanOrEqualTo(least);
        // without labels: NaN in the file, nulls in the summary
        Path g = dir.resolve("plain.cptraj");
        Datasets.generate(List.of(d1), 1, "greedy", 3, g, ProgressListener.NONE, new DatasetOptions(env, 1, 20, 1));
        assertThat(Datasets.read(g).get(0).labelled()).isFalse();
        assertThat(Datasets.info(g).designs().get(0).bestFlowHpwl()).isNull();
        // merged: labels kept, in order
        Path m = dir.resolve("merged.cptraj");
        assertThat(Datasets.merge(List.of(f, g), m).trajectories()).isEqualTo(9);
        List<Trajectory> merged = Datasets.read(m);
        assertThat(merged.get(1).flowHpwl()).isEqualTo(ts.get(1).flowHpwl());
        assertThat(merged.get(8).labelled()).isFalse();
    }
}
