package org.chipplace.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chipplace.gnn.CircuitEncoder;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainEncoderCommandTest {

    @Test
    void trainedEncoderIsSavedWithItsLogAndLoadsBack(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("enc");
        EvaluateCommandTest.Run r = PlaceCommandTest.run("train-encoder", "--aux", EvaluateCommandTest.TINY.toString(),
                "--synthetic", "1", "--epochs", "5", "--seed", "2", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 designs, 5 epochs");
        List<String> log = Files.readAllLines(out.resolve("training.csv"));
        assertThat(log).hasSize(6).first().isEqualTo("epoch,loss,heldOutAuc,elapsedMillis");
        try (CircuitEncoder enc = CircuitEncoder.load(out)) {
            float[] token = enc.embed(Bookshelf.read(EvaluateCommandTest.TINY));
            assertThat(token).hasSize(enc.latentDim());
        }
    }

    @Test
    void noDesignsIsAnInputError(@TempDir Path dir) {
        EvaluateCommandTest.Run r = PlaceCommandTest.run("train-encoder", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no training designs");
    }
}
