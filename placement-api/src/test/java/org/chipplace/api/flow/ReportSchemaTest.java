package org.chipplace.api.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chipplace.api.Main;
import org.chipplace.api.service.TestDesigns;
import org.chipplace.metrics.MetricsReport;
import org.chipplace.placer.PlacementResult;
import org.chipplace.placer.PlacerOptions;
import org.chipplace.placer.StageReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's {@code report.json} against {@code docs/report-schema.json} (the service's is
 * checked by {@code EndToEndJobTest} and {@code LefDefJobTest}), and the candidates read from the
 * pipeline's stages.
 */
class ReportSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode place(Path out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("place", "--out", out.toString(), "--threads", "1"));
        args.addAll(List.of(extra));
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(code).as(err.toString()).isZero();
        return JSON.readTree(out.resolve(ResultWriter.REPORT).toFile());
    }

    @Test
    void placeOnTheTinyDesignWritesAReportOfTheSchema(@TempDir Path out) throws IOException {
        JsonNode report = place(out, "--aux", TestDesigns.tinyAux().toString());
        assertThat(ReportSchema.errors(report)).isEmpty();
        assertThat(report.get("format").asText()).isEqualTo("bookshelf");
        assertThat(report.get("stages").get(0).get("name").asText()).isEqualTo("global");
        for (JsonNode s : report.get("stages")) {
            assertThat(report.get("stageSeconds").get(s.get("name").asText()).asDouble())
                    .isEqualTo(s.get("seconds").asDouble());
        }
        // without a macro placer, one candidate: the global placement's own macros
        assertThat(report.get("candidates")).hasSize(1);
        assertThat(report.get("winner").asText()).isEqualTo(PlacementReport.ANALYTIC);
        assertThat(report.get("candidates").get(0).get("hpwl").asDouble())
                .isEqualTo(report.get("metrics").get("hpwl").asDouble());
        // both global passes: mixed-size (the traces of globalHpwlTrace), then cells only
        JsonNode passes = report.get("globalPasses");
        assertThat(passes).hasSize(2);
        assertThat(passes.get(0).get("stage").asText()).isEqualTo("global");
        assertThat(passes.get(0).get("macrosMove").asBoolean()).isTrue();
        assertThat(passes.get(0).get("hpwlTrace")).isEqualTo(report.get("globalHpwlTrace"));
        assertThat(passes.get(0).get("keptIteration")).isEqualTo(report.get("globalKeptIteration"));
        assertThat(passes.get(1).get("stage").asText()).isEqualTo("global-cells");
        assertThat(passes.get(1).get("macrosMove").asBoolean()).isFalse();
        assertThat(report.has("dbuPerMicron")).isFalse();
    }

    @Test
    void aMacroPlacerReportsEveryCandidateAndTheWinner(@TempDir Path out) throws IOException {
        JsonNode report = place(out, "--aux", TestDesigns.tinyAux().toString(), "--macro-placer", "greedy");
        assertThat(ReportSchema.errors(report)).isEmpty();
        JsonNode candidates = report.get("candidates");
        assertThat(candidates.size()).isGreaterThan(1);
        int winners = 0;
        for (JsonNode c : candidates) {
            assertThat(report.get("stageHpwl").get(c.get("name").asText()).asDouble())
                    .isEqualTo(c.get("hpwl").asDouble());
            if (c.get("winner").asBoolean()) {
                winners++;
                assertThat(c.get("name").asText()).isEqualTo(report.get("winner").asText());
                assertThat(c.get("hpwl").asDouble()).isEqualTo(report.get("stageHpwl").get("detailed").asDouble());
            }
        }
        assertThat(winners).isEqualTo(1);
        assertThat(candidates.get(candidates.size() - 1).get("source").asText()).isEqualTo(PlacementReport.ANALYTIC);
        assertThat(candidates.get(0).get("source").asText()).isEqualTo("greedy");
        // the mixed-size pass, then the cells-only pass of the candidate kept (globalHpwlTrace)
        JsonNode passes = report.get("globalPasses");
        assertThat(passes).extracting(p -> p.get("stage").asText()).containsExactly("global-mixed", "global");
        assertThat(passes.get(1).get("hpwlTrace")).isEqualTo(report.get("globalHpwlTrace"));
    }

    @Test
    void placeOnALefDefDesignWritesAReportOfTheSchema(@TempDir Path out) throws IOException {
        Path d = TestDesigns.lefDefDir();
        List<String> args = new ArrayList<>();
        for (String lef : TestDesigns.LEFS) {
            args.addAll(List.of("--lef", d.resolve(lef).toString()));
        }
        args.addAll(List.of("--def", d.resolve(TestDesigns.DEF).toString()));
        JsonNode report = place(out, args.toArray(String[]::new));
        assertThat(ReportSchema.errors(report)).isEmpty();
        assertThat(report.get("format").asText()).isEqualTo("lefdef");
        assertThat(report.get("defHpwl").asDouble()).isPositive();
        assertThat(report.get("dbuPerMicron").asDouble()).isPositive();
    }

    @Test
    void theSchemaRejectsAnotherShape(@TempDir Path out) throws IOException {
        ObjectNode report = (ObjectNode) place(out, "--aux", TestDesigns.tinyAux().toString());
        ObjectNode stage = (ObjectNode) report.get("stages").get(0);
        stage.set("stage", stage.remove("name")); // the service's older stage key
        assertThat(ReportSchema.errors(report)).isNotEmpty();
        report.remove("stages");
        assertThat(ReportSchema.errors(report)).anyMatch(e -> e.contains("stages"));
    }

    private static PlacementResult result(List<StageReport> stages) {
        MetricsReport m = new MetricsReport("d", 1, 1, 1, 1, 1, 0, 5, 5, 2, 0, 0, 0, 0, 0, true, 0, 0, 0, 0);
        return new PlacementResult(null, m, stages, new double[0], new double[0], PlacerOptions.defaults(), -1, List.of(),
                null);
    }

    @Test
    void theFirstCandidateWithTheLeastHpwlWins() {
        var r = result(List.of(new StageReport("global-mixed", 1, 9), new StageReport("candidate-1", 1, 6),
                new StageReport("candidate-2", 1, 5), new StageReport("candidate-3", 1, 5),
                new StageReport("candidate-analytic", 1, 7), new StageReport("macro", 1, 8),
                new StageReport("global", 1, 6), new StageReport("legalize", 1, 5), new StageReport("detailed", 1, 5)));
        var c = PlacementReport.candidates(r, "ea");
        assertThat(c).extracting(PlacementReport.Candidate::name)
                .containsExactly("candidate-1", "candidate-2", "candidate-3", "candidate-analytic");
        assertThat(c).extracting(PlacementReport.Candidate::winner).containsExactly(false, true, false, false);
        assertThat(c).extracting(PlacementReport.Candidate::source).containsExactly("ea", "ea", "ea", "analytic");
        assertThat(c).extracting(PlacementReport.Candidate::released).containsExactly(true, true, true, null);
        assertThat(c.get(1).macroHpwl()).isEqualTo(2.0);
        assertThat(c.get(0).macroHpwl()).isNull();
    }

    @Test
    void aSingleMacroPlacerCandidateIsTheWinner() {
        var r = result(List.of(new StageReport("global-mixed", 1, 9), new StageReport("macro", 1, 8),
                new StageReport("global", 1, 6), new StageReport("legalize", 1, 5)));
        var c = PlacementReport.candidates(r, "dt");
        assertThat(c).containsExactly(new PlacementReport.Candidate("candidate-1", "dt", 5, null, 2.0, true, true));
        var kept = new PlacementResult(null, r.metrics(), r.stages(), new double[0], new double[0],
                PlacerOptions.defaults().withReleaseMacros(false), -1, List.of(), null);
        assertThat(PlacementReport.candidates(kept, "dt").get(0).released()).isFalse();
    }
}
