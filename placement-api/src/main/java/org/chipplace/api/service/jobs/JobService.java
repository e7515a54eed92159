package org.chipplace.api.service.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.chipplace.api.flow.MacroPlacers;
import org.chipplace.api.service.Dtos.JobOptions;
import org.chipplace.api.service.Dtos.JobSubmission;
import org.chipplace.api.service.Dtos.JobView;
import org.chipplace.api.service.ServiceErrors.BadRequest;
import org.chipplace.api.service.ServiceErrors.Conflict;
import org.chipplace.api.service.ServiceErrors.NotFound;
import org.chipplace.api.service.designs.DesignService;
import org.chipplace.api.service.store.DesignEntity;
import org.chipplace.api.service.security.Caller;
import org.chipplace.api.service.security.Callers;
import org.chipplace.api.service.store.JobEntity;
import org.chipplace.api.service.store.JobRepository;
import org.chipplace.api.service.store.JobStatus;
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

    public JobService(JobRepository jobs, DesignService designs, JobRequestScheduler scheduler,
                      ServiceMetrics metrics, ObjectMapper json, Callers callers, ResultFacts resultFacts) {
        this.resultFacts = resultFacts;
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
        int fineTuneSteps = s.fineTuneSteps() == null ? 0 : s.fineTuneSteps();
        if (fineTuneSteps < 0) {
            throw new BadRequest("fineTuneSteps must be >= 0, got " + fineTuneSteps);
        }
        PlacerOptions options;
        double timeLimit;
        try {
            MacroPlacers.validate(macroPlacer);
            JobOptions given = s.options() == null ? new JobOptions(null, null, null, null, null) : s.options();
            options = given.toPlacerOptions(seed);
            timeLimit = given.timeLimitSeconds();
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        String optionsJson;
        try {
            optionsJson = json.writeValueAsString(JobOptions.of(options, timeLimit));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        JobEntity job = new JobEntity(UUID.randomUUID(), designId, benchmark, name, macroPlacer, seed, fineTuneSteps,
                optionsJson, sweepId, configName, Instant.now());
        job.setOwner(callers.current().owner());
        return jobs.saveAndFlush(job);
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
