package org.chipplace.api.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A placement job: what to place ({@code designId} of an upload or {@code benchmark} name), how
 * (macro placer, seed, fine-tune steps, pipeline options as JSON) and where it stands (status,
 * stage, percent, HPWL and overflow so far, error, timings). The JobRunr job has the same id.
 * Progress and cancellation are written with targeted update queries of {@link JobRepository}
 * so that the API and the worker never overwrite each other's fields.
 */
@Entity
@Table(name = "placement_job")
public class JobEntity {
    @Id
    private UUID id;
    /** The owner who created it ({@code local} in auth mode none). */
    @Column(name = "owner_name")
    private String owner = "local";
    @Column(name = "design_id")
    private UUID designId;
    private String benchmark;
    @Column(name = "design_name")
    private String designName;
    @Column(name = "macro_placer")
    private String macroPlacer;
    private long seed;
    @Column(name = "fine_tune_steps")
    private int fineTuneSteps;
    @Column(name = "options_json")
    private String optionsJson;
    @Column(name = "sweep_id")
    private UUID sweepId;
    @Column(name = "config_name")
    private String configName;
    @Enumerated(EnumType.STRING)
    private JobStatus status;
    private String stage;
    private double percent;
    private Double hpwl;
    private Double overflow;
    private String error;
    @Column(name = "cancel_requested")
    private boolean cancelRequested;
    private int attempts;
    private String worker;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected JobEntity() {
    }

    /** A new QUEUED job. */
    public JobEntity(UUID id, UUID designId, String benchmark, String designName, String macroPlacer, long seed,
                     int fineTuneSteps, String optionsJson, UUID sweepId, String configName, Instant now) {
        this.id = id;
        this.designId = designId;
        this.benchmark = benchmark;
        this.designName = designName;
        this.macroPlacer = macroPlacer;
        this.seed = seed;
        this.fineTuneSteps = fineTuneSteps;
        this.optionsJson = optionsJson;
        this.sweepId = sweepId;
        this.configName = configName;
        this.status = JobStatus.QUEUED;
        this.stage = "queued";
        this.createdAt = now;
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public UUID getDesignId() {
        return designId;
    }

    public String getBenchmark() {
        return benchmark;
    }

    public String getDesignName() {
        return designName;
    }

    /** The design as submitted: the upload id or {@code bench:NAME}. */
    public String getDesignRef() {
        return designId != null ? designId.toString() : "bench:" + benchmark;
    }

    public String getMacroPlacer() {
        return macroPlacer;
    }

    public long getSeed() {
        return seed;
    }

    public int getFineTuneSteps() {
        return fineTuneSteps;
    }

    public String getOptionsJson() {
        return optionsJson;
    }

    public UUID getSweepId() {
        return sweepId;
    }

    public String getConfigName() {
        return configName;
    }

    public JobStatus getStatus() {
        return status;
    }

    public String getStage() {
        return stage;
    }

    public double getPercent() {
        return percent;
    }

    public Double getHpwl() {
        return hpwl;
    }

    public Double getOverflow() {
        return overflow;
    }

    public String getError() {
        return error;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getWorker() {
        return worker;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** Wall seconds from start to finish (or to now while running), NaN before the start. */
    public double seconds(Instant now) {
        if (startedAt == null) {
            return Double.NaN;
        }
        Instant end = finishedAt != null ? finishedAt : now;
        return (end.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }

    /**
     * Seconds in the queue: creation to the (latest) start, to the finish for a job that ended without
     * starting, to {@code now} while QUEUED.
     */
    public Double queuedSeconds(Instant now) {
        Instant end = status == JobStatus.QUEUED ? now : startedAt != null ? startedAt
                : finishedAt != null ? finishedAt : now;
        return createdAt == null ? null : Math.max(0, end.toEpochMilli() - createdAt.toEpochMilli()) / 1000.0;
    }

    /**
     * Seconds of the latest run: start to finish, to {@code now} while RUNNING; null while QUEUED
     * (also when requeued after an interruption) and when the job never started.
     */
    public Double runSeconds(Instant now) {
        if (startedAt == null || status == JobStatus.QUEUED) {
            return null;
        }
        Instant end = finishedAt != null ? finishedAt : now;
        return Math.max(0, end.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }
}
