package org.chipplace.api.service.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chipplace.api.service.store.JobEntity;
import org.chipplace.api.service.store.JobRepository;
import org.chipplace.api.service.store.JobResultEntity;
import org.chipplace.api.service.store.JobResultRepository;
import org.chipplace.api.service.store.JobStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A DONE job's pipeline seconds and macro outcome, read from its stored result (H2). */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ResultFacts.class, MacroOutcomes.class, JacksonAutoConfiguration.class})
class ResultFactsTest {
    static final String REPORT = "{\"totalSeconds\":9.5,\"candidates\":["
            + "{\"name\":\"candidate-1\",\"source\":\"greedy\",\"hpwl\":1074.0,\"seconds\":2.0,\"winner\":false},"
            + "{\"name\":\"candidate-analytic\",\"source\":\"analytic\",\"hpwl\":1000.0,\"seconds\":3.0,"
            + "\"winner\":true}],\"winner\":\"candidate-analytic\"}";

    @Autowired
    JobRepository jobs;
    @Autowired
    JobResultRepository results;
    @Autowired
    ResultFacts facts;

    private JobEntity job(String macroPlacer, JobStatus status, double seconds) {
        JobEntity j = jobs.saveAndFlush(new JobEntity(UUID.randomUUID(), null, "ibm01", "ibm01", macroPlacer, 1, 0,
                "{}", null, null, Instant.now()));
        jobs.claim(j.getId(), "w", Instant.now());
        if (status == JobStatus.DONE) {
            results.saveAndFlush(new JobResultEntity(j.getId(), 1000, 1000, 10, 0.05, true, seconds, REPORT,
                    new byte[] {1}, "<svg/>", new byte[] {2}, Instant.now()));
            jobs.finish(j.getId(), JobStatus.DONE, "done", 100, 1000.0, 0.05, null, Instant.now());
        }
        return jobs.findById(j.getId()).orElseThrow();
    }

    @Test
    void doneJobsGetTheirPipelineSecondsAndWithAMacroPlacerTheOutcome() {
        JobEntity greedy = job("greedy", JobStatus.DONE, 9.5);
        JobEntity plain = job("none", JobStatus.DONE, 4.25);
        JobEntity running = job("greedy", JobStatus.RUNNING, 0);
        Map<UUID, ResultFacts.Facts> f = facts.of(List.of(greedy, plain, running));
        assertThat(f).containsOnlyKeys(greedy.getId(), plain.getId());
        assertThat(f.get(greedy.getId()).placementSeconds()).isEqualTo(9.5);
        assertThat(f.get(greedy.getId()).macroOutcome().summary()).isEqualTo("greedy ran; analytic kept, greedy +7.4 %");
        assertThat(f.get(plain.getId())).isEqualTo(new ResultFacts.Facts(4.25, null));
        assertThat(facts.of(running)).isEqualTo(ResultFacts.Facts.NONE);
    }

    @Test
    void aDoneJobsResultIsReadOnceThenRemembered() {
        JobEntity greedy = job("greedy", JobStatus.DONE, 7.0);
        assertThat(facts.of(greedy).placementSeconds()).isEqualTo(7.0);
        results.deleteById(greedy.getId());
        assertThat(facts.of(greedy).placementSeconds()).isEqualTo(7.0);
        assertThat(facts.of(greedy).macroOutcome()).isNotNull();
    }

    @Test
    void headlineMetricsAreReadWithoutTheFiles() {
        JobEntity j = job("none", JobStatus.DONE, 1.0);
        assertThat(results.findMetrics(List.of(j.getId()))).singleElement().satisfies(m -> {
            assertThat(m.getJobId()).isEqualTo(j.getId());
            assertThat(m.getHpwl()).isEqualTo(1000.0);
            assertThat(m.getMacroHpwl()).isEqualTo(10.0);
            assertThat(m.getOverflow()).isEqualTo(0.05);
            assertThat(m.getLegal()).isTrue();
        });
    }
}
