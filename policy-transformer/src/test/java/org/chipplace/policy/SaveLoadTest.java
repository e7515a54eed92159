package org.chipplace.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chipplace.gnn.CircuitEncoder;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.placer.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaveLoadTest {
    private static final int G = 8;

    @Test
    void savedAndLoadedModelGivesIdenticalLogitsAndPlacements(@TempDir Path dir) {
        Netlist nl = TestModels.tinyDesign(6, 31);
        CircuitEncoder enc = TestModels.tinyEncoder(List.of(nl));
        DtConfig cfg = TestModels.tinyConfig(G, 4, enc.latentDim());
        Batch b = TestModels.randomWindow(cfg, nl, 4);
        float[][] before;
        Placement p1 = nl.initialPlacement();
        try (DecisionTransformer dt = DecisionTransformer.create(cfg, enc, true, Device.cpu(), 17)) {
            before = TestModels.logits(dt, b);
            dt.place(nl, p1, DtOptions.defaults().withSamples(2), 5, ProgressListener.NONE);
            dt.save(dir);
        }
        Placement p2 = nl.initialPlacement();
        try (DecisionTransformer loaded = DecisionTransformer.load(dir)) {
            float[][] after = TestModels.logits(loaded, b);
            for (int t = 0; t < before.length; t++) {
                assertThat(after[t]).containsExactly(before[t]);
            }
            assertThat(loaded.grid()).isEqualTo(G);
            assertThat(loaded.contextLength()).isEqualTo(4);
            loaded.place(nl, p2, DtOptions.defaults().withSamples(2), 5, ProgressListener.NONE);
        }
        assertThat(p2.x()).containsExactly(p1.x());
        assertThat(p2.y()).containsExactly(p1.y());
    }

    @Test
    void aFolderThatIsNotACheckpointIsRejectedInOneLineNamingIt(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nosuch");
        assertThatThrownBy(() -> DecisionTransformer.load(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(missing + ": no such folder");
        Path encoderOnly = dir.resolve("enc");
        try (CircuitEncoder enc = CircuitEncoder.loadDefault()) {
            enc.save(encoderOnly);
        }
        assertThatThrownBy(() -> DecisionTransformer.checkCheckpoint(encoderOnly))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a decision-transformer checkpoint (no dt.properties)")
                .hasMessageContaining("train --encoder").hasMessageNotContaining("\n");
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        assertThatThrownBy(() -> DecisionTransformer.checkCheckpoint(file)).hasMessage(file + " is not a folder");
        // a saved model passes the check and loads
        Path model = dir.resolve("model");
        try (DecisionTransformer dt = DecisionTransformer.loadDefault()) {
            dt.save(model);
        }
        DecisionTransformer.checkCheckpoint(model);
        try (DecisionTransformer dt = DecisionTransformer.load(model)) {
            assertThat(dt.grid()).isPositive();
        }
    }
}
