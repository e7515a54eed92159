package org.chipplace.api.service;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chipplace.netlist.lefdef.DefDesign;
import org.chipplace.netlist.lefdef.LefDef;

/**
 * Locates examples/tiny (the shipped tiny Bookshelf design) from the module or repository root, and
 * the tiny LEF/DEF design of the test resources ({@code lefdef/}: 80 cells, one RAM block, 4 pins).
 */
public final class TestDesigns {
    /** LEF files of the tiny LEF/DEF design, in reading order (technology LEF first). */
    public static final List<String> LEFS = List.of("tech.lef", "cells.lef", "blocks.lef");
    /** Its DEF (design {@code tinydef}: 81 components, all unplaced). */
    public static final String DEF = "tinydef.def";

    private TestDesigns() {
    }

    public static Path tinyDir() {
        for (Path p : new Path[] {Path.of("../examples/tiny"), Path.of("examples/tiny")}) {
            if (Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("examples/tiny not found from " + Path.of("").toAbsolutePath());
    }

    public static Path tinyAux() {
        return tinyDir().resolve("tiny.aux");
    }

    /** The folder of the tiny LEF/DEF design (test resources {@code lefdef/}). */
    public static Path lefDefDir() {
        try {
            return Path.of(TestDesigns.class.getResource("/lefdef/" + DEF).toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A DEF of the tiny LEF/DEF design (the original, or a placed one) read with its LEF files. */
    public static DefDesign readLefDef(Path def) {
        return LefDef.read(LEFS.stream().map(lefDefDir()::resolve).toList(), def);
    }

    /** Polls {@code GET /api/jobs/{id}} until the job is DONE, FAILED or CANCELLED (at most 120 s); its view. */
    public static com.fasterxml.jackson.databind.JsonNode awaitFinal(
            org.springframework.boot.test.web.client.TestRestTemplate http, String id) throws InterruptedException {
        long end = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < end) {
            com.fasterxml.jackson.databind.JsonNode j = http.getForObject("/api/jobs/" + id,
                    com.fasterxml.jackson.databind.JsonNode.class);
            if (j.get("status").asText().matches("DONE|FAILED|CANCELLED")) {
                return j;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + id + " did not finish in time");
    }
}
