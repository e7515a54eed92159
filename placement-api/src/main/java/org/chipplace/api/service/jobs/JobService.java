package org.chipplace.api.service.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.chipplace.api.flow.MacroPlacers;
import org.chipplace.api.service.Dtos.JobOptions;
import org.chipplace.api.service.Dtos.JobSubmission;
import org.chipplace.api.service.Dtos.JobView;
import org.chipplace.api.service.ServiceErrors.BadRequest;
import org.chipplace.api.service.ServiceErrors.Conflict;
import org.chipplace.api.service.ServiceErrors.NotFound;
import org.chipplace.api.service.ServiceErrors.Unprocessable;
import org.chipplace.api.service.designs.DesignService;
import org.chipplace.api.service.models.ModelCatalog;
import org.chipplace.api.service.store.DesignEntity;
import org.chipplace.api.service.security.Caller;
import org.chipplace.api.service.security.Callers;
import org.chipplace.api.service.store.JobEntity;
import org.chipplace.api.service.store.JobRepository;
import org.chipplace.api.service.store.JobStatus;
import org.chipplace.gnn.PyTorch;
import org.chipplace.placer.PlacerOptions;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Submission, listing and cancellation of placement jobs. A job row is committed first, then the
 * JobRunr job with the same id is enqueued (so a worker always finds the row it is asked to run).
 */
@Service
public class JobService {
    /** Prefix of a benchmark design reference ({@code bench:ibm01}). */
    public static final String BENCH = "bench:";

    private final JobRepository jobs;
    private final DesignService designs;
    private final JobRequestScheduler scheduler;
    private final ServiceMetrics metrics;
    private final ObjectMapper json;
    private final Callers callers;
    private final ResultFacts resultFacts;
    private final ModelCatalog models;

    public JobService(JobRepository jobs, DesignService designs, JobRequestScheduler scheduler,
                      ServiceMetrics metrics, ObjectMapper json, Callers callers, ResultFacts resultFacts,
                      ModelCatalog models) {
        this.resultFacts = resultFacts;
        this.models = models;
        this.jobs = jobs;
        this.designs = designs;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.json = json;
        this.callers = callers;
    }

    /** Validates, stores and enqueues one job. */
    public JobView submit(JobSubmission s) {
        JobEntity job = create(s, null, null);
        enqueue(job.getId());
        return view(jobs.findById(job.getId()).orElseThrow());
    }

    /** Validates and stores a QUEUED job (not yet enqueued). */
    JobEntity create(JobSubmission s, UUID sweepId, String configName) {
        if (s == null || s.design() == null || s.design().isBlank()) {
            throw new BadRequest("'design' is required: an uploaded design id or bench:<name>");
        }
        String ref = s.design().trim();
        UUID designId = null;
        String benchmark = null;
        String name;
        if (ref.startsWith(BENCH)) {
            benchmark = ref.substring(BENCH.length());
            designs.benchmarkAux(benchmark);
            name = benchmark;
        } else {
            try {
                designId = UUID.fromString(ref);
            } catch (IllegalArgumentException e) {
                throw new BadRequest("'design' must be an uploaded design id or bench:<name>, got '" + ref + "'");
            }
            DesignEntity d = designs.find(designId);
            name = d.getName();
        }
        String macroPlacer = s.macroPlacer() == null || s.macroPlacer().isBlank() ? "none" : s.macroPlacer().trim();
        long seed = s.seed() == null ? 1 : s.seed();
        JobOptions given = s.options() == null ? new JobOptions(null, null, null, null, null) : s.options();
        if (s.fineTuneSteps() != null && given.fineTuneSteps() != null
                && !s.fineTuneSteps().equals(given.fineTuneSteps())) {
            throw new BadRequest("fineTuneSteps " + s.fineTuneSteps() + " and options.fineTuneSteps "
                    + given.fineTuneSteps() + " disagree; give one of them");
        }
        int fineTuneSteps = given.fineTuneSteps() != null ? given.fineTuneSteps()
                : s.fineTuneSteps() == null ? 0 : s.fineTuneSteps();
        if (fineTuneSteps < 0) {
            throw new BadRequest("fineTuneSteps must be >= 0, got " + fineTuneSteps);
        }
        JobOptions stored;
        try {
            MacroPlacers.validate(macroPlacer);
            if (given.releaseMacros() != null && "none".equals(macroPlacer)) {
                throw new IllegalArgumentException("releaseMacros needs a macro placer (greedy, ea or dt)");
            }
            PlacerOptions placerOptions = given.toPlacerOptions(seed);
            stored = JobOptions.of(placerOptions, given.timeLimitSeconds());
            if (!"none".equals(macroPlacer)) {
                stored = stored.withReleaseMacros(placerOptions.releaseMacros());
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        stored = dtOptions(macroPlacer, given, fineTuneSteps, stored);
        String optionsJson;
        try {
            optionsJson = json.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        JobEntity job = new JobEntity(UUID.randomUUID(), designId, benchmark, name, macroPlacer, seed, fineTuneSteps,
                optionsJson, sweepId, configName, Instant.now());
        job.setOwner(callers.current().owner());
        return jobs.saveAndFlush(job);
    }

    /**
     * {@code stored} with the {@code dt} fields of {@code given} checked and filled in (samples 1, device
     * cpu, the shipped checkpoint by default) for a {@code dt} job; for another macro placer, a 400 when
     * any of them is given. An unknown checkpoint is a 400 naming the known ones; device {@code gpu}
     * without a CUDA device a 422 with the one-line reason of {@link PyTorch#device}.
     */
    private JobOptions dtOptions(String macroPlacer, JobOptions given, int fineTuneSteps, JobOptions stored) {
        if (!"dt".equals(macroPlacer)) {
            if (!given.dtFieldsGiven().isEmpty()) {
                throw new BadRequest("options " + String.join(", ", given.dtFieldsGiven()) + " apply to macroPlacer "
                        + "dt only, not '" + macroPlacer + "'");
            }
            return stored;
        }
        int samples = given.samples() == null ? 1 : given.samples();
        if (samples < 1) {
            throw new BadRequest("samples must be >= 1, got " + samples);
        }
        String device = given.device() == null ? "cpu" : given.device().trim().toLowerCase(Locale.ROOT);
        if (!PyTorch.DEVICES.contains(device)) {
            throw new BadRequest("device must be one of " + PyTorch.DEVICES + ", got '" + given.device() + "'");
        }
        String checkpoint = given.checkpoint() == null ? MacroPlacers.SHIPPED_DT : given.checkpoint();
        try {
            models.dtCheckpointFolder(checkpoint);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        if (device.equals("gpu")) {
            try {
                PyTorch.device(device);
            } catch (IllegalStateException e) { // no CUDA device, or an engine that cannot start
                throw new Unprocessable(e.getMessage());
            }
        }
        return stored.withDt(samples, fineTuneSteps, device, checkpoint);
    }

    /** Hands a stored job to the queue (its JobRunr id is the job id). */
    void enqueue(UUID id) {
        try {
            scheduler.enqueue(id, new PlaceJobRequest(id));
            metrics.submitted();
        } catch (RuntimeException e) {
            jobs.finish(id, JobStatus.FAILED, "queued", 0, null, null, "could not enqueue: " + e.getMessage(),
                    Instant.now());
            throw e;
        }
    }

    public JobView get(UUID id) {
        return view(find(id));
    }

    /** Job {@code id} if the current caller may see it; 404 otherwise (another owner's job is "not found"). */
    public JobEntity find(UUID id) {
        Caller c = callers.current();
        return jobs.findById(id).filter(j -> c.sees(j.getOwner())).orElseThrow(() -> new NotFound("job", id));
    }

    /**
     * One page of the current caller's jobs (an admin's: everyone's) that pass {@code query}, filtered,
     * sorted and paged by the database ({@link JobQuery#page}: newest first unless asked otherwise).
     */
    public Page<JobView> list(JobQuery query, Pageable pageable) {
        Page<JobEntity> page = jobs.findAll(query.specification(callers.current()), JobQuery.page(pageable));
        Map<UUID, ResultFacts.Facts> facts = resultFacts.of(page.getContent());
        return page.map(j -> view(j, facts.getOrDefault(j.getId(), ResultFacts.Facts.NONE), Instant.now()));
    }

    /**
     * Cancels a job: a queued one at once, a running one at its next progress report.
     * 409 when the job already finished.
     */
    public JobView cancel(UUID id) {
        JobEntity j = find(id);
        if (jobs.requestCancel(id, Instant.now()) == 0) {
            throw new Conflict("job " + id + " is already " + jobs.findById(id).map(JobEntity::getStatus)
                    .orElse(j.getStatus()) + "; only QUEUED or RUNNING jobs can be cancelled");
        }
        if (jobs.cancelQueued(id, Instant.now()) == 1) {
            metrics.finished(JobStatus.CANCELLED);
            try {
                scheduler.delete(id);
            } catch (RuntimeException ignored) {
                // the worker skips final jobs anyway
            }
        }
        return get(id);
    }

    /** The view of job {@code j}, with its result's facts when DONE. */
    public JobView view(JobEntity j) {
        return view(j, resultFacts.of(j), Instant.now());
    }

    private JobView view(JobEntity j, ResultFacts.Facts facts, Instant now) {
        JobOptions options;
        try {
            options = json.readValue(j.getOptionsJson(), JobOptions.class);
        } catch (JsonProcessingException e) {
            options = null;
        }
        double secs = j.seconds(now);
        return new JobView(j.getId(), j.getDesignRef(), j.getDesignName(), j.getMacroPlacer(), j.getSeed(),
                j.getFineTuneSteps(), options, j.getStatus().name(), j.getStage(), j.getPercent(), j.getHpwl(),
                j.getOverflow(), j.getError(), j.getAttempts(), j.getWorker(), j.getSweepId(), j.getConfigName(),
                j.getCreatedAt(), j.getStartedAt(), j.getFinishedAt(), Double.isNaN(secs) ? null : secs,
                j.queuedSeconds(now), j.runSeconds(now), facts.placementSeconds(), facts.macroOutcome());
    }
}
