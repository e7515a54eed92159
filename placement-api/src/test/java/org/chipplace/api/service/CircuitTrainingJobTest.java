package org.chipplace.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.circuittraining.CircuitTraining;
import org.chipplace.netlist.circuittraining.CtDesign;
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
 * A Circuit Training netlist through the whole service on H2 with the real JobRunr queue: upload a
 * {@code .pb.txt}, run a job, download the {@code .plc} and read it back against the same netlist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CircuitTrainingJobTest {
    @Autowired
    TestRestTemplate http;

    static Path tinyPb() throws Exception {
        return Path.of(CircuitTrainingJobTest.class.getResource("/org/chipplace/api/cli/tiny.pb.txt").toURI());
    }

    private JsonNode awaitFinal(String id) throws InterruptedException {
        return TestDesigns.awaitFinal(http, id);
    }

    @Test
    void aJobOnAnUploadedPbNetlistProducesAPlcThatReadsBackAtTheReportedHpwl(@TempDir Path tmp) throws Exception {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("files", new FileSystemResource(tinyPb()));
        HttpHeaders mh = new HttpHeaders();
        mh.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> up = http.postForEntity("/api/designs", new HttpEntity<>(body, mh), JsonNode.class);
        assertThat(up.getStatusCode()).as(String.valueOf(up.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(up.getBody().get("format").asText()).isEqualTo("circuittraining");
        assertThat(up.getBody().get("auxPath").asText()).isEqualTo("tiny.pb.txt");
        CtDesign ct = CircuitTraining.read(tinyPb());
        assertThat(up.getBody().get("macros").asInt()).isEqualTo(ct.netlist().numMacros());
        assertThat(up.getBody().get("cells").asInt()).isEqualTo(ct.netlist().numCells());

        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> submitted = http.postForEntity("/api/jobs", new HttpEntity<>(Map.of(
                "design", up.getBody().get("id").asText(), "options", Map.of("threads", 1)), h), JsonNode.class);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = submitted.getBody().get("id").asText();
        JsonNode done = awaitFinal(id);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");

        ResponseEntity<byte[]> plc = http.getForEntity("/api/jobs/" + id + "/placement.plc", byte[].class);
        assertThat(plc.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(plc.getHeaders().getContentDisposition().getFilename()).isEqualTo("tiny.plc");
        Path plcFile = tmp.resolve("tiny.plc");
        Files.write(plcFile, plc.getBody());
        Placement back = CircuitTraining.readPlc(ct, plcFile).placement();
        JsonNode report = http.getForObject("/api/jobs/" + id + "/report.json", JsonNode.class);
        assertThat(report.get("format").asText()).isEqualTo("circuittraining");
        double hpwl = org.chipplace.metrics.Hpwl.total(ct.netlist().reoriented(back.orient()), back.x(), back.y());
        assertThat(hpwl).isCloseTo(report.get("metrics").get("hpwl").asDouble(),
                org.assertj.core.data.Offset.offset(1e-3 * hpwl));
        // no floorplan DEF was uploaded: no placed DEF
        assertThat(http.getForEntity("/api/jobs/" + id + "/placement.def", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void twoNetlistsInOneUploadAre400NamingThem() throws Exception {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("files", new FileSystemResource(tinyPb()));
        body.add("files", new org.springframework.core.io.ByteArrayResource(Files.readAllBytes(tinyPb())) {
            @Override
            public String getFilename() {
                return "other.pb.txt";
            }
        });
        HttpHeaders mh = new HttpHeaders();
        mh.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> up = http.postForEntity("/api/designs", new HttpEntity<>(body, mh), JsonNode.class);
        assertThat(up.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(up.getBody().get("detail").asText()).contains("tiny.pb.txt").contains("other.pb.txt");
    }
}
