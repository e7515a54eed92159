package org.chipplace.api.service.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Instant;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.chipplace.api.flow.MacroPlacers;
import org.chipplace.api.flow.PlacementReport;
import org.chipplace.api.flow.ResultWriter;
import org.chipplace.api.service.ChipplaceProperties;
import org.chipplace.api.service.Dtos.JobOptions;
import org.chipplace.api.service.designs.DesignService;
import org.chipplace.api.service.designs.LoadedDesign;
import org.chipplace.api.service.models.DtModels;
import org.chipplace.api.service.render.CongestionPng;
import org.chipplace.api.service.render.LayoutSvg;
import org.chipplace.api.service.store.JobEntity;
import org.chipplace.api.service.store.JobExecutionEntity;
import org.chipplace.api.service.store.JobExecutionRepository;
import org.chipplace.api.service.store.JobRepository;
import org.chipplace.api.service.store.JobResultEntity;
import org.chipplace.api.service.store.JobResultRepository;
import org.chipplace.api.service.store.JobStatus;
import org.chipplace.metrics.MetricsReport;
import org.chipplace.netlist.Netlist;
import org.chipplace.placer.MacroPlacer;
import org.chipplace.placer.PlacementResult;
import org.chipplace.placer.PlacerOptions;
import org.chipplace.policy.DecisionTransformer;
import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.FileSystemUtils;

/**
 * Runs one placement job on this worker (called by JobRunr through {@link PlaceJobHandler}).
 *
 * <p>Idempotent: a job in a final state (DONE, FAILED, CANCELLED) is never run again; a re-run of
 * an interrupted job starts from scratch and its result replaces any partial one. Deterministic
 * failures (bad design, invalid options, legalization failure, time limit) mark the job FAILED and
 * return normally, so JobRunr never retries them. Only an interruption of the worker (shutdown,
 * crash) is rethrown, so that JobRunr runs the job again (on this or another instance), up to
 * {@code chipplace.jobs.max-attempts} runs.
 */
@Component
public class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final JobRepository jobs;
    private final JobResultRepository results;
    private final JobExecutionRepository executions;
    private final DesignService designs;
    private final PlacementEngine engine;
    private final ChipplaceProperties props;
    private final ServiceMetrics metrics;
    private final ObjectMapper json;
    private final ObjectProvider<ProgressHook> hook;
    private final DtModels dtModels;

    public JobRunner(JobRepository jobs, JobResultRepository results, JobExecutionRepository executions,
                     DesignService designs, PlacementEngine engine, ChipplaceProperties props,
                     ServiceMetrics metrics, ObjectMapper json, ObjectProvider<ProgressHook> hook, DtModels dtModels) {
        this.dtModels = dtModels;
        this.jobs = jobs;
        this.results = results;
        this.executions = executions;
        this.designs = designs;
        this.engine = engine;
        this.props = props;
        this.metrics = metrics;
        this.json = json;
        this.hook = hook;
    }

    /** Runs job {@code id}; returns normally unless the worker was interrupted. */
    public void run(UUID id) {
        JobEntity job = jobs.findById(id).orElse(null);
        if (job == null || job.getStatus().isFinal()) {
            LOG.info("job {} is {}; not running it", id, job == null ? "gone" : job.getStatus());
            return;
        }
        if (job.getAttempts() >= props.getJobs().getMaxAttempts()) {
            fail(id, job.getStage(), "gave up after " + job.getAttempts() + " interrupted runs");
            return;
        }
        String worker = props.getJobs().getWorkerName();
        if (jobs.claim(id, worker, Instant.now()) == 0) {
            if (jobs.cancelQueued(id, Instant.now()) == 1) {
                metrics.finished(JobStatus.CANCELLED);
            }
            return;
        }
        JobExecutionEntity exec = executions.save(new JobExecutionEntity(UUID.randomUUID(), id, worker, Instant.now()));
        var p = props.getJobs();
        JobProgress progress = new JobProgress(id, jobs, p.getTimeLimit().toNanos(), p.getProgressInterval().toNanos(),
                hook.getIfAvailable());
        String outcome;
        Path dir = null;
        try {
            progress.report("load", 0, 0, Double.NaN, Double.NaN);
            dir = Files.createTempDirectory("chipplace-job");
            LoadedDesign design = designs.load(job.getDesignId(), job.getBenchmark(), dir);
            Netlist nl = design.netlist();
            JobOptions jobOptions = json.readValue(job.getOptionsJson(), JobOptions.class);
            PlacerOptions options = jobOptions.toPlacerOptions(job.getSeed());
            MacroPlacers.Settings settings = jobOptions.macroSettings(options.threads(), job.getFineTuneSteps());
            // dt: the model loaded once for its checkpoint and device, shared with the other jobs
            DecisionTransformer model = "dt".equals(job.getMacroPlacer())
                    ? dtModels.get(settings.checkpointName(), settings.device()) : null;
            MacroPlacer macroPlacer = MacroPlacers.byName(job.getMacroPlacer(), settings, model);
            PlacementResult result;
            try {
                result = engine.place(nl, options, macroPlacer, progress);
            } finally {
                MacroPlacers.close(macroPlacer);
            }
            progress.report("save", 0, 0, result.metrics().hpwl(), result.metrics().densityOverflow());
            save(job, design, result, settings, dir);
            int n = jobs.finish(id, JobStatus.DONE, "done", 100, result.metrics().hpwl(),
                    result.metrics().densityOverflow(), null, Instant.now());
            outcome = n == 1 ? "DONE" : "DISCARDED";
            if (n == 1) {
                metrics.finished(JobStatus.DONE);
                result.stages().forEach(s -> metrics.stage(s.stage(), s.seconds()));
            }
        } catch (JobStopped e) {
            outcome = switch (e.reason()) {
                case CANCELLED -> finish(id, JobStatus.CANCELLED, progress.stage(), null);
                case TIME_LIMIT -> fail(id, progress.stage(), e.getMessage() + " (limit " + p.getTimeLimit() + ")");
                case INTERRUPTED -> interrupted(id, exec);
            };
            if (e.reason() == JobStopped.Reason.INTERRUPTED) {
                throw e;
            }
        } catch (RuntimeException | IOException | Error e) {
            if (Thread.currentThread().isInterrupted()) {
                interrupted(id, exec);
                throw e instanceof RuntimeException r ? r : new JobStopped(JobStopped.Reason.INTERRUPTED, e.toString());
            }
            if (isDatabaseUnavailable(e)) {
                // the database went away (restart, failover, network): not the job's fault, so the run
                // counts as interrupted and JobRunr runs it again (bench/faults.sh, phase B)
                LOG.warn("job {} interrupted by a database outage: {}", id, e.toString());
                interrupted(id, exec);
                throw new JobStopped(JobStopped.Reason.INTERRUPTED, "database unavailable: " + e);
            }
            LOG.info("job {} failed: {}", id, e.toString());
            outcome = fail(id, progress.stage(), message(e));
        } finally {
            if (dir != null) {
                FileSystemUtils.deleteRecursively(dir.toFile());
            }
        }
        exec.finish(outcome, Instant.now());
        executions.save(exec);
    }

    /**
     * Whether {@code e} (or a cause) says the database connection is gone rather than that the job is
     * bad: an {@link SQLException} of SQLSTATE class 08 (connection exception) or 57P
     * (operator intervention: shutdown, restart), a transient/recoverable SQL or Spring data-access
     * exception, Hibernate's connection exception, a failure to open a transaction, or Hibernate's
     * failure to commit or roll back "against JDBC Connection" (the pool's connection was closed).
     */
    static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException || t instanceof JDBCConnectionException) {
                return true;
            }
            if (t instanceof TransactionException && String.valueOf(t.getMessage()).contains("against JDBC Connection")) {
                return true; // "Unable to rollback/commit against JDBC Connection": the connection broke mid-run
            }
        }
        return false;
    }

    private String interrupted(UUID id, JobExecutionEntity exec) {
        try {
            jobs.requeue(id, Instant.now());
            exec.finish("INTERRUPTED", Instant.now());
            executions.save(exec);
        } catch (RuntimeException e) {
            LOG.warn("job {} interrupted; could not record it: {}", id, e.toString());
        }
        return "INTERRUPTED";
    }

    private String fail(UUID id, String stage, String error) {
        return finish(id, JobStatus.FAILED, stage, error);
    }

    private String finish(UUID id, JobStatus status, String stage, String error) {
        JobEntity j = jobs.findById(id).orElse(null);
        if (j != null && jobs.finish(id, status, stage, j.getPercent(), j.getHpwl(), j.getOverflow(), error,
                Instant.now()) == 1) {
            metrics.finished(status);
        }
        return status.name();
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            m = u.getCause().toString();
        }
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Writes the result files through {@link ResultWriter} (as the place command does) and stores them. */
    private void save(JobEntity job, LoadedDesign design, PlacementResult r, MacroPlacers.Settings settings, Path dir)
            throws IOException {
        Netlist nl = design.netlist();
        MetricsReport m = r.metrics();
        ResultWriter.Written w = ResultWriter.write(Files.createTempDirectory(dir, "result"), nl, design.def(),
                design.ct(), r,
                new PlacementReport.Run(job.getDesignRef(), null, job.getId(), job.getMacroPlacer(), settings));
        int width = props.getRender().getImageWidth();
        byte[] png = CongestionPng.render(w.rudy(), nl, r.placement(), width);
        String svg = LayoutSvg.render(nl, r.placement(), width, props.getRender().getMaxCellsDrawn());
        JobResultEntity result = new JobResultEntity(job.getId(), m.hpwl(), m.weightedHpwl(), m.macroHpwl(),
                m.densityOverflow(), m.legal(), r.totalSeconds(), w.reportJson(), gzip(w.pl()), svg, png,
                Instant.now());
        result.setPlacementDefGz(w.def() == null ? null : gzip(w.def()));
        result.setPlacementPlcGz(w.plc() == null ? null : gzip(w.plc()));
        results.save(result);
    }

    private static byte[] gzip(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            Files.copy(file, out);
        }
        return bytes.toByteArray();
    }
}
