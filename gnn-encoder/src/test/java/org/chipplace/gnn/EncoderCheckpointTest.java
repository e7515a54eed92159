package org.chipplace.gnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.synthetic.SyntheticCircuits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncoderCheckpointTest {

    @Test
    void aSavedEncoderPassesTheCheckAndLoadsFromItsFilesOrTheirContents(@TempDir Path dir) throws IOException {
        Netlist nl = SyntheticCircuits.generate("enc", CircuitEncoderTest.SMALL_LOCAL, 3);
        float[] token;
        try (CircuitEncoder enc = CircuitEncoder.loadDefault()) {
            token = enc.embed(nl);
            enc.save(dir);
        }
        CircuitEncoder.checkCheckpoint(dir);
        try (InputStream cfg = Files.newInputStream(dir.resolve("encoder.properties"));
             InputStream params = Files.newInputStream(dir.resolve("encoder.params"));
             CircuitEncoder enc = CircuitEncoder.load(cfg, params)) {
            assertThat(enc.embed(nl)).containsExactly(token);
        }
    }

    @Test
    void aFolderThatIsNotAnEncoderCheckpointIsRejectedInOneLineNamingIt(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nosuch");
        assertThatThrownBy(() -> CircuitEncoder.checkCheckpoint(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(missing + ": no such folder");
        assertThatThrownBy(() -> CircuitEncoder.checkCheckpoint(dir))
                .hasMessage(dir + " is not a circuit-encoder checkpoint (no encoder.properties); "
                        + "train-encoder --out DIR writes one");
        // a decision-transformer checkpoint keeps its encoder in encoder/: say so
        Path dt = dir.resolve("dt");
        try (CircuitEncoder enc = CircuitEncoder.loadDefault()) {
            enc.save(dt.resolve("encoder"));
        }
        assertThatThrownBy(() -> CircuitEncoder.checkCheckpoint(dt))
                .hasMessageContaining("decision-transformer checkpoint, whose encoder is " + dt.resolve("encoder"));
    }
}
