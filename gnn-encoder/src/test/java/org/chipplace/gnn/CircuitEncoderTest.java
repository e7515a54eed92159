package org.chipplace.gnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chipplace.netlist.Netlist;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CircuitEncoderTest {
    static final SyntheticCircuits.Spec SMALL_LOCAL = new SyntheticCircuits.Spec(300, 16, 20, 3.0, 0.02, 40);
    static final SyntheticCircuits.Spec BIG_GLOBAL = new SyntheticCircuits.Spec(900, 60, 60, 6.0, 0.4, 25);
    private static TrainingReport report;

    static EncoderTrainingOptions quickOptions() {
        return EncoderTrainingOptions.defaults().withEpochs(25).withDims(32, 16).withSeed(7);
    }

    static List<Netlist> trainingSet() {
        List<Netlist> designs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            designs.add(SyntheticCircuits.generate("small" + i, SMALL_LOCAL, 100 + i));
            designs.add(SyntheticCircuits.generate("big" + i, BIG_GLOBAL, 200 + i));
        }
        return designs;
    }

    @BeforeAll
    static void train() {
        report = EncoderTrainer.train(trainingSet(), quickOptions(), null);
    }

    @AfterAll
    static void close() {
        report.close();
    }

    @Test
    void trainingLowersLossAndReconstructsHeldOutEdges() {
        double[] loss = report.lossPerEpoch();
        assertThat(loss).hasSize(25);
        assertThat(loss[loss.length - 1]).isLessThan(loss[0]);
        assertThat(report.meanAuc()).isGreaterThan(0.75);
        assertThat(report.encoder().latentDim()).isEqualTo(16);
    }

    @Test
    void sameSeedGivesIdenticalTraining() {
        List<Netlist> designs = trainingSet().subList(0, 2);
        EncoderTrainingOptions o = quickOptions().withEpochs(3);
        try (TrainingReport a = EncoderTrainer.train(designs, o, null);
             TrainingReport b = EncoderTrainer.train(designs, o, null)) {
            assertThat(a.lossPerEpoch()).containsExactly(b.lossPerEpoch());
            assertThat(a.encoder().embed(designs.get(0))).containsExactly(b.encoder().embed(designs.get(0)));
        }
    }

    @Test
    void circuitTokenIsInvariantUnderNodeRenumbering() {
        Netlist a = SyntheticCircuits.generate("perm", BIG_GLOBAL, 999);
        Netlist b = SyntheticCircuits.permuted(a, 4242);
        assertThat(b.nodeNames()[0]).isNotEqualTo(a.nodeNames()[0]);
        float[] ta = report.encoder().embed(a);
        float[] tb = report.encoder().embed(b);
        assertThat(maxAbsDiff(ta, tb)).isLessThan(1e-4);
        assertThat(norm(ta)).isGreaterThan(1e-3);
        // full-graph mode as well (hub vertices, all cells)
        EncoderGraphOptions full = report.encoder().graphOptions().withMode(GraphMode.FULL);
        CircuitGraph ga = CircuitGraph.of(a, full);
        CircuitGraph gb = CircuitGraph.of(b, full);
        assertThat(maxAbsDiff(meanRows(report.encoder().nodeEmbeddings(ga, ga.src(), ga.dst(), ga.weight()), 16),
                meanRows(report.encoder().nodeEmbeddings(gb, gb.src(), gb.dst(), gb.weight()), 16))).isLessThan(1e-4);
    }

    @Test
    void macroEmbeddingsFollowMacrosUnderRenumbering() {
        Netlist a = SyntheticCircuits.generate("perm", SMALL_LOCAL, 5);
        Netlist b = SyntheticCircuits.permuted(a, 77);
        float[][] ea = report.encoder().macroEmbeddings(a);
        float[][] eb = report.encoder().macroEmbeddings(b);
        assertThat(ea).hasNumberOfRows(a.numMacros());
        List<Integer> macrosB = new ArrayList<>();
        for (int v = 0; v < b.numNodes(); v++) {
            if (b.isMacro(v)) {
                macrosB.add(v);
            }
        }
        int j = 0;
        for (int v = 0; v < a.numNodes(); v++) {
            if (a.isMacro(v)) {
                int vb = b.nodeIndex(a.nodeNames()[v]);
                assertThat(maxAbsDiff(ea[j++], eb[macrosB.indexOf(vb)])).isLessThan(1e-4);
            }
        }
    }

    @Test
    void circuitsFromTheSameSettingsAreCloserThanFromDifferentSettings() {
        float[] a1 = report.encoder().embed(SyntheticCircuits.generate("a1", SMALL_LOCAL, 31));
        float[] a2 = report.encoder().embed(SyntheticCircuits.generate("a2", SMALL_LOCAL, 32));
        float[] b1 = report.encoder().embed(SyntheticCircuits.generate("b1", BIG_GLOBAL, 33));
        double same = dist(a1, a2);
        assertThat(same).isLessThan(dist(a1, b1));
        assertThat(same).isLessThan(dist(a2, b1));
    }

    @Test
    void saveThenLoadGivesIdenticalEmbeddings(@TempDir Path dir) {
        Netlist d = SyntheticCircuits.generate("s", SMALL_LOCAL, 3);
        report.encoder().save(dir);
        try (CircuitEncoder loaded = CircuitEncoder.load(dir)) {
            assertThat(loaded.embed(d)).containsExactly(report.encoder().embed(d));
            assertThat(loaded.macroEmbeddings(d)).isDeepEqualTo(report.encoder().macroEmbeddings(d));
            assertThat(loaded.graphOptions()).isEqualTo(report.encoder().graphOptions());
        }
    }

    static float[] meanRows(float[] z, int dim) {
        float[] m = new float[dim];
        int n = z.length / dim;
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                m[d] += z[i * dim + d] / n;
            }
        }
        return m;
    }

    static double maxAbsDiff(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    static double dist(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    static double norm(float[] a) {
        return dist(a, new float[a.length]);
    }
}
