package org.chipplace.gnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;
import org.chipplace.netlist.synthetic.SyntheticCircuits;
import org.chipplace.netlist.synthetic.SyntheticOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CircuitEncoderTest {
    /** 16 macros, 300 cells, local nets (Rent exponent 0.3). */
    static final SyntheticOptions SMALL_LOCAL = new SyntheticOptions(16, 300, 350, 20, 0.6, 0.5, 0.3);
    /** 60 macros, 900 cells, global nets (Rent exponent 0.9). */
    static final SyntheticOptions BIG_GLOBAL = new SyntheticOptions(60, 900, 1060, 60, 0.6, 0.5, 0.9);
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
        Netlist b = permuted(a, 4242);
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
        Netlist b = permuted(a, 77);
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

    /** The same design with nodes renumbered by a seeded random permutation (names, nets and pins kept). */
    static Netlist permuted(Netlist nl, long seed) {
        int n = nl.numNodes();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        NetlistBuilder b = new NetlistBuilder(nl.name());
        Placement p = nl.initialPlacement();
        int[] newId = new int[n];
        for (int k = 0; k < n; k++) {
            int v = perm[k];
            double w = nl.widths()[v];
            double h = nl.heights()[v];
            newId[v] = nl.isMovable(v) ? b.addMovable(nl.nodeNames()[v], w, h)
                    : b.addFixed(nl.nodeNames()[v], w, h, nl.kind(v) == NodeKind.FIXED_NI);
            b.setPosition(newId[v], p.x()[v], p.y()[v], p.orient()[v]);
        }
        for (Row r : nl.rows()) {
            b.addRow(r);
        }
        for (int e = 0; e < nl.numNets(); e++) {
            b.addNet(nl.netNames()[e], nl.netWeights()[e]);
            for (int q = nl.netPinStart()[e]; q < nl.netPinStart()[e + 1]; q++) {
                b.addPin(newId[nl.pinNode()[q]], nl.pinDx()[q], nl.pinDy()[q], nl.pinDirection()[q]);
            }
        }
        return b.build();
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
