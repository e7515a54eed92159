package org.chipplace.api.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Repositories on H2 (PostgreSQL mode) with the Flyway schema validated by Hibernate: the state
 * transitions of jobs (claim, progress, finish, cancel, requeue) and the storage of designs and
 * results.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class RepositoryTest {
    @Autowired
    JobRepository jobs;
    @Autowired
    DesignRepository designs;
    @Autowired
    DesignFileRepository files;
    @Autowired
    JobResultRepository results;
    @Autowired
    JobExecutionRepository executions;

    private JobEntity newJob() {
        return jobs.saveAndFlush(new JobEntity(UUID.randomUUID(), null, "ibm01", "ibm01", "none", 1, 0, "{}", null, null,
                Instant.now()));
    }

    @Test
    void claimRunsAQueuedJobOnceMoreAndNeverAFinalOne() {
        JobEntity j = newJob();
        assertThat(jobs.claim(j.getId(), "w1", Instant.now())).isEqualTo(1);
        JobEntity running = jobs.findById(j.getId()).orElseThrow();
        assertThat(running.getStatus()).isEqualTo(JobStatus.RUNNING);
        assertThat(running.getAttempts()).isEqualTo(1);
        assertThat(running.getWorker()).isEqualTo("w1");
        // a re-run after a crash claims the RUNNING job again
        assertThat(jobs.claim(j.getId(), "w2", Instant.now())).isEqualTo(1);
        assertThat(jobs.findById(j.getId()).orElseThrow().getAttempts()).isEqualTo(2);
        assertThat(jobs.finish(j.getId(), JobStatus.DONE, "done", 100, 5.0, 0.1, null, Instant.now())).isEqualTo(1);
        assertThat(jobs.claim(j.getId(), "w3", Instant.now())).isZero();
        assertThat(jobs.finish(j.getId(), JobStatus.FAILED, "x", 0, null, null, "late", Instant.now())).isZero();
        JobEntity done = jobs.findById(j.getId()).orElseThrow();
        assertThat(done.getStatus()).isEqualTo(JobStatus.DONE);
        assertThat(done.getHpwl()).isEqualTo(5.0);
        assertThat(done.getFinishedAt()).isNotNull();
    }

    @Test
    void progressIsWrittenOnlyWhileRunning() {
        JobEntity j = newJob();
        assertThat(jobs.progress(j.getId(), "global", 40, 1.5, 0.2, Instant.now())).isZero();
        jobs.claim(j.getId(), "w", Instant.now());
        assertThat(jobs.progress(j.getId(), "global", 40, 1.5, 0.2, Instant.now())).isEqualTo(1);
        JobEntity r = jobs.findById(j.getId()).orElseThrow();
        assertThat(r.getStage()).isEqualTo("global");
        assertThat(r.getPercent()).isEqualTo(40);
        assertThat(r.getOverflow()).isEqualTo(0.2);
    }

    @Test
    void cancellingAQueuedJobFinishesItAndBlocksClaims() {
        JobEntity j = newJob();
        assertThat(jobs.requestCancel(j.getId(), Instant.now())).isEqualTo(1);
        assertThat(jobs.claim(j.getId(), "w", Instant.now())).isZero();
        assertThat(jobs.cancelQueued(j.getId(), Instant.now())).isEqualTo(1);
        assertThat(jobs.findById(j.getId()).orElseThrow().getStatus()).isEqualTo(JobStatus.CANCELLED);
        assertThat(jobs.requestCancel(j.getId(), Instant.now())).isZero();
    }

    @Test
    void cancellingARunningJobOnlySetsTheFlag() {
        JobEntity j = newJob();
        jobs.claim(j.getId(), "w", Instant.now());
        assertThat(jobs.requestCancel(j.getId(), Instant.now())).isEqualTo(1);
        assertThat(jobs.cancelQueued(j.getId(), Instant.now())).isZero();
        assertThat(jobs.isCancelRequested(j.getId())).isTrue();
        assertThat(jobs.findById(j.getId()).orElseThrow().getStatus()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void requeueMovesARunningJobBackToQueued() {
        JobEntity j = newJob();
        assertThat(jobs.requeue(j.getId(), Instant.now())).isZero();
        jobs.claim(j.getId(), "w", Instant.now());
        assertThat(jobs.requeue(j.getId(), Instant.now())).isEqualTo(1);
        assertThat(jobs.findById(j.getId()).orElseThrow().getStatus()).isEqualTo(JobStatus.QUEUED);
        assertThat(jobs.countByStatus(JobStatus.QUEUED)).isPositive();
    }

    @Test
    void queuedAndRunSecondsFollowTheLatestAttempt() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        JobEntity j = jobs.saveAndFlush(new JobEntity(UUID.randomUUID(), null, "ibm01", "ibm01", "none", 1, 0, "{}",
                null, null, t0));
        JobEntity queued = jobs.findById(j.getId()).orElseThrow();
        assertThat(queued.queuedSeconds(t0.plusSeconds(4))).isEqualTo(4.0);
        assertThat(queued.runSeconds(t0.plusSeconds(4))).isNull();
        jobs.claim(j.getId(), "w", t0.plusMillis(2500));
        JobEntity running = jobs.findById(j.getId()).orElseThrow();
        assertThat(running.queuedSeconds(t0.plusSeconds(60))).isEqualTo(2.5);
        assertThat(running.runSeconds(t0.plusSeconds(10))).isEqualTo(7.5);
        // interrupted and waiting again: queued counts on, no run time
        jobs.requeue(j.getId(), t0.plusSeconds(11));
        JobEntity requeued = jobs.findById(j.getId()).orElseThrow();
        assertThat(requeued.queuedSeconds(t0.plusSeconds(20))).isEqualTo(20.0);
        assertThat(requeued.runSeconds(t0.plusSeconds(20))).isNull();
        jobs.claim(j.getId(), "w", t0.plusSeconds(30));
        jobs.finish(j.getId(), JobStatus.DONE, "done", 100, 1.0, 0.1, null, t0.plusSeconds(42));
        JobEntity done = jobs.findById(j.getId()).orElseThrow();
        assertThat(done.queuedSeconds(t0.plusSeconds(999))).isEqualTo(30.0);
        assertThat(done.runSeconds(t0.plusSeconds(999))).isEqualTo(12.0);
        assertThat(done.seconds(t0.plusSeconds(999))).isEqualTo(12.0);
    }

    @Test
    void aJobCancelledBeforeItStartedWaitedUntilCancelledAndNeverRan() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        JobEntity j = jobs.saveAndFlush(new JobEntity(UUID.randomUUID(), null, "ibm01", "ibm01", "none", 1, 0, "{}",
                null, null, t0));
        jobs.cancelQueued(j.getId(), t0.plusSeconds(3));
        JobEntity c = jobs.findById(j.getId()).orElseThrow();
        assertThat(c.queuedSeconds(t0.plusSeconds(100))).isEqualTo(3.0);
        assertThat(c.runSeconds(t0.plusSeconds(100))).isNull();
    }

    @Test
    void designFilesKeepTheirBytesAndResultsAreReplacedOnRerun() {
        DesignEntity d = new DesignEntity(UUID.randomUUID(), "tiny", "tiny.aux", "c".repeat(64), 3, Instant.now());
        d.setSummary(3, 2, 4, 2, 1, 1, 1, 0, 0, 10, 10);
        designs.saveAndFlush(d);
        byte[] bytes = {1, 2, 3, (byte) 0xff};
        files.saveAndFlush(new DesignFileEntity(UUID.randomUUID(), d.getId(), "sub/tiny.nodes", bytes));
        assertThat(files.findByDesignIdOrderByPath(d.getId())).singleElement()
                .satisfies(f -> assertThat(f.getContent()).isEqualTo(bytes));
        assertThat(designs.findByChecksum("c".repeat(64))).extracting(DesignEntity::getId).contains(d.getId());
        assertThat(designs.findById(d.getId()).orElseThrow().getCoreXh()).isEqualTo(10);

        JobEntity j = newJob();
        results.saveAndFlush(new JobResultEntity(j.getId(), 10, 10, 1, 0.1, false, 2, "{}", new byte[] {1}, "<svg/>",
                new byte[] {2}, Instant.now()));
        results.saveAndFlush(new JobResultEntity(j.getId(), 8, 8, 1, 0.05, true, 3, "{\"x\":1}", new byte[] {3},
                "<svg/>", new byte[] {4}, Instant.now()));
        assertThat(results.count()).isEqualTo(1);
        JobResultEntity r = results.findById(j.getId()).orElseThrow();
        assertThat(r.getHpwl()).isEqualTo(8);
        assertThat(r.isLegal()).isTrue();
        assertThat(r.getPlacementGz()).containsExactly(3);

        executions.saveAndFlush(new JobExecutionEntity(UUID.randomUUID(), j.getId(), "w", Instant.now()));
        assertThat(executions.findByJobIdOrderByStartedAt(j.getId())).hasSize(1);
    }
}
