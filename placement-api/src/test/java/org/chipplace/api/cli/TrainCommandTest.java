package org.chipplace.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chipplace.gnn.CircuitEncoder;
import org.chipplace.policy.DecisionTransformerPlacer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @Test
    void trainingOnASyntheticDatasetWritesACheckpointThatPlacesAHeldOutDesign(@TempDir Path dir) throws IOException {
        Path ds = dir.resolve("ds.bin");
        EvaluateCommandTest.Run g = PlaceCommandTest.run("dataset", "generate", "--synthetic", "1", "--out",
                ds.toString(), "--trajectories", "2", "--expert", "greedy", "--seed", "4");
        assertThat(g.code()).as(g.err()).isZero();
        Path model = dir.resolve("model");
        EvaluateCommandTest.Run t = PlaceCommandTest.run("train", "--dataset", ds.toString(), "--synthetic", "1",
                "--synthetic-seed", "4", "--held-out", EvaluateCommandTest.TINY.toString(), "--steps", "3",
                "--out", model.toString());
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("held out tiny");
        assertThat(model.resolve("training.csv")).exists();
        try (var files = Files.list(model)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("dt.params", "dt.properties");
        }
    }

    @Test
    void datasetWithoutItsDesignsIsAnInputError(@TempDir Path dir) {
        EvaluateCommandTest.Run g = PlaceCommandTest.run("dataset", "generate", "--synthetic", "1", "--out",
                dir.resolve("ds.bin").toString(), "--trajectories", "1", "--expert", "greedy", "--seed", "4");
        assertThat(g.code()).isZero();
        EvaluateCommandTest.Run t = PlaceCommandTest.run("train", "--dataset", dir.resolve("ds.bin").toString(),
                "--out", dir.resolve("m").toString(), "--steps", "1");
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).doesNotContain("\tat ");
    }

    @Test
    void trainingWithAnEncoderFolderPutsThatEncoderInTheCheckpoint(@TempDir Path dir) throws IOException {
        Path encoder = dir.resolve("encoder");
        try (CircuitEncoder enc = CircuitEncoder.loadDefault()) {
            enc.save(encoder); // what train-encoder --out writes
        }
        Path ds = dir.resolve("ds.bin");
        assertThat(PlaceCommandTest.run("dataset", "generate", "--synthetic", "1", "--out", ds.toString(),
                "--trajectories", "2", "--expert", "greedy", "--seed", "4").code()).isZero();
        Path model = dir.resolve("model");
        EvaluateCommandTest.Run t = PlaceCommandTest.run("train", "--dataset", ds.toString(), "--synthetic", "1",
                "--synthetic-seed", "4", "--steps", "2", "--encoder", encoder.toString(), "--device", "cpu",
                "--out", model.toString());
        assertThat(t.code()).as(t.err()).isZero();
        // the checkpoint's encoder is the given one, not one trained on the dataset's design
        assertThat(Files.readAllBytes(model.resolve("encoder/encoder.params")))
                .isEqualTo(Files.readAllBytes(encoder.resolve("encoder.params")));
        assertThat(PlaceCommandTest.run("place", "--aux", EvaluateCommandTest.TINY.toString(), "--out",
                dir.resolve("placed").toString(), "--macro-placer", "dt", "--checkpoint", model.toString()).code())
                .isZero();
    }

    @Test
    void anEncoderFolderThatIsMissingOrNotOneIsAOneLineInputError(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nosuch");
        EvaluateCommandTest.Run t = PlaceCommandTest.run("train", "--dataset", dir.resolve("ds.bin").toString(),
                "--out", dir.resolve("m").toString(), "--encoder", missing.toString());
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).isEqualTo("error: --encoder " + missing + ": no such folder" + System.lineSeparator());
        Files.createDirectories(dir.resolve("empty"));
        t = PlaceCommandTest.run("train", "--dataset", dir.resolve("ds.bin").toString(), "--out",
                dir.resolve("m").toString(), "--encoder", dir.resolve("empty").toString());
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).isEqualTo("error: --encoder " + dir.resolve("empty") + " is not a circuit-encoder "
                + "checkpoint (no encoder.properties); train-encoder --out DIR writes one" + System.lineSeparator());
        assertThat(dir.resolve("m")).doesNotExist();
    }

    @Test
    void gpuTrainingWithoutACudaDeviceIsAOneLineInputError(@TempDir Path dir) {
        Assumptions.assumeTrue(DecisionTransformerPlacer.gpuCount() == 0, "a GPU is present");
        EvaluateCommandTest.Run t = PlaceCommandTest.run("train", "--dataset", dir.resolve("ds.bin").toString(),
                "--out", dir.resolve("m").toString(), "--device", "gpu");
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).isEqualTo("error: no CUDA device: this build has the CPU PyTorch engine (build with -Pcuda)"
                + System.lineSeparator());
        t = PlaceCommandTest.run("train", "--dataset", dir.resolve("ds.bin").toString(), "--out",
                dir.resolve("m").toString(), "--device", "tpu");
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).isEqualTo("error: device must be cpu or gpu, got tpu" + System.lineSeparator());
    }
}
