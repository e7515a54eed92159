package org.chipplace.api.service.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.chipplace.api.service.Dtos.JobSubmission;
import org.chipplace.api.service.Dtos.JobView;
import org.chipplace.api.service.jobs.JobEvents;
import org.chipplace.api.service.jobs.JobQuery;
import org.chipplace.api.service.jobs.JobService;
import org.chipplace.api.service.jobs.ResultService;
import org.chipplace.api.service.jobs.ResultService.ResultFile;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Placement jobs, their progress events and their result files. */
@RestController
@Tag(name = "jobs")
public class JobController {
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private final JobService jobs;
    private final JobEvents events;
    private final ResultService results;

    public JobController(JobService jobs, JobEvents events, ResultService results) {
        this.jobs = jobs;
        this.events = events;
        this.results = results;
    }

    @Operation(summary = "Submit a placement job; 202 with Location of the job")
    @PostMapping(path = "/api/jobs", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JobView> submit(@RequestBody JobSubmission submission) {
        JobView v = jobs.submit(submission);
        return ResponseEntity.accepted().location(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(v.id()).toUri()).body(v);
    }

    @Operation(summary = "One page of jobs (the caller's own unless admin), newest first: filters status "
            + "(any case; several as a list or repeated), design (upload id or bench:<name>) and sweep; "
            + "page (0-based), size (default 50, at most 500), sort (e.g. createdAt,desc; repeatable). "
            + "Body: {content: [job], page: {size, number, totalElements, totalPages}}")
    @GetMapping("/api/jobs")
    public PagedModel<JobView> list(@RequestParam(required = false) List<String> status,
                                    @RequestParam(required = false) String design,
                                    @RequestParam(required = false) UUID sweep,
                                    @ParameterObject @PageableDefault(size = JobQuery.DEFAULT_SIZE) Pageable page) {
        return new PagedModel<>(jobs.list(JobQuery.of(status, design, sweep), page));
    }

    @Operation(summary = "Job status, stage, percent and HPWL so far")
    @GetMapping("/api/jobs/{id}")
    public JobView get(@PathVariable UUID id) {
        return jobs.get(id);
    }

    @Operation(summary = "Cancel a queued or running job (409 when already finished)")
    @DeleteMapping("/api/jobs/{id}")
    public JobView cancel(@PathVariable UUID id) {
        return jobs.cancel(id);
    }

    @Operation(summary = "Server-sent progress events (progress ..., then done|failed|cancelled)")
    @GetMapping(path = "/api/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(@PathVariable UUID id) {
        return events.stream(id);
    }

    @Operation(summary = "Final placement as a Bookshelf .pl (saved as <design>.pl)")
    @GetMapping(path = "/api/jobs/{id}/placement.pl", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<byte[]> placement(@PathVariable UUID id) {
        return file(results.placementPl(id), TEXT);
    }

    @Operation(summary = "Final placement as DEF (a job on a LEF/DEF design; 404 for a Bookshelf design; "
            + "saved as <design>.def)")
    @GetMapping(path = "/api/jobs/{id}/placement.def", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<byte[]> placementDef(@PathVariable UUID id) {
        return file(results.placementDef(id), TEXT);
    }

    @Operation(summary = "Final placement as a Circuit Training .plc (a job on a .pb.txt design; 404 otherwise; "
            + "saved as <design>.plc)")
    @GetMapping(path = "/api/jobs/{id}/placement.plc", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<byte[]> placementPlc(@PathVariable UUID id) {
        return file(results.placementPlc(id), TEXT);
    }

    @Operation(summary = "The job's report.json, as the place command writes it (docs/report-schema.json): "
            + "metrics, stages, macro-placement candidates and the winner, traces, options "
            + "(saved as <design>-report.json)")
    @GetMapping(path = "/api/jobs/{id}/report.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> report(@PathVariable UUID id) {
        return file(results.reportJson(id), MediaType.APPLICATION_JSON);
    }

    @Operation(summary = "Layout picture (die, rows, macros, pads, cells or cell density; "
            + "saved as <design>-layout.svg)")
    @GetMapping(path = "/api/jobs/{id}/layout.svg", produces = "image/svg+xml")
    public ResponseEntity<String> layout(@PathVariable UUID id) {
        return file(results.layoutSvg(id), MediaType.parseMediaType("image/svg+xml"));
    }

    @Operation(summary = "RUDY congestion figure: heat map with die and macro outlines, colour bar with the "
            + "overflow threshold 1.0 (saved as <design>-congestion.png)")
    @GetMapping(path = "/api/jobs/{id}/congestion.png", produces = MediaType.IMAGE_PNG_VALUE)
    public ResponseEntity<byte[]> congestion(@PathVariable UUID id) {
        return file(results.congestionPng(id), MediaType.IMAGE_PNG);
    }

    /** {@code f} as an attachment named {@code f.filename()}. */
    static <T> ResponseEntity<T> file(ResultFile<T> f, MediaType type) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(f.filename()).build().toString()).body(f.content());
    }
}
