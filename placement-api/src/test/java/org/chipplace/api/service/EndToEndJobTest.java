package org.chipplace.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.chipplace.api.Main;
import org.chipplace.api.flow.ReportSchema;
import org.chipplace.api.service.store.JobExecutionRepository;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The whole service on H2 with the real JobRunr queue: upload the tiny design, submit a job, wait
 * for DONE, check the result is legal and the result endpoints serve content; also the event
 * stream, a sweep, the API key and cancelling a finished job.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chipplace.api-key=test-key", "chipplace.benchmarks-dir=../examples"})
@ActiveProfiles("test")
@AutoConfigureObservability
class EndToEndJobTest {
    private static final String KEY = "test-key";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JobExecutionRepository executions;

    /** Jobs whose every progress report takes 100 ms (to cancel them while they run). */
    static final java.util.Set<String> SLOW = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @org.springframework.boot.test.context.TestConfiguration
    static class SlowJobs {
        @org.springframework.context.annotation.Bean
        org.chipplace.api.service.jobs.ProgressHook slowHook() {
            return (job, stage, iteration) -> {
                if (SLOW.contains(job.toString())) {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
        }
    }

    private HttpHeaders keyed(MediaType type) {
        HttpHeaders h = new HttpHeaders();
        h.set("X-API-Key", KEY);
        h.setContentType(type);
        return h;
    }

    private String uploadTiny() throws IOException {
        var body = new LinkedMultiValueMap<String, Object>();
        try (var files = Files.list(TestDesigns.tinyDir())) {
            for (Path p : files.sorted().toList()) {
                body.add("files", new FileSystemResource(p));
            }
        }
        ResponseEntity<JsonNode> r = http.postForEntity("/api/designs",
                new HttpEntity<>(body, keyed(MediaType.MULTIPART_FORM_DATA)), JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(r.getHeaders().getLocation()).isNotNull();
        Netlist nl = Bookshelf.read(TestDesigns.tinyAux());
        assertThat(r.getBody().get("nodes").asInt()).isEqualTo(nl.numNodes());
        assertThat(r.getBody().get("nets").asInt()).isEqualTo(nl.numNets());
        assertThat(r.getBody().get("checksum").asText()).hasSize(64);
        assertThat(r.getBody().get("format").asText()).isEqualTo("bookshelf");
        return r.getBody().get("id").asText();
    }

    private JsonNode submit(Map<String, Object> job) {
        ResponseEntity<JsonNode> r = http.postForEntity("/api/jobs",
                new HttpEntity<>(job, keyed(MediaType.APPLICATION_JSON)), JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(r.getHeaders().getLocation().getPath()).isEqualTo("/api/jobs/" + r.getBody().get("id").asText());
        return r.getBody();
    }

    private JsonNode awaitFinal(String id) throws InterruptedException {
        return TestDesigns.awaitFinal(http, id);
    }

    @Test
    void tinyDesignJobReachesDoneWithALegalResultAndServesItsFiles() throws Exception {
        String design = uploadTiny();
        JsonNode job = submit(Map.of("design", design, "seed", 7, "options", Map.of("threads", 1)));
        String id = job.get("id").asText();
        assertThat(job.get("status").asText()).isIn("QUEUED", "RUNNING", "DONE");

        JsonNode done = awaitFinal(id);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(done.get("hpwl").asDouble()).isPositive();
        assertThat(executions.findByJobIdOrderByStartedAt(java.util.UUID.fromString(id))).hasSize(1);

        JsonNode report = http.getForObject("/api/jobs/" + id + "/report.json", JsonNode.class);
        assertThat(report.get("metrics").get("legal").asBoolean()).isTrue();
        assertThat(report.get("metrics").get("hpwl").asDouble()).isEqualTo(done.get("hpwl").asDouble());
        assertThat(report.get("stages").size()).isPositive();
        assertThat(report.get("format").asText()).isEqualTo("bookshelf");
        assertThat(ReportSchema.errors(report)).isEmpty();
        assertThat(report.get("job").asText()).isEqualTo(id);
        // the place command writes the same shape through the same writer, and the same placement
        Path cliOut = Files.createTempDirectory("chipplace-cli");
        try {
            int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "place",
                    "--aux", TestDesigns.tinyAux().toString(), "--out", cliOut.toString(), "--seed", "7",
                    "--threads", "1");
            assertThat(code).isZero();
            JsonNode cli = json.readTree(cliOut.resolve("report.json").toFile());
            assertThat(ReportSchema.errors(cli)).isEmpty();
            List<String> restKeys = new java.util.ArrayList<>();
            report.fieldNames().forEachRemaining(restKeys::add);
            restKeys.remove("job");
            List<String> cliKeys = new java.util.ArrayList<>();
            cli.fieldNames().forEachRemaining(cliKeys::add);
            assertThat(cliKeys).isEqualTo(restKeys);
            assertThat(cli.get("metrics").get("hpwl").asDouble()).isEqualTo(report.get("metrics").get("hpwl").asDouble());
            assertThat(cli.get("winner")).isEqualTo(report.get("winner"));
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(cliOut);
        }
        // a placed DEF exists only for LEF/DEF designs
        ResponseEntity<String> noDef = http.getForEntity("/api/jobs/" + id + "/placement.def", String.class);
        assertThat(noDef.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(noDef.getBody()).contains("\"status\":404").contains("not LEF/DEF");

        // times: queued, then run; the pipeline's own seconds are the report's; no macro placer, no outcome
        assertThat(done.get("queuedSeconds").asDouble()).isNotNegative();
        assertThat(done.get("runSeconds").asDouble()).isPositive().isEqualTo(done.get("seconds").asDouble());
        assertThat(done.get("placementSeconds").asDouble()).isEqualTo(report.get("totalSeconds").asDouble())
                .isPositive().isLessThanOrEqualTo(done.get("runSeconds").asDouble());
        assertThat(done.get("macroOutcome").isNull()).isTrue();

        ResponseEntity<String> pl = http.getForEntity("/api/jobs/" + id + "/placement.pl", String.class);
        assertThat(pl.getStatusCode()).isEqualTo(HttpStatus.OK);
        // downloads are named after the design
        assertThat(pl.getHeaders().getContentDisposition().getFilename()).isEqualTo("tiny.pl");
        for (String[] file : new String[][] {{"report.json", "tiny-report.json"}, {"layout.svg", "tiny-layout.svg"},
                {"congestion.png", "tiny-congestion.png"}}) {
            assertThat(http.getForEntity("/api/jobs/" + id + "/" + file[0], byte[].class).getHeaders()
                    .getFirst(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo("attachment; filename=\"" + file[1] + "\"");
        }
        Netlist nl = Bookshelf.read(TestDesigns.tinyAux());
        Path plFile = Files.createTempFile("tiny", ".pl");
        Files.writeString(plFile, pl.getBody());
        Placement placed = Bookshelf.readPl(nl, plFile);
        Files.delete(plFile);
        assertThat(org.chipplace.metrics.Metrics.evaluate(nl, placed,
                org.chipplace.metrics.MetricsOptions.defaults()).legal()).isTrue();

        ResponseEntity<String> svg = http.getForEntity("/api/jobs/" + id + "/layout.svg", String.class);
        assertThat(svg.getHeaders().getContentType().toString()).startsWith("image/svg+xml");
        assertThat(svg.getBody()).startsWith("<svg").contains("class=\"macros\"");

        ResponseEntity<byte[]> png = http.getForEntity("/api/jobs/" + id + "/congestion.png", byte[].class);
        assertThat(png.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        var img = ImageIO.read(new ByteArrayInputStream(png.getBody()));
        assertThat(img.getWidth()).isEqualTo(200);

        // the event stream of a finished job sends the final event and ends
        HttpResponse<InputStream> sse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/jobs/" + id + "/events")).timeout(Duration.ofSeconds(20))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        String events = new String(sse.body().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(events).contains("event:done").contains("\"status\":\"DONE\"");

        // finished: cancelling is a conflict
        ResponseEntity<JsonNode> cancel = http.exchange("/api/jobs/" + id, HttpMethod.DELETE,
                new HttpEntity<>(keyed(MediaType.APPLICATION_JSON)), JsonNode.class);
        assertThat(cancel.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(cancel.getBody().get("status").asInt()).isEqualTo(409);
    }

    @Test
    void mutatingRequestsWithoutTheApiKeyAre401AndReadsStayOpen() {
        ResponseEntity<JsonNode> r = http.postForEntity("/api/jobs", new HttpEntity<>(Map.of("design", "bench:x"),
                jsonHeaders()), JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(r.getBody().get("status").asInt()).isEqualTo(401);
        assertThat(http.getForEntity("/api/jobs", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return h;
    }

    @Test
    void sweepRunsTheCrossProductAndServesItsTableAsCsv() throws Exception {
        String design = uploadTiny();
        Map<String, Object> req = Map.of("designs", List.of(design),
                "configs", List.of(Map.of("name", "plain", "macroPlacer", "none", "options", Map.of("threads", 1)),
                        Map.of("name", "no-dp", "options", Map.of("threads", 1, "detailedPlacement", false))),
                "seeds", List.of(1, 2));
        ResponseEntity<JsonNode> r = http.postForEntity("/api/sweeps", new HttpEntity<>(req,
                keyed(MediaType.APPLICATION_JSON)), JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = r.getBody().get("id").asText();
        assertThat(r.getBody().get("jobs").asInt()).isEqualTo(4);
        for (JsonNode row : r.getBody().get("rows")) {
            awaitFinal(row.get("job").asText());
        }
        JsonNode sweep = http.getForObject("/api/sweeps/" + id, JsonNode.class);
        assertThat(sweep.get("done").asInt()).as(sweep.toString()).isEqualTo(4);
        for (JsonNode row : sweep.get("rows")) {
            assertThat(row.get("legal").asBoolean()).isTrue();
            assertThat(row.get("hpwl").asDouble()).isPositive();
        }
        for (JsonNode row : sweep.get("rows")) {
            assertThat(row.get("designName").asText()).isEqualTo("tiny");
            assertThat(row.get("placementSeconds").asDouble()).isPositive();
            assertThat(row.get("runSeconds").asDouble()).isGreaterThanOrEqualTo(row.get("placementSeconds").asDouble());
            assertThat(row.get("queuedSeconds").asDouble()).isNotNegative();
            assertThat(row.get("macroOutcome").isNull()).isTrue();
        }
        ResponseEntity<String> csv = http.getForEntity("/api/sweeps/" + id + ".csv", String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("sweep-" + id.substring(0, 8) + ".csv");
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("job,design,design_id,config,seed,status,hpwl,macroHpwl,overflow,legal,"
                + "macro_outcome,queued_s,run_s,placement_s");
        for (String line : lines.subList(1, 5)) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(14);
            assertThat(cells[1]).isEqualTo("tiny");
            assertThat(cells[2]).isEqualTo(design);
            assertThat(cells[5]).isEqualTo("DONE");
            assertThat(cells[9]).isEqualTo("true");
            assertThat(cells[10]).isEmpty();
            assertThat(Double.parseDouble(cells[13])).isPositive();
        }

        // the job list, filtered by sweep and status in the database
        JsonNode ofSweep = http.getForObject("/api/jobs?sweep=" + id + "&status=done&size=3", JsonNode.class);
        assertThat(ofSweep.get("page").get("totalElements").asInt()).isEqualTo(4);
        assertThat(ofSweep.get("page").get("totalPages").asInt()).isEqualTo(2);
        assertThat(ofSweep.get("content")).hasSize(3).allMatch(j -> j.get("sweepId").asText().equals(id));
        assertThat(http.getForObject("/api/jobs?sweep=" + id + "&status=RUNNING,QUEUED", JsonNode.class)
                .get("content")).isEmpty();
        JsonNode byConfig = http.getForObject("/api/jobs?sweep=" + id + "&sort=config,asc&sort=seed,desc",
                JsonNode.class);
        assertThat(byConfig.get("content")).extracting(j -> j.get("config").asText() + "/" + j.get("seed").asInt())
                .containsExactly("no-dp/2", "no-dp/1", "plain/2", "plain/1");
    }

    @Test
    void jobListProblemsNameWhatIsAllowed() {
        ResponseEntity<JsonNode> r = http.getForEntity("/api/jobs?status=finished", JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(r.getBody().get("detail").asText()).contains("QUEUED, RUNNING, DONE, FAILED, CANCELLED");
        r = http.getForEntity("/api/jobs?sort=owner,desc", JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().get("detail").asText()).startsWith("cannot sort jobs by 'owner'").contains("createdAt");
        r = http.getForEntity("/api/jobs?sort=createdAt,sideways", JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode page = http.getForObject("/api/jobs?size=100000", JsonNode.class);
        assertThat(page.get("page").get("size").asInt()).isEqualTo(500);
    }

    @Test
    void aMacroPlacerJobTellsWhichMacroPlacementWasKept() throws Exception {
        JsonNode job = submit(Map.of("design", "bench:tiny", "macroPlacer", "greedy", "options",
                Map.of("threads", 1, "timeLimit", 7)));
        JsonNode done = awaitFinal(job.get("id").asText());
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        JsonNode report = http.getForObject("/api/jobs/" + job.get("id").asText() + "/report.json", JsonNode.class);
        // the job's time limit reaches the macro placer's settings
        assertThat(done.get("options").get("timeLimit").asDouble()).isEqualTo(7);
        assertThat(report.get("options").get("timeLimit").asDouble()).isEqualTo(7);
        JsonNode outcome = done.get("macroOutcome");
        assertThat(outcome.get("macroPlacer").asText()).isEqualTo("greedy");
        assertThat(outcome.get("summary").asText()).startsWith("greedy ran; " + outcome.get("winner").asText()
                + " kept");
        assertThat(outcome.get("candidates")).hasSize(report.get("candidates").size());
        for (int i = 0; i < report.get("candidates").size(); i++) {
            JsonNode c = outcome.get("candidates").get(i), r = report.get("candidates").get(i);
            assertThat(c.get("source").asText()).isEqualTo(r.get("source").asText());
            assertThat(c.get("hpwl").asDouble()).isEqualTo(r.get("hpwl").asDouble());
            assertThat(c.get("kept").asBoolean()).isEqualTo(r.get("winner").asBoolean());
        }
        // the list shows the same outcome
        JsonNode listed = http.getForObject("/api/jobs?design=bench:tiny&size=500", JsonNode.class);
        assertThat(listed.get("content")).filteredOn(j -> j.get("id").equals(job.get("id")))
                .singleElement().satisfies(j -> assertThat(j.get("macroOutcome")).isEqualTo(outcome));
    }

    @Test
    void prometheusExposesTheJobGauges() {
        String text = http.getForObject("/actuator/prometheus", String.class);
        assertThat(text).contains("chipplace_jobs{").contains("status=\"queued\"");
        assertThat(http.getForObject("/actuator/health", String.class)).contains("UP");
        assertThat(http.getForObject("/v3/api-docs", String.class)).contains("/api/jobs/{id}/congestion.png");
    }

    private ResponseEntity<JsonNode> postJob(Map<String, Object> job) {
        return http.postForEntity("/api/jobs", new HttpEntity<>(job, keyed(MediaType.APPLICATION_JSON)),
                JsonNode.class);
    }

    @Test
    void invalidSubmissionsAreProblemsWithTheRightStatus() throws Exception {
        String design = uploadTiny();
        ResponseEntity<JsonNode> r = postJob(Map.of("design", design, "macroPlacer", "magic"));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().get("detail").asText()).contains("magic");
        r = postJob(Map.of("design", design, "options", Map.of("targetDensity", 2.0)));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().get("detail").asText()).contains("target density");
        r = postJob(Map.of("design", design, "fineTuneSteps", -1));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postJob(Map.of("design", "bench:nope")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(postJob(Map.of("design", java.util.UUID.randomUUID().toString())).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(postJob(Map.of("design", "not-an-id")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postJob(Map.of("seed", 1)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/jobs/" + java.util.UUID.randomUUID(), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aBrokenNetlistUploadIs400WithFileAndLine() throws Exception {
        var body = new LinkedMultiValueMap<String, Object>();
        try (var files = Files.list(TestDesigns.tinyDir())) {
            for (Path p : files.sorted().toList()) {
                if (p.getFileName().toString().endsWith(".nets")) {
                    String broken = Files.readString(p).replaceFirst("NetDegree", "NetDogree");
                    body.add("files", new org.springframework.core.io.ByteArrayResource(broken.getBytes()) {
                        @Override
                        public String getFilename() {
                            return "tiny.nets";
                        }
                    });
                } else {
                    body.add("files", new FileSystemResource(p));
                }
            }
        }
        ResponseEntity<JsonNode> r = http.postForEntity("/api/designs",
                new HttpEntity<>(body, keyed(MediaType.MULTIPART_FORM_DATA)), JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().get("detail").asText()).matches("tiny\\.nets:\\d+:.*");
    }

    @Test
    void benchmarksFolderDesignsAreListedAndRunByName() throws Exception {
        JsonNode list = http.getForObject("/api/benchmarks", JsonNode.class);
        assertThat(list.toString()).contains("\"design\":\"bench:tiny\"");
        Netlist nl = Bookshelf.read(TestDesigns.tinyAux());
        assertThat(list).filteredOn(b -> b.get("name").asText().equals("tiny")).singleElement().satisfies(b -> {
            assertThat(b.get("cells").asInt()).isEqualTo(nl.numCells());
            assertThat(b.get("macros").asInt()).isEqualTo(nl.numMacros());
            assertThat(b.get("nets").asInt()).isEqualTo(nl.numNets());
        });
        JsonNode job = submit(Map.of("design", "bench:tiny", "options", Map.of("threads", 1)));
        JsonNode done = awaitFinal(job.get("id").asText());
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("design").asText()).isEqualTo("bench:tiny");
    }

    @Test
    void cancellingQueuedAndRunningJobsStopsThem() throws Exception {
        String design = uploadTiny();
        // queued: the queue polls every few seconds, so a job cancelled at once has not started
        String queued = submit(Map.of("design", design)).get("id").asText();
        ResponseEntity<JsonNode> c = http.exchange("/api/jobs/" + queued, HttpMethod.DELETE,
                new HttpEntity<>(keyed(MediaType.APPLICATION_JSON)), JsonNode.class);
        assertThat(c.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode q = awaitFinal(queued);
        assertThat(q.get("status").asText()).isEqualTo("CANCELLED");
        ResponseEntity<String> svg = http.getForEntity("/api/jobs/" + queued + "/layout.svg", String.class);
        assertThat(svg.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(svg.getBody()).contains("\"status\":409");

        String running = submit(Map.of("design", design, "options", Map.of("threads", 1))).get("id").asText();
        SLOW.add(running);
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!http.getForObject("/api/jobs/" + running, JsonNode.class).get("status").asText().equals("RUNNING")) {
            assertThat(System.nanoTime()).as("job started").isLessThan(end);
            Thread.sleep(50);
        }
        c = http.exchange("/api/jobs/" + running, HttpMethod.DELETE,
                new HttpEntity<>(keyed(MediaType.APPLICATION_JSON)), JsonNode.class);
        assertThat(c.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode r = awaitFinal(running);
        assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("CANCELLED");
        assertThat(r.get("percent").asDouble()).isLessThan(100);
    }
}
