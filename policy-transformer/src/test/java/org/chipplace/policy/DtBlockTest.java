package org.chipplace.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.offline.env.MacroEnv;
import org.junit.jupiter.api.Test;

class DtBlockTest {
    private static final int G = 8;

    @Test
    void changingLaterTokensNeverChangesEarlierLogits() {
        DtConfig cfg = TestModels.tinyConfig(G, 4, 3);
        Netlist nl = TestModels.tinyDesign(6, 3);
        try (DecisionTransformer dt = TestModels.randomModel(cfg, 7)) {
            Batch base = TestModels.randomWindow(cfg, nl, 11);
            float[][] ref = TestModels.logits(dt, base);
            int gg = G * G;
            for (int j = 0; j < base.l; j++) {
                // perturb return, state and action of step j
                Batch b = TestModels.randomWindow(cfg, nl, 11);
                b.rtg[j] += 5f;
                for (int c = 0; c < 3 * gg; c++) {
                    b.masks[j * 3 * gg + c] = 1f - b.masks[j * 3 * gg + c];
                }
                b.extras[j * MacroEnv.STATE_EXTRA] += 0.5f;
                b.actions[2 * j] = 0.9f;
                b.actions[2 * j + 1] = 0.1f;
                float[][] out = TestModels.logits(dt, b);
                for (int t = 0; t < j; t++) {
                    assertThat(out[t]).as("step %d after changing step %d", t, j).containsExactly(ref[t]);
                }
                if (j < base.l - 1) {
                    assertThat(out[j + 1]).as("a later step must see the change").isNotEqualTo(ref[j + 1]);
                }
            }
        }
    }

    @Test
    void lastStepLogitsOfRolloutsEqualTheFullForwardAtTheLastStep() {
        Netlist nl = TestModels.tinyDesign(20, 9);
        DtConfig cfg = TestModels.tinyConfig(G, 4, 3);
        try (DecisionTransformer dt = TestModels.randomModel(cfg, 13)) {
            Batch b = TestModels.randomWindow(cfg, nl, 17);
            float[][] full = TestModels.logits(dt, b);
            float[] last = Rollouts.lastLogits(dt, b);
            float[] ref = full[b.l - 1];
            assertThat(b.l).isGreaterThan(1);
            assertThat(last).hasSize(ref.length);
            for (int c = 0; c < ref.length; c++) {
                assertThat(last[c]).as("cell %d", c)
                        .isCloseTo(ref[c], org.assertj.core.data.Offset.offset(1e-4f * (1 + Math.abs(ref[c]))));
            }
            assertThat(Rollouts.choose(last, lastState(b), b.g * b.g, 0, null))
                    .isEqualTo(Rollouts.choose(ref, lastState(b), b.g * b.g, 0, null));
        }
    }

    /** The masks of the last step of a one-window batch, as a state vector (position mask in channel 2). */
    private static float[] lastState(Batch b) {
        int n = 3 * b.g * b.g;
        float[] s = new float[n];
        System.arraycopy(b.masks, (b.l - 1) * n, s, 0, n);
        return s;
    }

    @Test
    void changingTheActionOfAStepNeverChangesItsOwnLogits() {
        DtConfig cfg = TestModels.tinyConfig(G, 4, 3);
        Netlist nl = TestModels.tinyDesign(6, 3);
        try (DecisionTransformer dt = TestModels.randomModel(cfg, 7)) {
            float[][] ref = TestModels.logits(dt, TestModels.randomWindow(cfg, nl, 5));
            Batch b = TestModels.randomWindow(cfg, nl, 5);
            b.actions[2 * 2] = 0.77f;
            b.actions[2 * 2 + 1] = 0.33f;
            float[][] out = TestModels.logits(dt, b);
            assertThat(out[2]).containsExactly(ref[2]);
            assertThat(out[3]).isNotEqualTo(ref[3]);
        }
    }

    @Test
    void learnedResidualMovesLegalLogitsByAtMostItsBoundAroundTheGreedyPrior() {
        DtConfig cfg = TestModels.tinyConfig(G, 4, 3);
        Netlist nl = TestModels.tinyDesign(6, 5);
        try (DecisionTransformer dt = TestModels.randomModel(cfg, 11)) {
            Batch b = TestModels.randomWindow(cfg, nl, 17);
            float[][] out = TestModels.logits(dt, b);
            int gg = G * G;
            double maxDev = 0;
            for (int t = 0; t < b.l; t++) {
                for (int c = 0; c < gg; c++) {
                    if (b.masks[(t * 3 + 2) * gg + c] > 0.5f) {
                        double prior = ActionHead.WIRE_PRIOR * b.masks[(t * 3 + 1) * gg + c]
                                - ActionHead.LEX_PRIOR * c / (double) gg;
                        maxDev = Math.max(maxDev, Math.abs(out[t][c] - prior));
                    }
                }
            }
            // the perturbed residual is active, but never larger than its bound
            assertThat(maxDev).isGreaterThan(0.01).isLessThanOrEqualTo(ActionHead.RESIDUAL_BOUND + 1e-5);
        }
    }

    @Test
    void illegalCellsGetLogitsFarBelowEveryLegalCell() {
        DtConfig cfg = TestModels.tinyConfig(G, 4, 3);
        Netlist nl = TestModels.tinyDesign(6, 3);
        try (DecisionTransformer dt = TestModels.randomModel(cfg, 9)) {
            Batch b = TestModels.randomWindow(cfg, nl, 13);
            float[][] out = TestModels.logits(dt, b);
            int gg = G * G;
            for (int t = 0; t < b.l; t++) {
                float minLegal = Float.POSITIVE_INFINITY;
                float maxIllegal = Float.NEGATIVE_INFINITY;
                for (int c = 0; c < gg; c++) {
                    boolean legal = b.masks[(t * 3 + 2) * gg + c] > 0.5f;
                    if (legal) {
                        minLegal = Math.min(minLegal, out[t][c]);
                    } else {
                        maxIllegal = Math.max(maxIllegal, out[t][c]);
                    }
                }
                if (minLegal < Float.POSITIVE_INFINITY && maxIllegal > Float.NEGATIVE_INFINITY) {
                    assertThat(maxIllegal).isLessThan(minLegal - 1000f);
                }
            }
        }
    }

    @Test
    void choiceNeverPicksAnIllegalCellEvenWithTheLargestLogit() {
        int gg = 16;
        float[] state = new float[3 * gg + 3];
        float[] logits = new float[gg];
        for (int c = 0; c < gg; c++) {
            state[2 * gg + c] = c % 3 == 0 ? 1f : 0f;
            logits[c] = c % 3 == 0 ? 0f : 50f;
        }
        SplittableRandom rnd = new SplittableRandom(1);
        assertThat(Rollouts.choose(logits, state, gg, 0, rnd) % 3).isZero();
        for (int i = 0; i < 500; i++) {
            assertThat(Rollouts.choose(logits, state, gg, 10.0, rnd) % 3).isZero();
        }
        java.util.Arrays.fill(state, 2 * gg, 3 * gg, 0f);
        assertThat(Rollouts.choose(logits, state, gg, 1.0, rnd)).isEqualTo(-1);
    }

    @Test
    void argmaxTakesTheLargestLegalLogitAndSamplingFollowsTheSoftmax() {
        int gg = 4;
        float[] state = new float[3 * gg + 3];
        java.util.Arrays.fill(state, 2 * gg, 3 * gg, 1f);
        float[] logits = {0f, (float) Math.log(3), 0f, -1e4f};
        SplittableRandom rnd = new SplittableRandom(3);
        assertThat(Rollouts.choose(logits, state, gg, 0, rnd)).isEqualTo(1);
        int[] counts = new int[gg];
        int n = 20000;
        for (int i = 0; i < n; i++) {
            counts[Rollouts.choose(logits, state, gg, 1.0, rnd)]++;
        }
        // probabilities 0.2, 0.6, 0.2, 0
        assertThat(counts[1] / (double) n).isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.02));
        assertThat(counts[0] / (double) n).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.02));
        assertThat(counts[3]).isZero();
    }
}
