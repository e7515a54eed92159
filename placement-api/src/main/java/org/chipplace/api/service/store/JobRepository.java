package org.chipplace.api.service.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * Placement jobs. State changes are single conditional UPDATE statements (each returns the number
 * of rows changed), so that concurrent writers (the API on one instance, a worker on another)
 * cannot overwrite each other and a final state is never left. Lists are read through
 * {@link JpaSpecificationExecutor} (the service's {@code JobQuery}).
 */
public interface JobRepository extends JpaRepository<JobEntity, UUID>, JpaSpecificationExecutor<JobEntity> {

    List<JobEntity> findByDesignId(UUID designId);

    /** Deletes the jobs of design {@code designId} (their results and executions go by ON DELETE CASCADE). */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("delete from JobEntity j where j.designId = :designId")
    int deleteByDesign(@Param("designId") UUID designId);

    long countBySweepId(UUID sweepId);

    List<JobEntity> findBySweepIdOrderByCreatedAt(UUID sweepId);

    long countByStatus(JobStatus status);

    /** Claims a job for a run: RUNNING, one more attempt, on {@code worker}; only from a non-final state. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Transactional
    @Query("update JobEntity j set j.status = org.chipplace.api.service.store.JobStatus.RUNNING,"
            + " j.attempts = j.attempts + 1, j.worker = :worker, j.stage = 'load', j.percent = 0,"
            + " j.hpwl = null, j.overflow = null, j.error = null, j.startedAt = :now, j.finishedAt = null,"
            + " j.updatedAt = :now where j.id = :id and j.status in"
            + " (org.chipplace.api.service.store.JobStatus.QUEUED, org.chipplace.api.service.store.JobStatus.RUNNING)"
            + " and j.cancelRequested = false")
    int claim(@Param("id") UUID id, @Param("worker") String worker, @Param("now") Instant now);

    /** Progress of a RUNNING job. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Transactional
    @Query("update JobEntity j set j.stage = :stage, j.percent = :percent, j.hpwl = :hpwl, j.overflow = :overflow,"
            + " j.updatedAt = :now where j.id = :id"
            + " and j.status = org.chipplace.api.service.store.JobStatus.RUNNING")
    int progress(@Param("id") UUID id, @Param("stage") String stage, @Param("percent") double percent,
                 @Param("hpwl") Double hpwl, @Param("overflow") Double overflow, @Param("now") Instant now);

    /** Moves a non-final job to a final state. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Transactional
    @Query("update JobEntity j set j.status = :status, j.stage = :stage, j.percent = :percent, j.hpwl = :hpwl,"
            + " j.overflow = :overflow, j.error = :error, j.finishedAt = :now, j.updatedAt = :now where j.id = :id"
            + " and j.status in (org.chipplace.api.service.store.JobStatus.QUEUED,"
            + " org.chipplace.api.service.store.JobStatus.RUNNING)")
    int finish(@Param("id") UUID id, @Param("status") JobStatus status, @Param("stage") String stage,
               @Param("percent") double percent, @Param("hpwl") Double hpwl, @Param("overflow") Double overflow,
               @Param("error") String error, @Param("now") Instant now);

    /** Puts a RUNNING job back to QUEUED (its worker is stopping; it will be run again). */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Transactional
    @Query("update JobEntity j set j.status = org.chipplace.api.service.store.JobStatus.QUEUED,"
            + " j.stage = 'interrupted', j.updatedAt = :now where j.id = :id"
            + " and j.status = org.chipplace.api.service.store.JobStatus.RUNNING")
    int requeue(@Param("id") UUID id, @Param("now") Instant now);

    /**
     * Marks a QUEUED or RUNNING job for cancellation (a running job stops at its next progress
     * report; a queued one can no longer be claimed). Returns 0 when the job is final.
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Transactional
    @Query("update JobEntity j set j.cancelRequested = true, j.updatedAt = :now where j.id = :id"
            + " and j.status in (org.chipplace.api.service.store.JobStatus.QUEUED,"
            + " org.chipplace.api.service.store.JobStatus.RUNNING)")
    int requestCancel(@Param("id") UUID id, @Param("now") Instant now);

    /** Cancels a job that is still QUEUED. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Transactional
    @Query("update JobEntity j set j.status = org.chipplace.api.service.store.JobStatus.CANCELLED,"
            + " j.stage = 'cancelled', j.finishedAt = :now, j.updatedAt = :now where j.id = :id"
            + " and j.status = org.chipplace.api.service.store.JobStatus.QUEUED")
    int cancelQueued(@Param("id") UUID id, @Param("now") Instant now);

    /** Whether cancellation of the job was asked for. */
    @Query("select j.cancelRequested from JobEntity j where j.id = :id")
    Boolean isCancelRequested(@Param("id") UUID id);
}
