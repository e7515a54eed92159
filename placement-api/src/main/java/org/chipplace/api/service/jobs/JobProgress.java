package org.chipplace.api.service.jobs;

import java.time.Instant;
import java.util.UUID;
import org.chipplace.api.service.store.JobRepository;
import org.chipplace.placer.ProgressListener;

/**
 * The progress listener of one job run: keeps the latest stage, percent, HPWL and overflow, writes
 * them to the job row at most once per interval (and at every stage change), and stops the run
 * (by throwing {@link JobStopped}) when the thread was interrupted, the time limit is over or a
 * cancellation was requested (checked with the same cadence as the writes).
 *
 * <p>Percent: each stage owns a slice of 0..100 ({@link #STAGES}); the stage's fraction, when
 * known, moves inside its slice; the value never decreases.
 */
final class JobProgress implements ProgressListener {
    /** Stage names and the start of their percent slice; a slice ends where the next begins. */
    static final String[] STAGES = {"load", "macro", "global", "macro-legalize", "global-cells", "legalize",
        "detailed", "save"};
    static final double[] STARTS = {0, 3, 30, 75, 78, 88, 93, 99, 100};

    private final UUID jobId;
    private final JobRepository jobs;
    private final long deadlineNanos;
    private final long intervalNanos;
    private final ProgressHook hook;
    private String stage = "";
    private double percent;
    private double hpwl = Double.NaN;
    private double overflow = Double.NaN;
    private long lastWrite = Long.MIN_VALUE;

    JobProgress(UUID jobId, JobRepository jobs, long timeLimitNanos, long intervalNanos, ProgressHook hook) {
        this.jobId = jobId;
        this.jobs = jobs;
        this.deadlineNanos = System.nanoTime() + timeLimitNanos;
        this.intervalNanos = intervalNanos;
        this.hook = hook;
    }

    @Override
    public synchronized void report(String stage, int iteration, double fraction, double hpwl, double overflow) {
        if (Thread.currentThread().isInterrupted()) {
            throw new JobStopped(JobStopped.Reason.INTERRUPTED, "worker is shutting down");
        }
        long now = System.nanoTime();
        if (now - deadlineNanos > 0) {
            throw new JobStopped(JobStopped.Reason.TIME_LIMIT, "time limit exceeded in stage " + stage);
        }
        boolean changed = !stage.equals(this.stage);
        this.stage = stage;
        percent = Math.max(percent, percentOf(stage, fraction));
        if (!Double.isNaN(hpwl)) {
            this.hpwl = hpwl;
        }
        if (!Double.isNaN(overflow)) {
            this.overflow = overflow;
        }
        if (changed || now - lastWrite >= intervalNanos) {
            lastWrite = now;
            jobs.progress(jobId, stage, percent, boxed(this.hpwl), boxed(this.overflow), Instant.now());
            if (Boolean.TRUE.equals(jobs.isCancelRequested(jobId))) {
                throw new JobStopped(JobStopped.Reason.CANCELLED, "cancelled in stage " + stage);
            }
        }
        if (hook != null) {
            hook.onReport(jobId, stage, iteration);
            if (Thread.currentThread().isInterrupted()) {
                throw new JobStopped(JobStopped.Reason.INTERRUPTED, "worker is shutting down");
            }
        }
    }

    synchronized String stage() {
        return stage;
    }

    /** Percent of the whole job for {@code fraction} of {@code stage} (unknown stages keep the percent). */
    static double percentOf(String stage, double fraction) {
        for (int i = 0; i < STAGES.length; i++) {
            if (STAGES[i].equals(stage)) {
                double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
                return STARTS[i] + f * (STARTS[i + 1] - STARTS[i]);
            }
        }
        return 0;
    }

    static Double boxed(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }
}
