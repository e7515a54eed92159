package org.chipplace.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.chipplace.api.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's logging ({@code logback-cli.xml}), seen from a fresh JVM started as the jar starts it. */
class CliLoggingTest {

    @Test
    void aCpuDtRunPrintsNoDjlEngineOrCudaLinesOnTheConsole(@TempDir Path dir) throws Exception {
        // a fresh JVM through Main.main, as the jar runs: its logging is the command line's
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "place", "--aux", PlaceCommandTest.TINY.toString(), "--out", dir.toString(),
                "--threads", "1", "--macro-placer", "dt", "--json")
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(dir.resolve("stdout.txt"));
        String err = Files.readString(dir.resolve("stderr.txt"));
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(err).contains("[macro").doesNotContain("ai.djl").doesNotContain("CUDA")
                .doesNotContain("PyTorch graph executor").doesNotContain("intra-op threads");
        // stdout holds the report only
        assertThat(out.strip()).hasLineCount(1);
        assertThat(Json.MAPPER.readTree(out).get("options").get("macroPlacer").asText()).isEqualTo("dt");
    }
}
