package org.chipplace.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
