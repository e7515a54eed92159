package org.chipplace.api.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One start of a job on a worker; {@code outcome} is null while it runs (or when the worker died). */
@Entity
@Table(name = "job_execution")
public class JobExecutionEntity {
    @Id
    private UUID id;
    @Column(name = "job_id")
    private UUID jobId;
    private String worker;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    private String outcome;

    protected JobExecutionEntity() {
    }

    public JobExecutionEntity(UUID id, UUID jobId, String worker, Instant startedAt) {
        this.id = id;
        this.jobId = jobId;
        this.worker = worker;
        this.startedAt = startedAt;
    }

    public void finish(String outcome, Instant at) {
        this.outcome = outcome;
        this.finishedAt = at;
    }

    public UUID getId() {
        return id;
    }

    public UUID getJobId() {
        return jobId;
    }

    public String getWorker() {
        return worker;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public String getOutcome() {
        return outcome;
    }
}
