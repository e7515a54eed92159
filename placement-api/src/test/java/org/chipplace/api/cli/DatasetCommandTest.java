package org.chipplace.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandTest {

    @Test
    void generatedSyntheticDatasetIsDescribedByInfo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ds.bin");
        EvaluateCommandTest.Run g = PlaceCommandTest.run("dataset", "generate", "--synthetic", "2", "--out",
                file.toString(), "--trajectories", "2", "--expert", "greedy", "--seed", "9");
        assertThat(g.code()).as(g.err()).isZero();
        assertThat(file).exists();
        EvaluateCommandTest.Run info = PlaceCommandTest.run("dataset", "info", file.toString(), "--json");
        assertThat(info.code()).as(info.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(info.out());
        assertThat(json.get("trajectories").asInt()).isEqualTo(4);
        assertThat(json.get("designs")).hasSize(2);
        for (JsonNode d : json.get("designs")) {
            assertThat(d.get("trajectories").asInt()).isEqualTo(2);
            assertThat(d.get("bestReturn").asDouble()).isNegative()
                    .isGreaterThanOrEqualTo(d.get("worstReturn").asDouble());
        }
    }

    @Test
    void datasetOfTheTinyDesignRecordsEveryMacroAsAStep(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tiny.bin");
        EvaluateCommandTest.Run g = PlaceCommandTest.run("dataset", "generate", "--aux",
                EvaluateCommandTest.TINY.toString(), "--out", file.toString(), "--trajectories", "1", "--expert",
                "greedy");
        assertThat(g.code()).as(g.err()).isZero();
        JsonNode d = Json.MAPPER.readTree(PlaceCommandTest.run("dataset", "info", file.toString(), "--json").out())
                .get("designs").get(0);
        assertThat(d.get("name").asText()).isEqualTo("tiny");
        assertThat(d.get("steps").asInt()).isEqualTo(2);
    }

    @Test
    void analyticTrajectoriesWithFlowLabelsAreMergedAndSummarised(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.cptraj");
        Path b = dir.resolve("b.cptraj");
        EvaluateCommandTest.Run g = PlaceCommandTest.run("dataset", "generate", "--synthetic", "1", "--out",
                a.toString(), "--trajectories", "2", "--expert", "analytic", "--flow-labels", "--seed", "4", "--grid", "32");
        assertThat(g.code()).as(g.err()).isZero();
        g = PlaceCommandTest.run("dataset", "generate", "--synthetic", "1", "--out", b.toString(),
                "--trajectories", "1", "--expert", "greedy", "--seed", "4", "--grid", "32");
        assertThat(g.code()).as(g.err()).isZero();
        Path m = dir.resolve("m.cptraj");
        EvaluateCommandTest.Run merge = PlaceCommandTest.run("dataset", "merge", a.toString(), b.toString(), "--out",
                m.toString());
        assertThat(merge.code()).as(merge.err()).isZero();
        assertThat(merge.out()).contains("3 trajectories on 1 designs");
        JsonNode d = Json.MAPPER.readTree(PlaceCommandTest.run("dataset", "info", m.toString(), "--json").out())
                .get("designs").get(0);
        assertThat(d.get("experts").get("analytic").asInt()).isEqualTo(2);
        assertThat(d.get("grid").asInt()).isEqualTo(32);
        assertThat(d.get("labelled").asInt()).isEqualTo(2);
        assertThat(d.get("bestFlowHpwl").asDouble()).isPositive()
                .isLessThanOrEqualTo(d.get("meanFlowHpwl").asDouble());
        assertThat(d.get("bestFlowExpert").asText()).isEqualTo("analytic");
        EvaluateCommandTest.Run table = PlaceCommandTest.run("dataset", "info", m.toString());
        assertThat(table.out()).contains("format version 2").contains("flow HPWL: 2 labelled");
    }

    @Test
    void aCircuitTrainingNetlistGivesTrajectoriesThatTrainReplaysOnTheSameDesign(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ct.cptraj");
        String pb = CircuitTrainingCommandTest.tinyPb().toString();
        EvaluateCommandTest.Run g = PlaceCommandTest.run("dataset", "generate", "--pb", pb, "--out", file.toString(),
                "--trajectories", "2", "--expert", "real", "--flow-labels", "--grid", "8");
        assertThat(g.code()).as(g.err()).isZero();
        JsonNode d = Json.MAPPER.readTree(PlaceCommandTest.run("dataset", "info", file.toString(), "--json").out())
                .get("designs").get(0);
        assertThat(d.get("steps").asInt()).isPositive();
        assertThat(d.get("labelled").asInt()).isEqualTo(2);
        // train finds the design of the trajectories (same hash) when given the same --pb
        EvaluateCommandTest.Run t = PlaceCommandTest.run("train", "--dataset", file.toString(), "--pb", pb,
                "--out", dir.resolve("ckpt").toString(), "--steps", "2");
        assertThat(t.code()).as(t.err()).isZero();
        // without it, the dataset's design is unknown
        EvaluateCommandTest.Run missing = PlaceCommandTest.run("train", "--dataset", file.toString(),
                "--out", dir.resolve("ckpt2").toString(), "--steps", "2");
        assertThat(missing.code()).isNotZero();
        // --def without --pb is an input error
        EvaluateCommandTest.Run lone = PlaceCommandTest.run("dataset", "generate", "--synthetic", "1", "--def", pb,
                "--out", dir.resolve("x.cptraj").toString(), "--trajectories", "1", "--expert", "greedy");
        assertThat(lone.code()).isEqualTo(2);
        assertThat(lone.err()).contains("--pb");
    }

    @Test
    void unknownExpertIsAnInputError(@TempDir Path dir) {
        EvaluateCommandTest.Run g = PlaceCommandTest.run("dataset", "generate", "--synthetic", "1", "--out",
                dir.resolve("x.bin").toString(), "--trajectories", "1", "--expert", "oracle");
        assertThat(g.code()).isEqualTo(2);
        assertThat(g.err()).contains("oracle");
    }

    @Test
    void corruptDatasetIsAnInputError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.bin");
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        EvaluateCommandTest.Run info = PlaceCommandTest.run("dataset", "info", file.toString());
        assertThat(info.code()).isEqualTo(2);
        assertThat(info.err()).doesNotContain("\tat ");
    }
}
