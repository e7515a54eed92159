package org.chipplace.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Arrays;
import java.util.List;
import org.chipplace.gnn.CircuitEncoder;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.offline.experts.GreedyPlacer;
import org.chipplace.placer.ProgressListener;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PlacingTest {
    private static final int G = 12;

    @Test
    void fineTuningNeverReturnsAPlacementWorseThanTheBestItSaw() {
        Netlist nl = TestModels.tinyDesign(8, 41);
        CircuitEncoder enc = TestModels.tinyEncoder(List.of(nl));
        DtConfig cfg = TestModels.tinyConfig(G, 4, enc.latentDim());
        try (DecisionTransformer dt = DecisionTransformer.create(cfg, enc, true, Device.cpu(), 3)) {
            Placement p = nl.initialPlacement();
            DtOptions o = DtOptions.defaults().withSamples(2).withFineTuneSteps(4).withTemperature(3.0);
            DtResult r = dt.place(nl, p, o, 9, ProgressListener.NONE);
            assertThat(r.fineTuneSteps()).isEqualTo(4);
            assertThat(r.rolloutHpwl()).hasSize(6);
            double min = Arrays.stream(r.rolloutHpwl()).min().orElseThrow();
            assertThat(r.hpwl()).isEqualTo(min);
            assertThat(r.hpwl()).isLessThanOrEqualTo(r.zeroShotHpwl());
            // the placement written is the one reported, measured independently
            assertThat(MacroEnv.macroHpwl(nl, p)).isCloseTo(r.hpwl(), org.assertj.core.data.Offset.offset(1e-6 * r.hpwl()));
        }
    }

    @Test
    void withoutPadsThePlacerReportsAndNormalisesByTheMacroToMacroHpwl() {
        Netlist nl = TestModels.tinyDesign(8, 44);
        Placement p = nl.initialPlacement();
        DtResult r = placeAndCheckObjective(nl, p, DtOptions.defaults().withFixedPins(false),
                Placing.envOptions(G).withFixedPins(false));
        assertThat(MacroEnv.macroHpwl(nl, p)).isGreaterThan(r.hpwl()); // the pads' nets are left out
    }

    @Test
    void withCellPinsThePlacerReportsAndNormalisesByTheObjectiveThatCountsStandardCells() {
        Netlist nl = TestModels.tinyDesign(8, 45);
        Placement p = nl.initialPlacement();
        DtResult r = placeAndCheckObjective(nl, p, DtOptions.defaults().withCellPins(true),
                Placing.envOptions(G).withCellPins(true));
        assertThat(MacroEnv.macroHpwl(nl, p)).isLessThan(r.hpwl()); // the cells' pins are counted too
    }

    /**
     * Places {@code nl} into {@code p} with a fresh tiny model and checks that the reported HPWL is the
     * written placement's in {@code objective} and that the return normaliser is greedy's in it.
     */
    private static DtResult placeAndCheckObjective(Netlist nl, Placement p, DtOptions o, EnvOptions objective) {
        CircuitEncoder enc = TestModels.tinyEncoder(List.of(nl));
        DtConfig cfg = TestModels.tinyConfig(G, 4, enc.latentDim());
        try (DecisionTransformer dt = DecisionTransformer.create(cfg, enc, true, Device.cpu(), 3)) {
            DtResult r = dt.place(nl, p, o, 1, ProgressListener.NONE);
            assertThat(MacroEnv.macroHpwl(nl, p, objective))
                    .isCloseTo(r.hpwl(), org.assertj.core.data.Offset.offset(1e-6 * r.hpwl()));
            double greedy = new GreedyPlacer(objective).rollout(new MacroEnv(nl, nl.initialPlacement(), objective), 0,
                    ProgressListener.NONE).finalHpwl();
            assertThat(r.scale()).isEqualTo(greedy);
            return r;
        }
    }

    @Test
    void rolloutsNeverChooseIllegalCellsWhileALegalOneExists() {
        Netlist nl = TestModels.tinyDesign(10, 42);
        DtConfig cfg = TestModels.tinyConfig(G, 4, 3);
        try (DecisionTransformer dt = TestModels.randomModel(cfg, 5)) {
            MacroEnv env = new MacroEnv(nl, nl.initialPlacement(), Placing.envOptions(G));
            for (double temp : new double[] {0, 1, 20}) {
                Episode e = Rollouts.run(dt, env, new float[3], 1.0, -1.0, temp, new java.util.SplittableRandom(7));
                env.reset();
                boolean[] pm = new boolean[G * G];
                for (int a : e.actions()) {
                    if (env.positionMask(pm) > 0) {
                        assertThat(pm[a]).as("cell %d at temperature %s", a, temp).isTrue();
                    }
                    env.step(a);
                }
            }
        }
    }

    @Test
    void sampledRolloutWithAVanishingSampleFractionFollowsTheArgmaxRollout() {
        Netlist nl = TestModels.tinyDesign(10, 43);
        DtConfig cfg = TestModels.tinyConfig(G, 4, 3);
        try (DecisionTransformer dt = TestModels.randomModel(cfg, 6)) {
            MacroEnv env = new MacroEnv(nl, nl.initialPlacement(), Placing.envOptions(G));
            int[] argmax = Rollouts.run(dt, env, new float[3], 1.0, -1.0, 0, new java.util.SplittableRandom(1)).actions();
            int[] rare = Rollouts.run(dt, env, new float[3], 1.0, -1.0, 20, 1e-12, new java.util.SplittableRandom(1))
                    .actions();
            int[] all = Rollouts.run(dt, env, new float[3], 1.0, -1.0, 20, 1.0, new java.util.SplittableRandom(1))
                    .actions();
            assertThat(rare).containsExactly(argmax);
            assertThat(all).isNotEqualTo(argmax);
        }
    }

    @Test
    void gpuDeviceWithoutAGpuFailsWithAClearMessage() {
        Assumptions.assumeTrue(Engine.getInstance().getGpuCount() == 0, "a GPU is present");
        assertThatThrownBy(() -> new DecisionTransformerPlacer(DtOptions.defaults().withDevice("gpu")))
                .isInstanceOf(org.chipplace.gnn.NoCudaDeviceException.class).hasMessageStartingWith("no CUDA device: ");
        assertThatThrownBy(() -> Engines.device("tpu")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsRejectInvalidValues() {
        assertThatThrownBy(() -> DtOptions.defaults().withSamples(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DtOptions.defaults().withFineTuneSteps(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DtOptions.defaults().withTimeLimit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DtOptions.defaults().withDevice("tpu")).isInstanceOf(IllegalArgumentException.class);
        assertThat(DtOptions.defaults().withDevice("GPU").device()).isEqualTo("gpu");
        assertThatThrownBy(() -> DtOptions.defaults().withSampleFraction(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DtOptions.defaults().withSampleFraction(1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrainOptions.defaults().withSteps(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
