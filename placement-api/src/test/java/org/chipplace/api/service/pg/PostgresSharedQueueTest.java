package org.chipplace.api.service.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Two service instances on one PostgreSQL database share the queue: every job runs exactly once
 * (one execution record, and never two live runs of one job at the same time, counted by the
 * progress hooks of both instances) and both instances run some of the jobs.
 */
@Tag("postgres")
class PostgresSharedQueueTest {
    static PgDatabase db;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;
    static final ConcurrentHashMap<UUID, AtomicInteger> LIVE = new ConcurrentHashMap<>();
    static final AtomicInteger MAX_LIVE_PER_JOB = new AtomicInteger();

    /** Makes each run take about 1.5 s and counts concurrent runs of the same job. */
    static final ProgressHook SLOW = (job, stage, iteration) -> {
        if (!stage.equals("load")) {
            return;
        }
        AtomicInteger live = LIVE.computeIfAbsent(job, k -> new AtomicInteger());
        MAX_LIVE_PER_JOB.accumulateAndGet(live.incrementAndGet(), Math::max);
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            live.decrementAndGet();
        }
    };

    @BeforeAll
    static void start() throws Exception {
        db = PgDatabase.create();
        a = PgCluster.start(db, "instance-a", SLOW);
        b = PgCluster.start(db, "instance-b", SLOW);
    }

    @AfterAll
    static void stop() throws Exception {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void jobsAreSharedBetweenInstancesAndEachRunsExactlyOnce() throws Exception {
        UUID design = PgCluster.uploadTiny(a);
        JobService submitA = a.getBean(JobService.class);
        JobService submitB = b.getBean(JobService.class);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            JobService s = i % 2 == 0 ? submitA : submitB;
            ids.add(s.submit(new JobSubmission(design.toString(), "none", (long) i, 0,
                    new JobOptions(1, null, null, null, null))).id());
        }
        JobRepository jobs = a.getBean(JobRepository.class);
        PgCluster.await("all jobs DONE", Duration.ofSeconds(180), () -> ids.stream()
                .allMatch(id -> jobs.findById(id).orElseThrow().getStatus() == JobStatus.DONE));

        JobExecutionRepository executions = b.getBean(JobExecutionRepository.class);
        PgCluster.await("execution records", Duration.ofSeconds(30), () -> ids.stream().allMatch(id -> executions
                .findByJobIdOrderByStartedAt(id).stream().allMatch(r -> r.getOutcome() != null)));
        JobResultRepository results = b.getBean(JobResultRepository.class);
        Set<String> workers = new TreeSet<>();
        for (UUID id : ids) {
            List<JobExecutionEntity> runs = executions.findByJobIdOrderByStartedAt(id);
            assertThat(runs).as("executions of " + id).hasSize(1);
            assertThat(runs.get(0).getOutcome()).isEqualTo("DONE");
            assertThat(jobs.findById(id).orElseThrow().getAttempts()).isEqualTo(1);
            assertThat(results.findById(id).orElseThrow().isLegal()).isTrue();
            workers.add(runs.get(0).getWorker());
        }
        assertThat(workers).containsExactly("instance-a", "instance-b");
        assertThat(MAX_LIVE_PER_JOB.get()).isEqualTo(1);
    }
}
