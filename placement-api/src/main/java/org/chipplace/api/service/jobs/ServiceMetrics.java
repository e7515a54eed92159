package org.chipplace.api.service.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.chipplace.api.service.store.JobRepository;
import org.chipplace.api.service.store.JobStatus;
import org.springframework.stereotype.Component;

/**
 * Micrometer meters of the service (exported at {@code /actuator/prometheus}):
 * gauge {@code chipplace_jobs{status=...}} (jobs per status in the database, so every instance
 * reports the cluster-wide count), counters {@code chipplace_jobs_submitted_total} and
 * {@code chipplace_jobs_finished_total{status=...}} (this instance), and timer
 * {@code chipplace_stage_duration_seconds{stage=...}} of placement stages run here.
 */
@Component
public class ServiceMetrics {
    private final MeterRegistry registry;
    private final Counter submitted;

    public ServiceMetrics(MeterRegistry registry, JobRepository jobs) {
        this.registry = registry;
        for (JobStatus s : JobStatus.values()) {
            Gauge.builder("chipplace.jobs", jobs, r -> count(r, s)).tag("status", s.name().toLowerCase())
                    .description("placement jobs per status (all instances)").register(registry);
        }
        this.submitted = Counter.builder("chipplace.jobs.submitted").description("jobs submitted here")
                .register(registry);
    }

    private static double count(JobRepository r, JobStatus s) {
        try {
            return r.countByStatus(s);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    public void submitted() {
        submitted.increment();
    }

    public void finished(JobStatus status) {
        Counter.builder("chipplace.jobs.finished").tag("status", status.name().toLowerCase())
                .description("jobs finished here").register(registry).increment();
    }

    public void stage(String stage, double seconds) {
        Timer.builder("chipplace.stage.duration").tag("stage", stage).description("placement stage wall time")
                .register(registry).record(Duration.ofNanos((long) (seconds * 1e9)));
    }
}
