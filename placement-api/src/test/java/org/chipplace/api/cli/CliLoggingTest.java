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

    /** Runs {@code args} in a fresh JVM through Main.main, as the jar does; exit code, stdout, stderr. */
    private static EvaluateCommandTest.Run main(Path dir, String... args) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(javaBin.toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new EvaluateCommandTest.Run(p.exitValue(), Files.readString(dir.resolve("stdout.txt")),
                Files.readString(dir.resolve("stderr.txt")));
    }

    @Test
    void aCpuDtRunPrintsNoDjlEngineOrCudaLinesOnTheConsole(@TempDir Path dir) throws Exception {
        EvaluateCommandTest.Run r = main(dir, "place", "--aux", PlaceCommandTest.TINY.toString(), "--out",
                dir.toString(), "--threads", "1", "--macro-placer", "dt", "--json");
        String out = r.out();
        String err = r.err();
        assertThat(r.code()).as(err).isZero();
        assertThat(err).contains("[macro").doesNotContain("ai.djl").doesNotContain("CUDA")
                .doesNotContain("PyTorch graph executor").doesNotContain("intra-op threads");
        // stdout holds the report only
        assertThat(out.strip()).hasLineCount(1);
        assertThat(Json.MAPPER.readTree(out).get("options").get("macroPlacer").asText()).isEqualTo("dt");
    }

    @Test
    void keysStartsSpringBootWhichConfiguresItsOwnLogging(@TempDir Path dir) throws Exception {
        EvaluateCommandTest.Run r = main(dir, "keys", "list",
                "--spring.datasource.url=jdbc:h2:mem:cli-logging;MODE=PostgreSQL");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("id");
        // the command line's logback file is not forced on Spring Boot (it would warn that it ignores it)
        assertThat(r.err()).doesNotContain("logback.configurationFile");
    }
}
