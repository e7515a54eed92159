package org.chipplace.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chipplace.api.Main;
import org.junit.jupiter.api.Test;

/** {@code keys add | list | revoke} on a database given as Spring Boot arguments (an in-memory H2 here). */
class KeysCommandTest {
    private static final String DB = "--spring.datasource.url=jdbc:h2:mem:keys-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void addListAndRevokeKeysOnTheConfiguredDatabase() {
        Run add = run("keys", "add", "dave", DB, "--chipplace.auth.bcrypt-strength=4");
        assertThat(add.code()).as(add.err()).isZero();
        Matcher m = Pattern.compile("id (\\S+)\\nowner dave\\nkey (cpk_\\S+)").matcher(add.out());
        assertThat(m.find()).as(add.out()).isTrue();
        String id = m.group(1);
        String key = m.group(2);

        Run revoke = run("keys", "revoke", id, DB);
        assertThat(revoke.code()).as(revoke.err()).isZero();
        assertThat(revoke.out()).contains("revoked " + id);

        Run list = run("keys", "list", DB);
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains(id).contains("dave").doesNotContain(key)
                .doesNotContain(key.substring("cpk_".length() + 33));
        assertThat(list.out().lines().filter(l -> l.startsWith(id)).findFirst().orElseThrow()).doesNotEndWith("-");

        Run unknown = run("keys", "revoke", "00000000-0000-0000-0000-000000000000", DB);
        assertThat(unknown.code()).isEqualTo(Errors.INPUT_ERROR);
        assertThat(unknown.err()).contains("not found");
    }
}
