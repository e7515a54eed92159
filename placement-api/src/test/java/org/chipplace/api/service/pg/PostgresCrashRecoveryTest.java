package org.chipplace.api.service.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.chipplace.api.service.Dtos.JobOptions;
import org.chipplace.api.service.Dtos.JobSubmission;
import org.chipplace.api.service.jobs.JobService;
import org.chipplace.api.service.jobs.ProgressHook;
import org.chipplace.api.service.store.JobExecutionEntity;
import org.chipplace.api.service.store.JobExecutionRepository;
import org.chipplace.api.service.store.JobRepository;
import org.chipplace.api.service.store.JobResultRepository;
import org.chipplace.api.service.store.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A job whose instance is shut down while the job runs is not lost: a new instance on the same
 * PostgreSQL database runs it again from scratch and it completes with a legal result.
 */
@Tag("postgres")
class PostgresCrashRecoveryTest {
    static PgDatabase db;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void create() throws Exception {
        db = PgDatabase.create();
    }

    @AfterAll
    static void drop() throws Exception {
        if (second != null) {
            second.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void jobInterruptedByAShutdownCompletesOnANewInstance() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        ProgressHook stuck = (job, stage, iteration) -> {
            running.countDown();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ConfigurableApplicationContext first = PgCluster.start(db, "doomed", stuck);
        UUID id;
        try {
            UUID design = PgCluster.uploadTiny(first);
            id = first.getBean(JobService.class).submit(new JobSubmission(design.toString(), "none", 5L, 0,
                    new JobOptions(1, null, null, null, null))).id();
            assertThat(running.await(60, TimeUnit.SECONDS)).as("job started").isTrue();
            assertThat(first.getBean(JobRepository.class).findById(id).orElseThrow().getStatus())
                    .isEqualTo(JobStatus.RUNNING);
        } finally {
            first.close();
        }

        second = PgCluster.start(db, "rescuer", (job, stage, iteration) -> { });
        JobRepository jobs = second.getBean(JobRepository.class);
        try {
            PgCluster.await("job DONE on the new instance", Duration.ofSeconds(240),
                    () -> jobs.findById(id).orElseThrow().getStatus() == JobStatus.DONE);
        } catch (AssertionError e) {
            var j = jobs.findById(id).orElseThrow();
            var jr = second.getBean(org.jobrunr.storage.StorageProvider.class).getJobById(id);
            throw new AssertionError(e.getMessage() + "; job " + j.getStatus() + " stage " + j.getStage() + " attempts "
                    + j.getAttempts() + " error " + j.getError() + "; JobRunr state " + jr.getState() + " history "
                    + jr.getJobStates().stream().map(s -> s.getName() + "@" + s.getUpdatedAt()).toList(), e);
        }

        JobExecutionRepository executions = second.getBean(JobExecutionRepository.class);
        PgCluster.await("the run's execution record", Duration.ofSeconds(30), () -> executions
                .findByJobIdOrderByStartedAt(id).stream().anyMatch(r -> "DONE".equals(r.getOutcome())));
        List<JobExecutionEntity> runs = executions.findByJobIdOrderByStartedAt(id);
        assertThat(runs).hasSizeGreaterThanOrEqualTo(2);
        assertThat(runs.get(0).getWorker()).isEqualTo("doomed");
        assertThat(runs.get(0).getOutcome()).isNotEqualTo("DONE");
        JobExecutionEntity last = runs.get(runs.size() - 1);
        assertThat(last.getWorker()).isEqualTo("rescuer");
        assertThat(last.getOutcome()).isEqualTo("DONE");
        assertThat(runs.stream().filter(r -> "DONE".equals(r.getOutcome()))).hasSize(1);
        assertThat(second.getBean(JobResultRepository.class).findById(id).orElseThrow().isLegal()).isTrue();
    }
}
