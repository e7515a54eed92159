package org.chipplace.api.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chipplace.api.cli.EvaluateCommandTest.Run;
import org.chipplace.api.flow.ReportSchema;
import org.chipplace.api.flow.ResultWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code place --pb} and {@code evaluate --pb [--plc]} on the hand-written {@code tiny.pb.txt} (the
 * same as netlist-io's: 2 ports, a 20 x 10 macro with 2 pins, 2 cells, 4 nets, HPWL 245.5 um, canvas
 * 100 x 50 um).
 */
class CircuitTrainingCommandTest {
    static Path tinyPb() throws Exception {
        return Path.of(CircuitTrainingCommandTest.class.getResource("tiny.pb.txt").toURI());
    }

    @Test
    void evaluatePrintsMicronHpwlAndTheProxyCost() throws Exception {
        Run r = EvaluateCommandTest.run("evaluate", "--pb", tinyPb().toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertThat(json.get("hpwlMicrons").asDouble()).isCloseTo(245.5, within(1e-9));
        assertThat(json.get("hpwl").asDouble()).isCloseTo(245_500, within(1e-6));
        // 245.5 um over 4 nets x (100 + 50) um
        assertThat(json.get("proxyCost").get("wirelength").asDouble()).isCloseTo(245.5 / 600, within(1e-12));
        JsonNode p = json.get("proxyCost");
        assertThat(p.get("total").asDouble()).isCloseTo(p.get("wirelength").asDouble()
                + 0.5 * p.get("density").asDouble() + 0.5 * p.get("congestion").asDouble(), within(1e-12));
        Run table = EvaluateCommandTest.run("evaluate", "--pb", tinyPb().toString());
        assertThat(table.out()).contains("hpwlMicrons").contains("proxyCost.total");
    }

    @Test
    void placeWritesPlcAndAReportThatEvaluateReadsBack(@TempDir Path out) throws Exception {
        Run r = EvaluateCommandTest.run("place", "--pb", tinyPb().toString(), "--out", out.toString(), "--threads", "1");
        assertThat(r.code()).as(r.err() + r.out()).isIn(0, 3);
        assertThat(out.resolve("tiny.plc")).exists();
        JsonNode report = Json.MAPPER.readTree(out.resolve(ResultWriter.REPORT).toFile());
        assertThat(ReportSchema.errors(report)).isEmpty();
        assertThat(report.get("format").asText()).isEqualTo("circuittraining");
        JsonNode proxy = report.get("metrics").get("proxyCost");
        assertThat(proxy.get("total").asDouble()).isPositive();
        double hpwl = report.get("metrics").get("hpwl").asDouble();
        Run ev = EvaluateCommandTest.run("evaluate", "--pb", tinyPb().toString(), "--plc",
                out.resolve("tiny.plc").toString(), "--json");
        assertThat(ev.code()).as(ev.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(ev.out());
        assertThat(json.get("hpwlMicrons").asDouble()).isCloseTo(hpwl / 1000, within(1e-6));
        // the .plc header states the grid of the report's proxy cost, so evaluate reproduces it
        assertThat(json.get("proxyCost").get("total").asDouble()).isCloseTo(proxy.get("total").asDouble(), within(1e-9));
        assertThat(Files.readString(out.resolve("tiny.plc"))).contains("# Columns : 32  Rows : 32");
    }

    @Test
    void malformedPbExitsWithCodeTwoAndFileLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.pb.txt");
        Files.writeString(bad, Files.readString(tinyPb()).replaceFirst("f: 25.0", "f: 2x5"));
        Run r = EvaluateCommandTest.run("evaluate", "--pb", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: bad.pb.txt:28:").contains("expected a number");
        Run p = EvaluateCommandTest.run("place", "--pb", bad.toString(), "--out", dir.resolve("o").toString());
        assertThat(p.code()).isEqualTo(2);
        assertThat(p.err()).contains("bad.pb.txt:28:");
        Run plc = EvaluateCommandTest.run("evaluate", "--pb", tinyPb().toString(), "--plc", dir.resolve("none.plc").toString());
        assertThat(plc.code()).isEqualTo(2);
        assertThat(plc.err()).contains("none.plc:0:");
        Run both = EvaluateCommandTest.run("evaluate", "--pb", tinyPb().toString(), "--aux", "x.aux");
        assertThat(both.code()).isEqualTo(2);
    }
}
