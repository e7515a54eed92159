package org.chipplace.api.service.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.chipplace.api.service.Dtos.DesignSummary;
import org.chipplace.api.service.Dtos.JobOptions;
import org.chipplace.api.service.Dtos.JobSubmission;
import org.chipplace.api.service.TestDesigns;
import org.chipplace.api.service.designs.DesignService;
import org.chipplace.api.service.jobs.JobService;
import org.chipplace.api.service.jobs.ResultService;
import org.chipplace.api.service.store.JobRepository;
import org.chipplace.api.service.store.JobStatus;
import org.chipplace.api.service.store.MigrationTest;
import org.chipplace.netlist.lefdef.DefDesign;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * LEF/DEF designs on PostgreSQL: a database created with the schema before LEF/DEF (V1) and holding
 * a design is upgraded by the service's start, that design reads as Bookshelf, and a job on an
 * uploaded LEF/DEF design stores its placed DEF.
 */
@Tag("postgres")
class PostgresLefDefTest {
    static PgDatabase db;
    static ConfigurableApplicationContext ctx;
    static final UUID OLD = UUID.randomUUID();

    @BeforeAll
    static void start() throws Exception {
        db = PgDatabase.create();
        MigrationTest.migrate(db.url, db.user, db.password, "1");
        try (Connection c = DriverManager.getConnection(db.url, db.user, db.password)) {
            MigrationTest.insertV1Design(c, OLD);
        }
        ctx = PgCluster.start(db, "lefdef", (job, stage, iteration) -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        if (ctx != null) {
            ctx.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aDesignFromBeforeTheUpgradeIsBookshelf() {
        DesignSummary d = ctx.getBean(DesignService.class).get(OLD);
        assertThat(d.format()).isEqualTo("bookshelf");
        assertThat(d.auxPath()).isEqualTo("old.aux");
        assertThat(d.defPath()).isNull();
        assertThat(d.lefPaths()).isEmpty();
    }

    @Test
    void aJobOnALefDefDesignStoresThePlacedDef(@TempDir Path tmp) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String lef : TestDesigns.LEFS) {
            files.add(TestDesigns.lefDefDir().resolve(lef));
        }
        files.add(TestDesigns.lefDefDir().resolve(TestDesigns.DEF));
        UUID design = PgCluster.upload(ctx, files);
        DesignSummary summary = ctx.getBean(DesignService.class).get(design);
        assertThat(summary.format()).isEqualTo("lefdef");
        assertThat(summary.lefPaths()).containsExactlyElementsOf(TestDesigns.LEFS);

        UUID job = ctx.getBean(JobService.class).submit(new JobSubmission(design.toString(), "none", 5L, 0,
                new JobOptions(1, null, null, null, null))).id();
        JobRepository jobs = ctx.getBean(JobRepository.class);
        PgCluster.await("job DONE", Duration.ofSeconds(180), () -> jobs.findById(job).orElseThrow().getStatus().isFinal());
        assertThat(jobs.findById(job).orElseThrow().getStatus()).isEqualTo(JobStatus.DONE);

        Path placed = tmp.resolve("placed.def");
        Files.write(placed, ctx.getBean(ResultService.class).placementDef(job).content());
        DefDesign d = TestDesigns.readLefDef(placed);
        assertThat(d.components()).hasSize(81).allMatch(c -> c.status().equals("PLACED"));
    }
}
