package org.chipplace.gnn;

import static org.assertj.core.api.Assertions.assertThat;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.testing.BenchmarkDesigns;
import org.junit.jupiter.api.Test;

/** Link reconstruction of the bundled checkpoint on the held-out edges of ibm01's macro graph. */
class RealDesignAucTest {

    @Test
    void bundledEncoderReconstructsHeldOutMacroEdgesOfIbm01() {
        Netlist nl = BenchmarkDesigns.load("ibm01");
        try (CircuitEncoder enc = CircuitEncoder.loadDefault()) {
            EncoderConfig cfg = enc.config();
            CircuitGraph g = CircuitGraph.of(nl, enc.graphOptions());
            assertThat(g.numNodes()).isEqualTo(nl.numMacros()); // AUTO chose the macro graph
            // the split the checkpoint was trained with: these edges were never seen in training
            EdgeSplit split = EdgeSplit.of(g, cfg.holdoutFraction(), EdgeSplit.seedFor(cfg.seed(), nl.name()));
            assertThat(split.testSrc().length).isGreaterThan(100);
            float[] z = enc.nodeEmbeddings(g, split.trainSrc(), split.trainDst(), split.trainW());
            double auc = split.auc(z, enc.latentDim());
            assertThat(auc).isGreaterThan(0.8);
        }
    }

    @Test
    void bundledEncoderEmbedsLargeDesignWithoutMacrosThroughTheFullGraph() {
        Netlist nl = BenchmarkDesigns.load("ibm05");
        try (CircuitEncoder enc = CircuitEncoder.loadDefault()) {
            CircuitEmbedding e = enc.encode(nl);
            assertThat(e.token()).hasSize(enc.latentDim());
            assertThat(e.macros()).isEmpty();
            for (float v : e.token()) {
                assertThat(Float.isFinite(v)).isTrue();
            }
            assertThat(CircuitEncoderTest.norm(e.token())).isGreaterThan(1e-3);
        }
    }
}
