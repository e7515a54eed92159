package org.chipplace.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chipplace.api.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    static final Path TINY = Path.of("..", "examples", "tiny", "tiny.aux");

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonOutputHoldsEveryContractKey() throws IOException {
        Run r = run("evaluate", "--aux", TINY.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(r.out());
        for (String key : new String[] {"design", "nodes", "nets", "pins", "movable", "macros", "cells", "hpwl",
                "weightedHpwl", "macroHpwl", "overlapArea", "overlapPairs", "outsideCore", "cellsOffRow",
                "cellsOffSite", "legal", "densityOverflow", "rudyPeak", "rudyOverflow"}) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        assertThat(json.get("design").asText()).isEqualTo("tiny");
        assertThat(json.get("nodes").asInt()).isEqualTo(314);
        assertThat(json.get("macros").asInt()).isEqualTo(2);
        assertThat(json.get("cells").asInt()).isEqualTo(300);
        // every movable node starts at (0,0): heavily overlapping, not legal
        assertThat(json.get("legal").asBoolean()).isFalse();
        assertThat(json.get("overlapPairs").asLong()).isPositive();
    }

    @Test
    void tableOutputListsMetricsOnePerLine() {
        Run r = run("evaluate", "--aux", TINY.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("hpwl").contains("legal").contains("rudyPeak");
        assertThat(r.out().lines().count()).isGreaterThanOrEqualTo(19);
    }

    @Test
    void garbledNetlistExitsWithCodeTwoAndFileLineMessage(@TempDir Path dir) throws IOException {
        for (String f : new String[] {"tiny.aux", "tiny.nodes", "tiny.pl", "tiny.scl"}) {
            Files.copy(TINY.resolveSibling(f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("tiny.nets"), "UCLA nets 1.0\nNumNets : 1\nNumPins : 2\nNetDegree : 2 n0\n  c1 B\n  nosuchnode B\n");
        Run r = run("evaluate", "--aux", dir.resolve("tiny.aux").toString(), "--json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: tiny.nets:6:").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingAuxFileExitsWithCodeTwo(@TempDir Path dir) {
        Run r = run("evaluate", "--aux", dir.resolve("none.aux").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("none.aux").doesNotContain("\tat ");
    }
}
