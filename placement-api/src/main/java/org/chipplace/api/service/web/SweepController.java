package org.chipplace.api.service.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.chipplace.api.service.Dtos.SweepRequest;
import org.chipplace.api.service.Dtos.SweepView;
import org.chipplace.api.service.jobs.SweepService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Batch sweeps over designs, configurations and seeds. */
@RestController
@Tag(name = "sweeps")
public class SweepController {
    private final SweepService sweeps;

    public SweepController(SweepService sweeps) {
        this.sweeps = sweeps;
    }

    @Operation(summary = "Run designs x configs x seeds as jobs; 202 with Location of the sweep")
    @PostMapping(path = "/api/sweeps", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SweepView> submit(@RequestBody SweepRequest request) {
        SweepView v = sweeps.submit(request);
        return ResponseEntity.accepted().location(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(v.id()).toUri()).body(v);
    }

    @Operation(summary = "List sweeps")
    @GetMapping("/api/sweeps")
    public List<SweepView> list() {
        return sweeps.list();
    }

    @Operation(summary = "Sweep table: per job design, designName, config, seed, status, hpwl, macroHpwl, overflow, "
            + "legal, seconds, macroOutcome, queuedSeconds, runSeconds, placementSeconds")
    @GetMapping("/api/sweeps/{id}")
    public SweepView get(@PathVariable UUID id) {
        return sweeps.get(id);
    }

    @Operation(summary = "Sweep table as CSV (saved as sweep-<first 8 of id>.csv): " + SweepService.CSV_HEADER)
    @GetMapping(path = "/api/sweeps/{id}.csv", produces = "text/csv")
    public ResponseEntity<String> csv(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(SweepService.csvFileName(id)).build().toString())
                .body(sweeps.csv(id));
    }
}
