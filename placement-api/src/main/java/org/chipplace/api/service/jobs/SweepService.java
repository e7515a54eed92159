package org.chipplace.api.service.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.chipplace.api.service.ChipplaceProperties;
import org.chipplace.api.service.Dtos.JobSubmission;
import org.chipplace.api.service.Dtos.SweepConfig;
import org.chipplace.api.service.Dtos.SweepRequest;
import org.chipplace.api.service.Dtos.SweepRow;
import org.chipplace.api.service.Dtos.SweepView;
import org.chipplace.api.service.ServiceErrors.BadRequest;
import org.chipplace.api.service.ServiceErrors.NotFound;
import org.chipplace.api.service.security.Caller;
import org.chipplace.api.service.security.Callers;
import org.chipplace.api.service.store.JobEntity;
import org.chipplace.api.service.store.JobRepository;
import org.chipplace.api.service.store.JobResultEntity;
import org.chipplace.api.service.store.JobResultRepository;
import org.chipplace.api.service.store.JobStatus;
import org.chipplace.api.service.store.SweepEntity;
import org.chipplace.api.service.store.SweepRepository;
import org.springframework.stereotype.Service;

/**
 * Batch sweeps: the cross product designs x configs x seeds as jobs. Every job is validated and
 * stored before any is enqueued, so an invalid sweep creates no jobs that run.
 */
@Service
public class SweepService {
    private final SweepRepository sweeps;
    private final JobRepository jobs;
    private final JobResultRepository results;
    private final JobService jobService;
    private final ChipplaceProperties props;
    private final ObjectMapper json;
    private final Callers callers;

    public SweepService(SweepRepository sweeps, JobRepository jobs, JobResultRepository results,
                        JobService jobService, ChipplaceProperties props, ObjectMapper json, Callers callers) {
        this.callers = callers;
        this.sweeps = sweeps;
        this.jobs = jobs;
        this.results = results;
        this.jobService = jobService;
        this.props = props;
        this.json = json;
    }

    public SweepView submit(SweepRequest r) {
        if (r == null || r.designs() == null || r.designs().isEmpty()) {
            throw new BadRequest("'designs' must list at least one design");
        }
        List<SweepConfig> configs = r.configs() == null || r.configs().isEmpty()
                ? List.of(new SweepConfig("default", "none", 0, null)) : r.configs();
        List<Long> seeds = r.seeds() == null || r.seeds().isEmpty() ? List.of(1L) : r.seeds();
        long n = (long) r.designs().size() * configs.size() * seeds.size();
        if (n > props.getSweeps().getMaxJobs()) {
            throw new BadRequest("sweep of " + n + " jobs exceeds the limit of " + props.getSweeps().getMaxJobs());
        }
        Set<String> names = new HashSet<>();
        List<String> configNames = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            SweepConfig c = configs.get(i);
            if (c == null) {
                throw new BadRequest("configs[" + i + "] is null");
            }
            String name = c.name() != null && !c.name().isBlank() ? c.name()
                    : (c.macroPlacer() == null ? "none" : c.macroPlacer()) + "#" + i;
            if (!names.add(name)) {
                throw new BadRequest("duplicate config name '" + name + "'");
            }
            configNames.add(name);
        }
        String requestJson;
        try {
            requestJson = json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        SweepEntity sweep = new SweepEntity(UUID.randomUUID(), requestJson, Instant.now());
        sweep.setOwner(callers.current().owner());
        sweep = sweeps.saveAndFlush(sweep);
        List<UUID> created = new ArrayList<>();
        try {
            for (String design : r.designs()) {
                for (int i = 0; i < configs.size(); i++) {
                    SweepConfig c = configs.get(i);
                    for (Long seed : seeds) {
                        if (seed == null) {
                            throw new BadRequest("seeds must not contain null");
                        }
                        created.add(jobService.create(new JobSubmission(design, c.macroPlacer(), seed,
                                c.fineTuneSteps(), c.options()), sweep.getId(), configNames.get(i)).getId());
                    }
                }
            }
        } catch (RuntimeException e) {
            jobs.deleteAllById(created);
            sweeps.deleteById(sweep.getId());
            throw e;
        }
        created.forEach(jobService::enqueue);
        return get(sweep.getId());
    }

    /** Sweep {@code id} if the current caller may see it; 404 otherwise. */
    public SweepView get(UUID id) {
        Caller c = callers.current();
        SweepEntity s = sweeps.findById(id).filter(x -> c.sees(x.getOwner()))
                .orElseThrow(() -> new NotFound("sweep", id));
        List<SweepRow> rows = new ArrayList<>();
        int done = 0, failed = 0;
        Instant now = Instant.now();
        for (JobEntity j : jobs.findBySweepIdOrderByCreatedAt(id)) {
            JobResultEntity res = j.getStatus() == JobStatus.DONE ? results.findById(j.getId()).orElse(null) : null;
            done += j.getStatus() == JobStatus.DONE ? 1 : 0;
            failed += j.getStatus() == JobStatus.FAILED ? 1 : 0;
            double secs = res != null ? res.getSeconds() : j.seconds(now);
            rows.add(new SweepRow(j.getId(), j.getDesignRef(), j.getConfigName(), j.getSeed(), j.getStatus().name(),
                    res == null ? null : res.getHpwl(), res == null ? null : res.getMacroHpwl(),
                    res == null ? null : res.getOverflow(), res == null ? null : res.isLegal(),
                    Double.isNaN(secs) ? null : secs));
        }
        return new SweepView(s.getId(), s.getCreatedAt(), rows.size(), done, failed, rows);
    }

    public List<SweepView> list() {
        Caller c = callers.current();
        return (c.admin() ? sweeps.findAllByOrderByCreatedAtDesc() : sweeps.findByOwnerOrderByCreatedAtDesc(c.owner()))
                .stream().map(s -> get(s.getId())).toList();
    }

    /** The sweep table as CSV (header line, one line per job; empty cells for missing values). */
    public String csv(UUID id) {
        SweepView v = get(id);
        StringBuilder sb = new StringBuilder("job,design,config,seed,status,hpwl,macroHpwl,overflow,legal,seconds\n");
        for (SweepRow r : v.rows()) {
            sb.append(r.job()).append(',').append(csvCell(r.design())).append(',').append(csvCell(r.config()))
                    .append(',').append(r.seed()).append(',').append(r.status()).append(',').append(num(r.hpwl()))
                    .append(',').append(num(r.macroHpwl())).append(',').append(num(r.overflow())).append(',')
                    .append(r.legal() == null ? "" : r.legal().toString()).append(',').append(num(r.seconds()))
                    .append('\n');
        }
        return sb.toString();
    }

    static String csvCell(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private static String num(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.6g", d);
    }
}
