package org.chipplace.gnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.chipplace.netlist.Benchmarks;
import org.chipplace.netlist.Bookshelf;
import org.chipplace.netlist.Netlist;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Link reconstruction of the bundled checkpoint on the held-out edges of ibm01's macro graph. */
class RealDesignAucTest {

    private static Netlist readOrSkip(String design) {
        Optional<Path> aux = Benchmarks.aux(design);
        if (aux.isEmpty()) {
            if (Benchmarks.required()) {
                throw new AssertionError(Benchmarks.missingMessage(design));
            }
            Assumptions.abort(Benchmarks.missingMessage(design));
        }
        return Bookshelf.read(aux.get());
    }

    @Test
    void bundledEncoderReconstructsHeldOutMacroEdgesOfIbm01() {
        Netlist nl = readOrSkip("ibm01");
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
        Netlist nl = readOrSkip("ibm05");
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
