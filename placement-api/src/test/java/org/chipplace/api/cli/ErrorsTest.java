package org.chipplace.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.chipplace.gnn.EngineUnavailableException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ErrorsTest {

    @Command(name = "probe")
    static final class Probe {
    }

    private static String[] handle(Exception e) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Probe()).setErr(new PrintWriter(err, true));
        int code = Errors.handle(e, cl, null);
        return new String[] {Integer.toString(code), err.toString()};
    }

    @Test
    void anEngineThatCannotStartIsOneLineWithExitCodeOneEvenWhenWrapped() {
        EngineUnavailableException engine = new EngineUnavailableException(
                new IllegalStateException("Failed to save pytorch index file", new IOException("Offline mode is enabled.")));
        String[] r = handle(new IllegalStateException("job failed", engine));
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[1].strip()).startsWith("error: the PyTorch engine cannot start (Failed to save pytorch index "
                + "file: Offline mode is enabled.)").contains("without -Pcuda").doesNotContain("\tat ");
        assertThat(r[1].strip().lines()).hasSize(1);
    }

    @Test
    void anInputErrorExitsWithTwoAndABugPrintsItsStackTrace() {
        assertThat(handle(new IllegalArgumentException("bad option"))).containsExactly("2", "error: bad option"
                + System.lineSeparator());
        String[] bug = handle(new IllegalStateException("unexpected"));
        assertThat(bug[0]).isEqualTo("1");
        assertThat(bug[1]).contains("java.lang.IllegalStateException: unexpected").contains("\tat ");
    }
}
