package org.chipplace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Which command the jar runs for its arguments ({@link Main#dispatch}), and bad input of a real command. */
class MainDispatchTest {

    @Test
    void noArgumentsRunTheService() {
        assertThat(Main.dispatch()).containsExactly("serve");
    }

    @Test
    void springBootStyleOptionsRunTheService() {
        assertThat(Main.dispatch("--server.port=9090")).containsExactly("serve", "--server.port=9090");
        assertThat(Main.dispatch("--spring.profiles.active=postgres", "--server.port=8081"))
                .containsExactly("serve", "--spring.profiles.active=postgres", "--server.port=8081");
        assertThat(Main.dispatch("--debug")).containsExactly("serve", "--debug");
    }

    @Test
    void commandsAndTheJarsOwnOptionsAreLeftToTheCommandLine() {
        assertThat(Main.dispatch("serve", "--server.port=9090")).containsExactly("serve", "--server.port=9090");
        assertThat(Main.dispatch("place", "--aux", "a.aux")).containsExactly("place", "--aux", "a.aux");
        assertThat(Main.dispatch("--help")).containsExactly("--help");
        assertThat(Main.dispatch("--version")).containsExactly("--version");
        assertThat(Main.dispatch("-h")).containsExactly("-h");
        assertThat(Main.dispatch("--")).containsExactly("--");
    }

    @Test
    void anUnknownOptionOfARealCommandIsOneLineAndExitCode2() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "place", "--aux", "a.aux", "--out", "o", "--no-such-option");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").startsWith("error: ").contains("--no-such-option")
                .contains("place --help");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnknownCommandIsOneLineAndExitCode2() {
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "nosuchcommand");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("nosuchcommand");
    }
}
