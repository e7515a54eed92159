package org.chipplace.api.service.pg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.chipplace.api.service.PlacementService;
import org.chipplace.api.service.TestDesigns;
import org.chipplace.api.service.designs.DesignService;
import org.chipplace.api.service.designs.UploadExtractor;
import org.chipplace.api.service.jobs.ProgressHook;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts service instances (web-less) on one PostgreSQL database for the multi-instance tests. */
final class PgCluster {
    private PgCluster() {
    }

    /** An instance called {@code worker} with one JobRunr worker and the given progress hook. */
    static ConfigurableApplicationContext start(PgDatabase db, String worker, ProgressHook hook) {
        List<String> args = new ArrayList<>(List.of(db.springArgs()));
        args.addAll(List.of("--chipplace.jobs.worker-name=" + worker,
                "--jobrunr.background-job-server.worker-count=1",
                "--jobrunr.background-job-server.poll-interval-in-seconds=5",
                "--jobrunr.background-job-server.interrupt-jobs-await-duration-on-stop=1s",
                "--jobrunr.jobs.retry-back-off-time-seed=1",
                "--jobrunr.background-job-server.name=" + worker,
                "--chipplace.jobs.progress-interval=20ms",
                "--logging.level.org.jobrunr=WARN", "--logging.level.org.hibernate=WARN"));
        return new SpringApplicationBuilder(PlacementService.class).web(WebApplicationType.NONE)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("testProgressHook", hook))
                .run(args.toArray(String[]::new));
    }

    /** Uploads examples/tiny through the service of {@code ctx}; returns the design id. */
    static UUID uploadTiny(ConfigurableApplicationContext ctx) throws IOException {
        try (var files = Files.list(TestDesigns.tinyDir())) {
            return upload(ctx, files.sorted().toList());
        }
    }

    /** Uploads {@code files} (in this order) through the service of {@code ctx}; returns the design id. */
    static UUID upload(ConfigurableApplicationContext ctx, List<Path> files) throws IOException {
        List<UploadExtractor.Part> parts = new ArrayList<>();
        List<InputStream> open = new ArrayList<>();
        try {
            for (Path p : files) {
                InputStream in = Files.newInputStream(p);
                open.add(in);
                parts.add(new UploadExtractor.Part(p.getFileName().toString(), in));
            }
            return ctx.getBean(DesignService.class).upload(parts).id();
        } finally {
            for (InputStream in : open) {
                in.close();
            }
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
