package org.chipplace.api.service.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Malformed and hostile requests against the real service (Tomcat on a random port, H2, JobRunr),
 * one row per request of {@link BadInputs#CASES}: each must get exactly the status of its row, an
 * RFC 7807 body for errors, and never a 500. The upload limit is configured small (200 KiB
 * request, 1 MiB decompressed) to stand for the production 256 MiB / 1 GiB (or a 2 GB upload).
 * The run writes the table, with the actual details, to {@code target/reliability/bad-inputs.md};
 * {@code -Dreliability.updateDoc=true} also replaces the table in {@code docs/reliability.md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "chipplace.api-key=" + BadInputTableTest.KEY, "chipplace.upload.max-bytes=204800",
    "chipplace.upload.max-uncompressed-bytes=1048576", "chipplace.upload.max-entries=16",
    "spring.servlet.multipart.max-file-size=200KB", "spring.servlet.multipart.max-request-size=200KB",
    "chipplace.sweeps.max-jobs=10", "jobrunr.background-job-server.enabled=false",
    "chipplace.benchmarks-dir=../examples"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTableTest {
    static final String KEY = "rel-key";
    static final String BOUNDARY = "----chipplace-rel-boundary";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> rows = new LinkedHashMap<>();

    @LocalServerPort
    int port;

    static Stream<BadInputs.Case> cases() {
        return BadInputs.CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBadRequestGetsItsDocumentedStatusAndNever500(BadInputs.Case c) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + c.path()));
        if (c.contentType() != null) {
            b.header("Content-Type", c.contentType());
        }
        if (c.key() != null) {
            b.header("X-API-Key", c.key());
        }
        b.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        String detail = detail(r);
        rows.put(c.id(), "| " + c.id() + " | " + c.what() + " | " + r.statusCode() + " | " + detail + " |");
        assertThat(r.statusCode()).as(c.id() + ": " + r.body()).isNotEqualTo(500).isEqualTo(c.expected());
        if (c.expected() >= 400) {
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(c.id()).contains("json");
            assertThat(detail).as(c.id()).isNotBlank().doesNotContain("chipplace-upload"); // no server paths
        }
    }

    private String detail(HttpResponse<String> r) throws IOException {
        if (r.statusCode() < 400) {
            return "(accepted)";
        }
        JsonNode n = json.readTree(r.body());
        String d = n.path("detail").asText(n.path("title").asText(""));
        d = d.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>");
        d = d.replace("|", "\\|").replace("\n", " ");
        return d.length() > 160 ? d.substring(0, 157) + "..." : d;
    }

    @AfterAll
    void writeTable() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("| # | request | status | detail (RFC 7807 `detail`) |");
        lines.add("|---|---|---|---|");
        for (BadInputs.Case c : BadInputs.CASES) {
            lines.add(rows.getOrDefault(c.id(), "| " + c.id() + " | " + c.what() + " | (not run) | |"));
        }
        String table = String.join("\n", lines) + "\n";
        Path out = Path.of("target/reliability/bad-inputs.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("reliability.updateDoc")) {
            Path doc = Path.of("../docs/reliability.md");
            String s = Files.readString(doc, StandardCharsets.UTF_8);
            String begin = "<!-- bad-inputs:begin -->\n";
            String end = "<!-- bad-inputs:end -->";
            int i = s.indexOf(begin);
            int j = s.indexOf(end);
            if (i >= 0 && j > i) {
                Files.writeString(doc, s.substring(0, i + begin.length()) + table + s.substring(j),
                        StandardCharsets.UTF_8);
            }
        }
    }
}
