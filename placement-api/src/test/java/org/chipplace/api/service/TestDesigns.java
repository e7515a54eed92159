package org.chipplace.api.service;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates examples/tiny (the shipped tiny Bookshelf design) from the module or repository root. */
public final class TestDesigns {
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
}
