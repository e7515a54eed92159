package org.chipplace.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.chipplace.metrics.Hpwl;
import org.chipplace.metrics.Metrics;
import org.chipplace.metrics.MetricsOptions;
import org.chipplace.netlist.lefdef.DefDesign;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A LEF/DEF design through the whole service on H2 with the real JobRunr queue: upload three LEFs
 * and a DEF, run a job, download the placed DEF and read it back with the same LEFs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LefDefJobTest {
    @Autowired
    TestRestTemplate http;

    private String upload() {
        var body = new LinkedMultiValueMap<String, Object>();
        for (String lef : TestDesigns.LEFS) {
            body.add("files", new FileSystemResource(TestDesigns.lefDefDir().resolve(lef)));
        }
        body.add("files", new FileSystemResource(TestDesigns.lefDefDir().resolve(TestDesigns.DEF)));
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> r = http.postForEntity("/api/designs", new HttpEntity<>(body, h), JsonNode.class);
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(r.getBody().get("format").asText()).isEqualTo("lefdef");
        assertThat(r.getBody().get("cells").asInt()).isEqualTo(80);
        return r.getBody().get("id").asText();
    }

    private JsonNode awaitFinal(String id) throws InterruptedException {
        return TestDesigns.awaitFinal(http, id);
    }

    @Test
    void aJobOnALefDefDesignProducesAPlacedDefThatReadsBackLegalWithEveryComponent(@TempDir Path tmp)
            throws Exception {
        String design = upload();
        assertThat(http.getForObject("/api/designs/" + design, JsonNode.class).get("format").asText())
                .isEqualTo("lefdef");
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> submitted = http.postForEntity("/api/jobs", new HttpEntity<>(Map.of("design", design,
                "seed", 3, "options", Map.of("threads", 1)), h), JsonNode.class);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = submitted.getBody().get("id").asText();
        JsonNode done = awaitFinal(id);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("designName").asText()).isEqualTo("tinydef");

        ResponseEntity<byte[]> def = http.getForEntity("/api/jobs/" + id + "/placement.def", byte[].class);
        assertThat(def.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(def.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
        Path placedFile = tmp.resolve("placed.def");
        Files.write(placedFile, def.getBody());
        assertThat(new String(def.getBody(), StandardCharsets.UTF_8)).contains("DESIGN tinydef").doesNotContain("UNPLACED");

        DefDesign original = TestDesigns.readLefDef(TestDesigns.lefDefDir().resolve(TestDesigns.DEF));
        DefDesign placed = TestDesigns.readLefDef(placedFile);
        assertThat(placed.components()).hasSize(original.components().size()).hasSize(81);
        assertThat(placed.components()).allMatch(c -> c.status().equals("PLACED"));
        assertThat(Metrics.evaluate(placed.netlist(), placed.placement(), MetricsOptions.defaults()).legal()).isTrue();

        JsonNode report = http.getForObject("/api/jobs/" + id + "/report.json", JsonNode.class);
        assertThat(org.chipplace.api.flow.ReportSchema.errors(report)).isEmpty();
        assertThat(report.get("format").asText()).isEqualTo("lefdef");
        assertThat(report.get("metrics").get("legal").asBoolean()).isTrue();
        // the report carries the HPWL of the DEF as written (cells on FS rows flipped)
        assertThat(report.get("defHpwl").asDouble()).isEqualTo(
                Hpwl.total(placed.netlist(), placed.placement().x(), placed.placement().y()));

        // the .pl and the viewer geometry work for a LEF/DEF design as for Bookshelf
        assertThat(http.getForEntity("/api/jobs/" + id + "/placement.pl", String.class).getBody())
                .startsWith("UCLA pl 1.0").contains("ram0");
        JsonNode layout = http.getForObject("/api/jobs/" + id + "/layout.json", JsonNode.class);
        assertThat(layout.get("macros").size()).isEqualTo(1);
        assertThat(layout.get("numCells").asInt()).isEqualTo(80);
        assertThat(http.getForObject("/v3/api-docs", String.class)).contains("/api/jobs/{id}/placement.def");
    }
}
