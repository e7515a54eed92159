package org.chipplace.api.service.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.chipplace.api.service.ServiceErrors.BadRequest;
import org.chipplace.api.service.security.Caller;
import org.chipplace.api.service.store.DesignEntity;
import org.chipplace.api.service.store.DesignRepository;
import org.chipplace.api.service.store.JobEntity;
import org.chipplace.api.service.store.JobRepository;
import org.chipplace.api.service.store.JobStatus;
import org.chipplace.api.service.store.SweepEntity;
import org.chipplace.api.service.store.SweepRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The job list's filters, order and pages as the database runs them (H2, PostgreSQL mode): every
 * test works on jobs of its own owner or design, so that the tests share the database.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class JobQueryTest {
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @Autowired
    JobRepository jobs;
    @Autowired
    DesignRepository designs;
    @Autowired
    SweepRepository sweeps;

    /** A stored sweep (jobs refer to their sweep). */
    private UUID sweep() {
        return sweeps.saveAndFlush(new SweepEntity(UUID.randomUUID(), "{}", T0)).getId();
    }

    /** A stored design (jobs refer to their design). */
    private UUID design() {
        DesignEntity d = new DesignEntity(UUID.randomUUID(), "up", "up.aux", "c".repeat(64), 1, T0);
        d.setSummary(1, 1, 1, 1, 0, 1, 0, 0, 0, 1, 1);
        return designs.saveAndFlush(d).getId();
    }

    private JobEntity job(String owner, UUID design, String bench, UUID sweep, String config, int minute,
                          JobStatus status) {
        JobEntity j = new JobEntity(UUID.randomUUID(), design, bench, bench != null ? bench : "up", "none", 1, 0,
                "{}", sweep, config, T0.plusSeconds(60L * minute));
        j.setOwner(owner);
        jobs.saveAndFlush(j);
        if (status == JobStatus.RUNNING || status == JobStatus.DONE) {
            jobs.claim(j.getId(), "w", T0);
        }
        if (status.isFinal()) {
            jobs.finish(j.getId(), status, "x", 100, null, null, null, T0);
        }
        return j;
    }

    private Page<JobEntity> list(Caller c, JobQuery q, Pageable p) {
        return jobs.findAll(q.specification(c), JobQuery.page(p));
    }

    private static List<UUID> ids(Page<JobEntity> p) {
        return p.getContent().stream().map(JobEntity::getId).toList();
    }

    private static Caller owner(String name) {
        return new Caller(name, false);
    }

    @Test
    void aCallerListsOnlyTheirOwnJobsAndTheAdminEveryonesEvenWithTheSameFilter() {
        UUID design = design();
        String alice = "alice-" + design, bob = "bob-" + design;
        JobEntity a = job(alice, design, null, null, null, 0, JobStatus.QUEUED);
        JobEntity b = job(bob, design, null, null, null, 1, JobStatus.QUEUED);
        JobQuery byDesign = JobQuery.of(null, design.toString(), null);
        assertThat(ids(list(owner(alice), byDesign, PageRequest.of(0, 50)))).containsExactly(a.getId());
        assertThat(ids(list(owner(bob), byDesign, PageRequest.of(0, 50)))).containsExactly(b.getId());
        assertThat(ids(list(new Caller("root", true), byDesign, PageRequest.of(0, 50))))
                .containsExactly(b.getId(), a.getId());
        assertThat(list(owner("carol-" + design), byDesign, PageRequest.of(0, 50)).getTotalElements()).isZero();
    }

    @Test
    void statusDesignAndSweepFiltersCombine() {
        String me = "me-" + UUID.randomUUID();
        UUID up = design(), sweep = sweep();
        JobEntity running = job(me, up, null, sweep, "a", 0, JobStatus.RUNNING);
        JobEntity done = job(me, up, null, sweep, "b", 1, JobStatus.DONE);
        JobEntity failed = job(me, up, null, null, null, 2, JobStatus.FAILED);
        JobEntity bench = job(me, null, "ibm01", sweep, "c", 3, JobStatus.DONE);
        JobEntity otherBench = job(me, null, "ibm02", null, null, 4, JobStatus.QUEUED);
        Caller c = owner(me);
        Pageable all = PageRequest.of(0, 50);
        assertThat(ids(list(c, JobQuery.of(List.of("done"), null, null), all)))
                .containsExactly(bench.getId(), done.getId());
        assertThat(ids(list(c, JobQuery.of(List.of("Running,DONE"), up.toString(), null), all)))
                .containsExactly(done.getId(), running.getId());
        assertThat(ids(list(c, JobQuery.of(List.of("RUNNING", "failed"), null, null), all)))
                .containsExactly(failed.getId(), running.getId());
        assertThat(ids(list(c, JobQuery.of(null, "bench:ibm01", null), all))).containsExactly(bench.getId());
        assertThat(ids(list(c, JobQuery.of(null, " bench:ibm02 ", null), all))).containsExactly(otherBench.getId());
        assertThat(ids(list(c, JobQuery.of(null, null, sweep), all)))
                .containsExactly(bench.getId(), done.getId(), running.getId());
        assertThat(ids(list(c, JobQuery.of(List.of("DONE"), up.toString().toUpperCase(), sweep), all)))
                .containsExactly(done.getId());
        assertThat(list(c, JobQuery.of(List.of("CANCELLED"), null, sweep), all).getTotalElements()).isZero();
    }

    @Test
    void unknownStatusOrMalformedDesignIs400NamingWhatIsAllowed() {
        assertThatThrownBy(() -> JobQuery.of(List.of("DONE", "finished"), null, null))
                .isInstanceOf(BadRequest.class)
                .hasMessage("unknown status 'finished'; allowed: QUEUED, RUNNING, DONE, FAILED, CANCELLED");
        assertThatThrownBy(() -> JobQuery.of(null, "ibm01", null)).isInstanceOf(BadRequest.class)
                .hasMessageContaining("bench:<name>").hasMessageContaining("'ibm01'");
        assertThatThrownBy(() -> JobQuery.of(null, "bench:", null)).isInstanceOf(BadRequest.class);
    }

    @Test
    void newestFirstByDefaultAndPagesNeitherOverlapNorSkip() {
        String me = "pager-" + UUID.randomUUID();
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(job(me, null, "ibm01", null, null, i, JobStatus.QUEUED).getId());
        }
        // two jobs created at the same instant still have one order (by id)
        made.add(job(me, null, "ibm01", null, null, 4, JobStatus.QUEUED).getId());
        List<UUID> seen = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            Page<JobEntity> page = list(owner(me), JobQuery.of(null, null, null), PageRequest.of(p, 2));
            assertThat(page.getTotalElements()).isEqualTo(6);
            assertThat(page.getTotalPages()).isEqualTo(3);
            assertThat(page.getNumber()).isEqualTo(p);
            seen.addAll(ids(page));
        }
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(made);
        assertThat(seen.subList(2, 6)).containsExactly(made.get(3), made.get(2), made.get(1), made.get(0));
        assertThat(list(owner(me), JobQuery.of(null, null, null), PageRequest.of(3, 2)).getContent()).isEmpty();
    }

    @Test
    void sortingByViewFieldsUsesTheirColumnsAndAnythingElseIs400() {
        String me = "sorter-" + UUID.randomUUID();
        JobEntity b = job(me, null, "ibm01", null, "b", 0, JobStatus.QUEUED);
        JobEntity a = job(me, null, "ibm01", null, "a", 1, JobStatus.QUEUED);
        JobEntity c = job(me, null, "ibm01", null, "c", 2, JobStatus.QUEUED);
        JobQuery q = JobQuery.of(null, null, null);
        assertThat(ids(list(owner(me), q, PageRequest.of(0, 10, Sort.by("config")))))
                .containsExactly(a.getId(), b.getId(), c.getId());
        assertThat(ids(list(owner(me), q, PageRequest.of(0, 10, Sort.by(Sort.Direction.ASC, "createdAt")))))
                .containsExactly(b.getId(), a.getId(), c.getId());
        assertThatThrownBy(() -> JobQuery.page(PageRequest.of(0, 10, Sort.by("configName"))))
                .isInstanceOf(BadRequest.class)
                .hasMessageStartingWith("cannot sort jobs by 'configName'; sortable: ")
                .hasMessageContaining("createdAt").hasMessageContaining("config,");
        assertThatThrownBy(() -> JobQuery.page(PageRequest.of(0, 10, Sort.by("owner"))))
                .isInstanceOf(BadRequest.class);
    }

    @Test
    void pageSizeIsCappedAndTheDefaultOrderIsCreatedAtDescendingThenId() {
        Pageable p = JobQuery.page(PageRequest.of(2, 10_000));
        assertThat(p.getPageSize()).isEqualTo(JobQuery.MAX_SIZE);
        assertThat(p.getPageNumber()).isEqualTo(2);
        assertThat(p.getSort()).containsExactly(Sort.Order.desc("createdAt"), Sort.Order.asc("id"));
        assertThat(JobQuery.page(Pageable.unpaged()).getPageSize()).isEqualTo(JobQuery.DEFAULT_SIZE);
        assertThat(JobQuery.page(PageRequest.of(0, 5, Sort.by(Sort.Order.desc("id")))).getSort())
                .containsExactly(Sort.Order.desc("id"));
    }
}
