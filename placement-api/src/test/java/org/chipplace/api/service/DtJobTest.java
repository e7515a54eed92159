package org.chipplace.api.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chipplace.api.flow.ReportSchema;
import org.chipplace.api.service.models.DtModels;
import org.chipplace.policy.DecisionTransformer;
import org.chipplace.policy.DecisionTransformerPlacer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Jobs with macro placer {@code dt} on the whole service: their options ({@code samples},
 * {@code fineTuneSteps}, {@code device}, {@code checkpoint}) reach the placer and its report, the model
 * of a checkpoint is loaded once and shared by later jobs, no temporary folder stays behind, the
 * checkpoints of the models folder are listed and usable, and invalid dt options are problems.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chipplace.benchmarks-dir=../examples")
@ActiveProfiles("test")
class DtJobTest {
    /** The models folder: {@code mine}, a checkpoint as train writes it, and {@code empty}, a folder that is not one. */
    static final Path MODELS = modelsFolder();

    @Autowired
    TestRestTemplate http;
    @Autowired
    DtModels dtModels;

    @AfterAll
    static void removeModelsFolder() {
        FileSystemUtils.deleteRecursively(MODELS.toFile());
    }

    @DynamicPropertySource
    static void models(DynamicPropertyRegistry r) {
        r.add("chipplace.models-dir", MODELS::toString);
    }

    private static Path modelsFolder() {
        try {
            Path dir = Files.createTempDirectory("dt-job-test-models");
            try (DecisionTransformer dt = DecisionTransformer.loadDefault()) {
                dt.save(dir.resolve("mine"));
            }
            Files.writeString(dir.resolve("mine/training.csv"), "step,loss\n10,0.5\n20,0.25\n");
            Files.createDirectories(dir.resolve("empty"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResponseEntity<JsonNode> post(Map<String, Object> job) {
        return http.postForEntity("/api/jobs", job, JsonNode.class);
    }

    private JsonNode submit(Map<String, Object> job) {
        ResponseEntity<JsonNode> r = post(job);
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        return r.getBody();
    }

    private JsonNode awaitDone(JsonNode submitted) throws InterruptedException {
        JsonNode done = TestDesigns.awaitFinal(http, submitted.get("id").asText());
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        return done;
    }

    private JsonNode report(JsonNode job) {
        return http.getForObject("/api/jobs/" + job.get("id").asText() + "/report.json", JsonNode.class);
    }

    /** Names in java.io.tmpdir of the folders a job or the dt loader makes. */
    private static Set<String> temporaryFolders() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("dt-encoder") || n.startsWith("chipplace-job")).collect(Collectors.toSet());
        }
    }

    @Test
    void dtJobsCarryTheirOptionsToThePlacerAndShareOneLoadedModelLeavingNoTemporaryFolder() throws Exception {
        Set<String> foldersBefore = temporaryFolders();
        int loadsBefore = dtModels.loads();
        Map<String, Object> tuned = new HashMap<>(Map.of("threads", 1, "timeLimit", 20, "samples", 2,
                "fineTuneSteps", 1, "device", "cpu", "checkpoint", "decision-transformer"));
        tuned.put("releaseMacros", false);
        // submitted together: both workers run them at the same time on the one model
        JsonNode a = submit(Map.of("design", "bench:tiny", "macroPlacer", "dt", "options", tuned));
        JsonNode b = submit(Map.of("design", "bench:tiny", "macroPlacer", "dt", "seed", 2,
                "options", Map.of("threads", 1)));
        JsonNode doneA = awaitDone(a);
        JsonNode doneB = awaitDone(b);

        // the job's view and its report tell the options the placer ran with
        JsonNode viewA = doneA.get("options");
        assertThat(viewA.get("samples").asInt()).isEqualTo(2);
        assertThat(viewA.get("fineTuneSteps").asInt()).isEqualTo(1);
        assertThat(viewA.get("device").asText()).isEqualTo("cpu");
        assertThat(viewA.get("checkpoint").asText()).isEqualTo("decision-transformer");
        assertThat(doneA.get("fineTuneSteps").asInt()).isEqualTo(1);
        JsonNode reportA = report(a);
        assertThat(ReportSchema.errors(reportA)).isEmpty();
        assertThat(reportA.get("fineTuneSteps").asInt()).isEqualTo(1);
        JsonNode optionsA = reportA.get("options");
        assertThat(optionsA.get("macroPlacer").asText()).isEqualTo("dt");
        assertThat(optionsA.get("samples").asInt()).isEqualTo(2);
        assertThat(optionsA.get("fineTuneSteps").asInt()).isEqualTo(1);
        assertThat(optionsA.get("device").asText()).isEqualTo("cpu");
        assertThat(optionsA.get("checkpoint").asText()).isEqualTo("decision-transformer");
        assertThat(optionsA.get("timeLimit").asDouble()).isEqualTo(20);
        assertThat(viewA.get("releaseMacros").asBoolean(true)).isFalse();
        assertThat(optionsA.get("placer").get("releaseMacros").asBoolean(true)).isFalse();
        // released by default
        assertThat(doneB.get("options").get("releaseMacros").asBoolean(false)).isTrue();
        assertThat(report(b).get("options").get("placer").get("releaseMacros").asBoolean(false)).isTrue();
        // the defaults of a dt job are filled in
        assertThat(doneB.get("options").get("samples").asInt()).isEqualTo(1);
        assertThat(doneB.get("options").get("device").asText()).isEqualTo("cpu");
        JsonNode optionsB = report(b).get("options");
        assertThat(optionsB.get("samples").asInt()).isEqualTo(1);
        assertThat(optionsB.get("fineTuneSteps").asInt()).isZero();
        assertThat(optionsB.get("checkpoint").asText()).isEqualTo("decision-transformer");

        // one load of the shipped model on the CPU for both jobs, and nothing left in the temporary folder
        assertThat(dtModels.loads() - loadsBefore).isEqualTo(1);
        assertThat(temporaryFolders()).isSubsetOf(foldersBefore);
    }

    @Test
    void aCheckpointOfTheModelsFolderIsListedWithItsLogAndPlacesAJob() throws Exception {
        JsonNode models = http.getForObject("/api/models", JsonNode.class);
        assertThat(models).filteredOn(m -> m.get("name").asText().equals("mine")).singleElement().satisfies(m -> {
            assertThat(m.get("macroPlacer").asText()).isEqualTo("dt");
            assertThat(m.get("card").asText()).contains("\"checkpoint\": \"mine\"");
            assertThat(m.get("trainingLog").get("columns").toString()).isEqualTo("[\"step\",\"loss\"]");
        });
        assertThat(models).filteredOn(m -> m.get("name").asText().equals("decision-transformer")).singleElement()
                .satisfies(m -> assertThat(m.get("macroPlacer").asText()).isEqualTo("dt"));
        assertThat(models).noneMatch(m -> m.get("name").asText().equals("empty"));
        JsonNode job = submit(Map.of("design", "bench:tiny", "macroPlacer", "dt",
                "options", Map.of("threads", 1, "checkpoint", "mine")));
        awaitDone(job);
        assertThat(report(job).get("options").get("checkpoint").asText()).isEqualTo("mine");
    }

    @Test
    void invalidDtOptionsAre400ProblemsSayingWhy() {
        assertProblem(Map.of("design", "bench:tiny", "macroPlacer", "dt", "options", Map.of("checkpoint", "nosuch")),
                HttpStatus.BAD_REQUEST,
                "unknown checkpoint 'nosuch'; known decision-transformer checkpoints: [decision-transformer, mine]");
        assertProblem(Map.of("design", "bench:tiny", "macroPlacer", "dt", "options", Map.of("checkpoint", "empty")),
                HttpStatus.BAD_REQUEST, "unknown checkpoint 'empty'; known decision-transformer checkpoints: "
                        + "[decision-transformer, mine]");
        assertProblem(Map.of("design", "bench:tiny", "macroPlacer", "greedy",
                        "options", Map.of("samples", 2, "device", "cpu")),
                HttpStatus.BAD_REQUEST, "options samples, device apply to macroPlacer dt only, not 'greedy'");
        assertProblem(Map.of("design", "bench:tiny", "options", Map.of("checkpoint", "decision-transformer")),
                HttpStatus.BAD_REQUEST, "options checkpoint apply to macroPlacer dt only, not 'none'");
        assertProblem(Map.of("design", "bench:tiny", "macroPlacer", "dt", "options", Map.of("samples", 0)),
                HttpStatus.BAD_REQUEST, "samples must be >= 1, got 0");
        assertProblem(Map.of("design", "bench:tiny", "macroPlacer", "dt", "options", Map.of("fineTuneSteps", -1)),
                HttpStatus.BAD_REQUEST, "fineTuneSteps must be >= 0, got -1");
        assertProblem(Map.of("design", "bench:tiny", "macroPlacer", "dt", "fineTuneSteps", 2,
                        "options", Map.of("fineTuneSteps", 3)),
                HttpStatus.BAD_REQUEST, "fineTuneSteps 2 and options.fineTuneSteps 3 disagree; give one of them");
        assertProblem(Map.of("design", "bench:tiny", "macroPlacer", "dt", "options", Map.of("device", "tpu")),
                HttpStatus.BAD_REQUEST, "device must be one of [cpu, gpu], got 'tpu'");
        assertProblem(Map.of("design", "bench:tiny", "options", Map.of("releaseMacros", true)),
                HttpStatus.BAD_REQUEST, "releaseMacros needs a macro placer (greedy, ea or dt)");
        // unknown fields stay rejected
        ResponseEntity<JsonNode> r = post(Map.of("design", "bench:tiny", "macroPlacer", "dt",
                "options", Map.of("sample", 2)));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().get("detail").asText()).contains("sample");
    }

    @Test
    void gpuWithoutACudaDeviceIsA422ProblemWithTheOneLineReason() {
        Assumptions.assumeTrue(DecisionTransformerPlacer.gpuCount() == 0, "a GPU is present");
        assertProblem(Map.of("design", "bench:tiny", "macroPlacer", "dt", "options", Map.of("device", "gpu")),
                HttpStatus.UNPROCESSABLE_ENTITY,
                "no CUDA device: this build has the CPU PyTorch engine (build with -Pcuda)");
    }

    private void assertProblem(Map<String, Object> job, HttpStatus status, String detail) {
        ResponseEntity<JsonNode> r = post(job);
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(status);
        assertThat(r.getHeaders().getContentType()).isNotNull();
        assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(r.getBody().get("detail").asText()).isEqualTo(detail);
    }
}
