package org.chipplace.api.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.chipplace.api.service.Dtos.JobOptions;
import org.chipplace.api.service.Dtos.JobView;
import org.chipplace.api.service.Dtos.MacroCandidate;
import org.chipplace.api.service.Dtos.MacroOutcome;
import org.chipplace.api.service.jobs.JobQuery;
import org.chipplace.api.service.jobs.ResultService.ResultFile;
import org.chipplace.api.service.store.JobStatus;
import org.mockito.ArgumentCaptor;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.chipplace.api.service.ServiceErrors.BadRequest;
import org.chipplace.api.service.ServiceErrors.Conflict;
import org.chipplace.api.service.ServiceErrors.NotFound;
import org.chipplace.placer.PlacerOptions;
import org.chipplace.placer.legalize.LegalizationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class JobControllerTest extends WebSliceTest {
    static final UUID ID = UUID.fromString("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    static final JobView VIEW = new JobView(ID, "bench:ibm01", "ibm01", "none", 1, 0,
            JobOptions.of(PlacerOptions.defaults()), "RUNNING", "global", 42.5, 1.25e6, 0.3, null, 1, "w1", null, null,
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:01Z"), null, 3.0, 1.0, 3.0, null,
            null);
    static final MacroOutcome OUTCOME = new MacroOutcome("greedy", "analytic", "greedy ran; analytic kept, greedy +7.4 %",
            List.of(new MacroCandidate("candidate-1", "greedy", "greedy", 1.074e6, 2.0, false),
                    new MacroCandidate("candidate-analytic", "analytic", "analytic", 1.0e6, 3.0, true)));
    static final JobView DONE = new JobView(ID, "bench:ibm01", "ibm01", "greedy", 1, 0,
            JobOptions.of(PlacerOptions.defaults()), "DONE", "done", 100, 1.0e6, 0.05, null, 1, "w1", null, null,
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:02Z"),
            Instant.parse("2026-01-01T00:00:14Z"), 12.0, 2.0, 12.0, 10.5, OUTCOME);

    private static final String BODY = "{\"design\":\"bench:ibm01\",\"macroPlacer\":\"none\",\"seed\":1}";

    @Test
    void submitIs202WithLocationOfTheJob() throws Exception {
        when(jobs.submit(any())).thenReturn(VIEW);
        mvc.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "http://localhost/api/jobs/" + ID))
                .andExpect(jsonPath("$.status").value("RUNNING"))
                .andExpect(jsonPath("$.options.targetDensity").value(0.0)); // 0 = automatic (the default)
    }

    @Test
    void invalidSubmissionIs400() throws Exception {
        when(jobs.submit(any())).thenThrow(new BadRequest("unknown --macro-placer 'x'"));
        mvc.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("unknown --macro-placer 'x'"));
    }

    @Test
    void unreadableJsonIs400() throws Exception {
        mvc.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON).content("{\"seed\": \"x\""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void misspeltFieldsAre400NamingTheFieldInsteadOfRunningWithDefaults() throws Exception {
        mvc.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"design\":\"bench:ibm01\",\"macroplacer\":\"greedy\",\"sed\":4}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "unknown field 'macroplacer' at line 1, column")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("macroPlacer")));
        mvc.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"design\":\"bench:ibm01\",\"options\":{\"treads\":2}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("unknown field 'treads'")));
        verify(jobs, never()).submit(any());
    }

    @Test
    void wrongTypesAndMalformedJsonAre400NamingTheFieldOrThePosition() throws Exception {
        mvc.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON).content("{\"seed\":\"abc\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("field 'seed' at line 1")));
        mvc.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON).content("{\"seed\": 1,\n \"design\" \"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("malformed JSON at line 2, column")));
    }

    @Test
    void submitAsPlainTextIs415() throws Exception {
        mvc.perform(post("/api/jobs").contentType(MediaType.TEXT_PLAIN).content(BODY))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void submitForAnUnknownDesignIs404() throws Exception {
        when(jobs.submit(any())).thenThrow(new NotFound("benchmark", "nope"));
        mvc.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isNotFound());
    }

    @Test
    void getReturnsTheJobWithItsTimesAndMacroOutcome() throws Exception {
        when(jobs.get(ID)).thenReturn(VIEW);
        mvc.perform(get("/api/jobs/" + ID)).andExpect(status().isOk())
                .andExpect(jsonPath("$.percent").value(42.5))
                .andExpect(jsonPath("$.hpwl").value(1.25e6))
                .andExpect(jsonPath("$.seconds").value(3.0))
                .andExpect(jsonPath("$.queuedSeconds").value(1.0))
                .andExpect(jsonPath("$.runSeconds").value(3.0))
                .andExpect(jsonPath("$.placementSeconds").value(nullValue()))
                .andExpect(jsonPath("$.macroOutcome").value(nullValue()));
        UUID done = UUID.randomUUID();
        when(jobs.get(done)).thenReturn(DONE);
        mvc.perform(get("/api/jobs/" + done)).andExpect(status().isOk())
                .andExpect(jsonPath("$.placementSeconds").value(10.5))
                .andExpect(jsonPath("$.macroOutcome.macroPlacer").value("greedy"))
                .andExpect(jsonPath("$.macroOutcome.winner").value("analytic"))
                .andExpect(jsonPath("$.macroOutcome.summary").value("greedy ran; analytic kept, greedy +7.4 %"))
                .andExpect(jsonPath("$.macroOutcome.candidates[0].source").value("greedy"))
                .andExpect(jsonPath("$.macroOutcome.candidates[0].hpwl").value(1.074e6))
                .andExpect(jsonPath("$.macroOutcome.candidates[0].seconds").value(2.0))
                .andExpect(jsonPath("$.macroOutcome.candidates[0].kept").value(false))
                .andExpect(jsonPath("$.macroOutcome.candidates[1].kept").value(true));
    }

    @Test
    void listIsAPageOfJobsWithItsMetadata() throws Exception {
        when(jobs.list(any(), any())).thenAnswer(inv -> new PageImpl<>(List.of(VIEW, DONE),
                inv.getArgument(1, Pageable.class), 7));
        mvc.perform(get("/api/jobs").param("page", "1").param("size", "2")).andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(2))
                .andExpect(jsonPath("$.content[0].stage").value("global"))
                .andExpect(jsonPath("$.content[1].macroOutcome.winner").value("analytic"))
                .andExpect(jsonPath("$.page.size").value(2))
                .andExpect(jsonPath("$.page.number").value(1))
                .andExpect(jsonPath("$.page.totalElements").value(7))
                .andExpect(jsonPath("$.page.totalPages").value(4));
    }

    @Test
    void listPassesFiltersPageSizeAndSortToTheService() throws Exception {
        when(jobs.list(any(), any())).thenReturn(new PageImpl<>(List.of()));
        UUID sweep = UUID.randomUUID();
        mvc.perform(get("/api/jobs").param("status", "running,Done").param("design", "bench:ibm01")
                        .param("sweep", sweep.toString()).param("page", "3").param("size", "20")
                        .param("sort", "hpwl,asc").param("sort", "createdAt,desc"))
                .andExpect(status().isOk());
        ArgumentCaptor<JobQuery> query = ArgumentCaptor.forClass(JobQuery.class);
        ArgumentCaptor<Pageable> page = ArgumentCaptor.forClass(Pageable.class);
        verify(jobs).list(query.capture(), page.capture());
        assertThat(query.getValue()).isEqualTo(new JobQuery(EnumSet.of(JobStatus.RUNNING, JobStatus.DONE),
                "bench:ibm01", sweep));
        assertThat(page.getValue().getPageNumber()).isEqualTo(3);
        assertThat(page.getValue().getPageSize()).isEqualTo(20);
        assertThat(page.getValue().getSort()).containsExactly(Sort.Order.asc("hpwl"), Sort.Order.desc("createdAt"));
    }

    @Test
    void listWithoutParametersAsksForTheFirst50() throws Exception {
        when(jobs.list(any(), any())).thenReturn(new PageImpl<>(List.of()));
        mvc.perform(get("/api/jobs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(0));
        ArgumentCaptor<Pageable> page = ArgumentCaptor.forClass(Pageable.class);
        verify(jobs).list(org.mockito.ArgumentMatchers.eq(new JobQuery(EnumSet.noneOf(JobStatus.class), null, null)),
                page.capture());
        assertThat(page.getValue().getPageNumber()).isZero();
        assertThat(page.getValue().getPageSize()).isEqualTo(50);
    }

    @Test
    void listWithAnUnknownStatusOrBadFilterIs400AndNeverQueries() throws Exception {
        mvc.perform(get("/api/jobs").param("status", "finished")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(
                        "unknown status 'finished'; allowed: QUEUED, RUNNING, DONE, FAILED, CANCELLED"));
        mvc.perform(get("/api/jobs").param("design", "ibm01")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("bench:<name>")));
        mvc.perform(get("/api/jobs").param("sweep", "not-a-uuid")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verify(jobs, never()).list(any(), any());
    }

    @Test
    void unknownJobIs404() throws Exception {
        when(jobs.get(ID)).thenThrow(new NotFound("job", ID));
        mvc.perform(get("/api/jobs/" + ID)).andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void cancelReturnsTheJobAndIs409WhenFinishedAnd404WhenUnknown() throws Exception {
        when(jobs.cancel(ID)).thenReturn(VIEW);
        mvc.perform(delete("/api/jobs/" + ID)).andExpect(status().isOk());
        when(jobs.cancel(ID)).thenThrow(new Conflict("job is already DONE"));
        mvc.perform(delete("/api/jobs/" + ID)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("job is already DONE"));
        UUID other = UUID.randomUUID();
        when(jobs.cancel(other)).thenThrow(new NotFound("job", other));
        mvc.perform(delete("/api/jobs/" + other)).andExpect(status().isNotFound());
    }

    @Test
    void eventsOfAnUnknownJobAre404AndKnownOnesStream() throws Exception {
        when(events.stream(ID)).thenThrow(new NotFound("job", ID));
        mvc.perform(get("/api/jobs/" + ID + "/events").accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(status().isNotFound());
        UUID other = UUID.randomUUID();
        SseEmitter emitter = new SseEmitter();
        when(events.stream(other)).thenReturn(emitter);
        var result = mvc.perform(get("/api/jobs/" + other + "/events").accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(status().isOk()).andReturn();
        emitter.send(SseEmitter.event().name("done").data("{\"status\":\"DONE\"}"));
        emitter.complete();
        org.assertj.core.api.Assertions.assertThat(result.getResponse().getContentAsString())
                .contains("event:done").contains("DONE");
    }

    @Test
    void resultFilesHaveTheirContentTypesAndAreNamedAfterTheDesign() throws Exception {
        when(results.placementPl(ID)).thenReturn(new ResultFile<>("ibm01.pl", "UCLA pl 1.0\na 0 0 : N\n".getBytes()));
        when(results.reportJson(ID)).thenReturn(new ResultFile<>("ibm01-report.json", "{\"metrics\":{\"legal\":true}}"));
        when(results.layoutSvg(ID)).thenReturn(new ResultFile<>("ibm01-layout.svg", "<svg/>"));
        when(results.congestionPng(ID)).thenReturn(new ResultFile<>("ibm01-congestion.png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        mvc.perform(get("/api/jobs/" + ID + "/placement.pl")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"ibm01.pl\""))
                .andExpect(content().string("UCLA pl 1.0\na 0 0 : N\n"));
        mvc.perform(get("/api/jobs/" + ID + "/report.json")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"ibm01-report.json\""))
                .andExpect(jsonPath("$.metrics.legal").value(true));
        mvc.perform(get("/api/jobs/" + ID + "/layout.svg")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"ibm01-layout.svg\""))
                .andExpect(content().contentTypeCompatibleWith("image/svg+xml"));
        mvc.perform(get("/api/jobs/" + ID + "/congestion.png")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"ibm01-congestion.png\""))
                .andExpect(content().contentType(MediaType.IMAGE_PNG));
    }

    @Test
    void placedDefIsServedAsTextAndIs404ForABookshelfJob() throws Exception {
        when(results.placementDef(ID)).thenReturn(new ResultFile<>("top.def", "VERSION 5.8 ;\nDESIGN top ;\n".getBytes()));
        mvc.perform(get("/api/jobs/" + ID + "/placement.def")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"top.def\""))
                .andExpect(content().string("VERSION 5.8 ;\nDESIGN top ;\n"));
        UUID other = UUID.randomUUID();
        when(results.placementDef(other)).thenThrow(new NotFound("job " + other + " has no placed DEF"));
        mvc.perform(get("/api/jobs/" + other + "/placement.def")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("job " + other + " has no placed DEF"));
    }

    @Test
    void resultsOfAJobThatIsNotDoneAre409AndOfAnUnknownJob404() throws Exception {
        when(results.layoutSvg(ID)).thenThrow(new Conflict("job is RUNNING"));
        mvc.perform(get("/api/jobs/" + ID + "/layout.svg")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value(409));
        when(results.congestionPng(ID)).thenThrow(new NotFound("job", ID));
        mvc.perform(get("/api/jobs/" + ID + "/congestion.png")).andExpect(status().isNotFound());
        when(results.placementPl(ID)).thenThrow(new Conflict("job is FAILED"));
        mvc.perform(get("/api/jobs/" + ID + "/placement.pl")).andExpect(status().isConflict());
        when(results.reportJson(ID)).thenThrow(new NotFound("job", ID));
        mvc.perform(get("/api/jobs/" + ID + "/report.json")).andExpect(status().isNotFound());
    }

    @Test
    void domainExceptionsNeverEndAs500() throws Exception {
        when(jobs.get(ID)).thenThrow(new LegalizationException("rows too full"));
        mvc.perform(get("/api/jobs/" + ID)).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("rows too full"));
        UUID a = UUID.randomUUID();
        when(jobs.get(a)).thenThrow(new IllegalArgumentException("target density must be in (0, 1]"));
        mvc.perform(get("/api/jobs/" + a)).andExpect(status().isBadRequest());
        UUID b = UUID.randomUUID();
        when(jobs.get(b)).thenThrow(new IllegalStateException("inconsistent"));
        mvc.perform(get("/api/jobs/" + b)).andExpect(status().isUnprocessableEntity());
        UUID c = UUID.randomUUID();
        when(jobs.get(c)).thenThrow(new DataAccessResourceFailureException("connection refused"));
        mvc.perform(get("/api/jobs/" + c)).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value(503));
        UUID d = UUID.randomUUID();
        when(jobs.get(d)).thenThrow(new org.chipplace.netlist.NetlistParseException("a.nodes", 3, "bad width"));
        mvc.perform(get("/api/jobs/" + d)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("a.nodes:3:")));
    }

    @Test
    void unknownRouteIs404AndWrongMethodIs405() throws Exception {
        mvc.perform(get("/api/nothing-here")).andExpect(status().isNotFound());
        mvc.perform(post("/api/jobs/" + ID).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed());
    }
}
