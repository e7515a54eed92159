package org.chipplace.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chipplace.api.Main;
import org.chipplace.api.flow.ReportSchema;
import org.chipplace.gnn.CircuitEncoder;
import org.chipplace.metrics.LegalityChecker;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.chipplace.policy.DecisionTransformer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaceCommandTest {
    static final Path TINY = EvaluateCommandTest.TINY;

    static EvaluateCommandTest.Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new EvaluateCommandTest.Run(code, out.toString(), err.toString());
    }

    @Test
    void placingTheTinyDesignWritesALegalPlacementAndAReport(@TempDir Path out) throws IOException {
        EvaluateCommandTest.Run r = run("place", "--aux", TINY.toString(), "--out", out.toString(), "--seed", "3",
                "--threads", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("[global").contains("HPWL");

        Path pl = out.resolve("tiny.pl");
        assertThat(pl).exists();
        Netlist nl = Bookshelf.read(TINY);
        Placement placed = Bookshelf.readPl(nl, pl);
        assertThat(LegalityChecker.check(nl, placed).legal()).isTrue();

        JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        assertThat(report.get("design").asText()).isEqualTo("tiny");
        assertThat(report.get("metrics").get("legal").asBoolean()).isTrue();
        for (String stage : new String[] {"global", "legalize", "detailed"}) {
            assertThat(report.get("stageSeconds").has(stage)).as(stage).isTrue();
            assertThat(report.get("stageHpwl").get(stage).asDouble()).as(stage).isPositive();
        }
        // detailed placement never raises HPWL above legalization's
        assertThat(report.get("stageHpwl").get("detailed").asDouble())
                .isLessThanOrEqualTo(report.get("stageHpwl").get("legalize").asDouble());
        // the HPWL written in the report is that of the .pl file on disk
        EvaluateCommandTest.Run eval = run("evaluate", "--aux", TINY.toString(), "--pl", pl.toString(), "--json");
        assertThat(Json.MAPPER.readTree(eval.out()).get("hpwl").asDouble())
                .isEqualTo(report.get("metrics").get("hpwl").asDouble());
        assertThat(report.get("options").get("seed").asLong()).isEqualTo(3);
    }

    @Test
    void sameSeedGivesTheSamePlacement(@TempDir Path dir) throws IOException {
        run("place", "--aux", TINY.toString(), "--out", dir.resolve("a").toString(), "--seed", "5", "--threads", "1");
        run("place", "--aux", TINY.toString(), "--out", dir.resolve("b").toString(), "--seed", "5", "--threads", "2");
        assertThat(Files.readString(dir.resolve("a/tiny.pl"))).isEqualTo(Files.readString(dir.resolve("b/tiny.pl")));
    }

    @Test
    void greedyMacroPlacerGivesALegalPlacementWithAMacroStage(@TempDir Path out) throws IOException {
        EvaluateCommandTest.Run r = run("place", "--aux", TINY.toString(), "--out", out.toString(),
                "--macro-placer", "greedy", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(r.out());
        assertThat(report.get("metrics").get("legal").asBoolean()).isTrue();
        assertThat(report.get("stageSeconds").has("macro")).isTrue();
        assertThat(report.get("stageSeconds").has("macro-legalize")).isFalse();
        assertThat(report.get("options").get("macroPlacer").asText()).isEqualTo("greedy");
    }

    @Test
    void decisionTransformerPlacesTheTinyDesignLegallyZeroShot(@TempDir Path out) throws IOException {
        EvaluateCommandTest.Run r = run("place", "--aux", TINY.toString(), "--out", out.toString(),
                "--macro-placer", "dt", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(r.out());
        assertThat(report.get("metrics").get("legal").asBoolean()).isTrue();
        assertThat(report.get("stageSeconds").has("macro")).isTrue();
        assertThat(report.get("options").get("macroPlacer").asText()).isEqualTo("dt");
    }

    @Test
    void gpuDeviceWithoutAGpuIsAClearError(@TempDir Path out) {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                org.chipplace.policy.DecisionTransformerPlacer.gpuCount() == 0, "a GPU is present");
        EvaluateCommandTest.Run r = run("place", "--aux", TINY.toString(), "--out", out.toString(),
                "--macro-placer", "dt", "--device", "gpu");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: no CUDA device: this build has the CPU PyTorch engine (build with -Pcuda)"
                + System.lineSeparator());
    }

    @Test
    void placingWithACheckpointFolderLoadsItsModelAndNamesItInTheReport(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("model");
        try (DecisionTransformer dt = DecisionTransformer.loadDefault()) {
            dt.save(model); // what train --out writes
        }
        EvaluateCommandTest.Run r = run("place", "--aux", TINY.toString(), "--out", dir.resolve("out").toString(),
                "--macro-placer", "dt", "--checkpoint", model.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode options = Json.MAPPER.readTree(r.out()).get("options");
        assertThat(options.get("checkpoint").asText()).isEqualTo(model.toString());
        assertThat(ReportSchema.errors(r.out())).isEmpty();
        // without --checkpoint the report names the shipped model
        EvaluateCommandTest.Run shipped = run("place", "--aux", TINY.toString(), "--out",
                dir.resolve("out2").toString(), "--macro-placer", "dt", "--json");
        assertThat(Json.MAPPER.readTree(shipped.out()).get("options").get("checkpoint").asText())
                .isEqualTo("decision-transformer");
        // the folder's parameters are what is loaded: garbage there is an input error
        Files.writeString(model.resolve("dt.params"), "not parameters");
        EvaluateCommandTest.Run bad = run("place", "--aux", TINY.toString(), "--out", dir.resolve("out3").toString(),
                "--macro-placer", "dt", "--checkpoint", model.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("error: ").contains("malformed").doesNotContain("\tat ");
    }

    @Test
    void aCheckpointFolderThatIsMissingOrNotOneIsAOneLineInputError(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nosuch");
        EvaluateCommandTest.Run r = run("place", "--aux", TINY.toString(), "--out", dir.resolve("o").toString(),
                "--macro-placer", "dt", "--checkpoint", missing.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: --checkpoint " + missing + ": no such folder" + System.lineSeparator());
        Path encoder = dir.resolve("encoder");
        try (CircuitEncoder enc = CircuitEncoder.loadDefault()) {
            enc.save(encoder); // what train-encoder writes: not a placer checkpoint
        }
        r = run("place", "--aux", TINY.toString(), "--out", dir.resolve("o").toString(), "--macro-placer", "dt",
                "--checkpoint", encoder.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --checkpoint " + encoder + " is not a decision-transformer checkpoint")
                .contains("train --encoder").hasLineCount(1);
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void aCheckpointWithoutTheDtPlacerIsAnInputError(@TempDir Path dir) {
        EvaluateCommandTest.Run r = run("place", "--aux", TINY.toString(), "--out", dir.toString(),
                "--macro-placer", "greedy", "--checkpoint", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: --checkpoint needs --macro-placer dt (got --macro-placer greedy)"
                + System.lineSeparator());
    }

    @Test
    void unknownMacroPlacerIsAnInputError(@TempDir Path out) {
        EvaluateCommandTest.Run r = run("place", "--aux", TINY.toString(), "--out", out.toString(),
                "--macro-placer", "nosuch");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nosuch").doesNotContain("\tat ");
    }

    @Test
    void invalidTargetDensityIsAnInputError(@TempDir Path out) {
        EvaluateCommandTest.Run r = run("place", "--aux", TINY.toString(), "--out", out.toString(),
                "--target-density", "1.5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("target density");
    }

    @Test
    void flippedMacrosAreWrittenWithTheirOrientationAndEvaluateMeasuresTheSameHpwl(@TempDir Path dir) throws IOException {
        EvaluateCommandTest.Run g = run("generate", "--out", dir.toString(), "--name", "flip", "--cells", "600",
                "--macros", "8", "--pads", "16", "--seed", "5");
        assertThat(g.code()).as(g.err()).isZero();
        Path aux = dir.resolve("flip.aux");
        Path on = dir.resolve("on");
        Path off = dir.resolve("off");
        assertThat(run("place", "--aux", aux.toString(), "--out", on.toString(), "--threads", "1").code()).isZero();
        assertThat(run("place", "--aux", aux.toString(), "--out", off.toString(), "--threads", "1",
                "--no-macro-flipping").code()).isZero();
        JsonNode withFlips = Json.MAPPER.readTree(on.resolve("report.json").toFile());
        JsonNode without = Json.MAPPER.readTree(off.resolve("report.json").toFile());
        assertThat(withFlips.get("options").get("placer").get("macroFlipping").asBoolean()).isTrue();
        assertThat(without.get("options").get("placer").get("macroFlipping").asBoolean()).isFalse();
        Netlist nl = Bookshelf.read(aux);
        Placement placed = Bookshelf.readPl(nl, on.resolve("flip.pl"));
        long flipped = java.util.Arrays.stream(placed.orient()).filter(o -> !"N".equals(o)).count();
        assertThat(flipped).as("macros with random pin offsets: some face their nets better flipped").isPositive();
        for (Path out : new Path[] {on, off}) {
            JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
            EvaluateCommandTest.Run eval = run("evaluate", "--aux", aux.toString(), "--pl",
                    out.resolve("flip.pl").toString(), "--json");
            assertThat(Json.MAPPER.readTree(eval.out()).get("hpwl").asDouble()).as(out.toString())
                    .isEqualTo(report.get("metrics").get("hpwl").asDouble());
        }
    }
}
