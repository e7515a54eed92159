package org.chipplace.api.service.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    private final ResultFacts resultFacts;

    public SweepService(SweepRepository sweeps, JobRepository jobs, JobResultRepository results,
                        JobService jobService, ChipplaceProperties props, ObjectMapper json, Callers callers,
                        ResultFacts resultFacts) {
        this.resultFacts = resultFacts;
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
        List<JobEntity> list = jobs.findBySweepIdOrderByCreatedAt(id);
        Map<UUID, ResultFacts.Facts> facts = resultFacts.of(list);
        Map<UUID, JobResultRepository.Metrics> metrics = new HashMap<>();
        List<UUID> doneIds = list.stream().filter(j -> j.getStatus() == JobStatus.DONE).map(JobEntity::getId).toList();
        if (!doneIds.isEmpty()) {
            results.findMetrics(doneIds).forEach(m -> metrics.put(m.getJobId(), m));
        }
        List<SweepRow> rows = new ArrayList<>();
        int done = 0, failed = 0;
        Instant now = Instant.now();
        for (JobEntity j : list) {
            JobResultRepository.Metrics m = metrics.get(j.getId());
            ResultFacts.Facts f = facts.getOrDefault(j.getId(), ResultFacts.Facts.NONE);
            done += j.getStatus() == JobStatus.DONE ? 1 : 0;
            failed += j.getStatus() == JobStatus.FAILED ? 1 : 0;
            Double run = j.runSeconds(now);
            rows.add(new SweepRow(j.getId(), j.getDesignRef(), j.getDesignName(), j.getConfigName(), j.getSeed(),
                    j.getStatus().name(), m == null ? null : m.getHpwl(), m == null ? null : m.getMacroHpwl(),
                    m == null ? null : m.getOverflow(), m == null ? null : m.getLegal(),
                    f.placementSeconds() != null ? f.placementSeconds() : run,
                    f.macroOutcome() == null ? null : f.macroOutcome().summary(), j.queuedSeconds(now), run,
                    f.placementSeconds()));
        }
        return new SweepView(s.getId(), s.getCreatedAt(), rows.size(), done, failed, rows);
    }

    public List<SweepView> list() {
        Caller c = callers.current();
        return (c.admin() ? sweeps.findAllByOrderByCreatedAtDesc() : sweeps.findByOwnerOrderByCreatedAtDesc(c.owner()))
                .stream().map(s -> get(s.getId())).toList();
    }

    /** Header of {@link #csv}: times in seconds ({@code _s}), HPWL in database units. */
    public static final String CSV_HEADER = "job,design,design_id,config,seed,status,hpwl,macroHpwl,overflow,legal,"
            + "macro_outcome,queued_s,run_s,placement_s";

    /**
     * The sweep table as CSV (header {@link #CSV_HEADER}, one line per job; empty cells for missing
     * values; numbers at full precision). {@code design} is the design's name, {@code design_id} the
     * job's design reference (upload id or {@code bench:<name>}); text is quoted per RFC 4180 when it
     * holds a comma, quote or line break.
     */
    public String csv(UUID id) {
        SweepView v = get(id);
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (SweepRow r : v.rows()) {
            String[] cells = {r.job().toString(), csvCell(r.designName()), csvCell(r.design()), csvCell(r.config()),
                    Long.toString(r.seed()), r.status(), num(r.hpwl()), num(r.macroHpwl()), num(r.overflow()),
                    r.legal() == null ? "" : r.legal().toString(), csvCell(r.macroOutcome()), num(r.queuedSeconds()),
                    num(r.runSeconds()), num(r.placementSeconds())};
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    /** The file name of the CSV of sweep {@code id}: {@code sweep-<first 8 characters of the id>.csv}. */
    public static String csvFileName(UUID id) {
        return "sweep-" + id.toString().substring(0, 8) + ".csv";
    }

    static String csvCell(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** A number at full precision (shortest exact decimal, never an exponent); empty for null. */
    static String num(Double d) {
        if (d == null) {
            return "";
        }
        return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : d.toString();
    }
}
