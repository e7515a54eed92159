package org.chipplace.netlist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the public benchmark folder ({@code ../shared/benchmarks} beside the repository).
 * The environment variable {@code CHIPPLACE_BENCHMARKS} overrides it; the build passes the
 * default as {@code CHIPPLACE_BENCHMARKS_DEFAULT} to tests. Tests call {@link #aux(String)} and
 * skip when it is empty, unless {@link #required()} (on CI) says the folder must exist.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    /** The benchmark folder, if it exists. */
    public static Optional<Path> dir() {
        for (String var : new String[] {"CHIPPLACE_BENCHMARKS", "CHIPPLACE_BENCHMARKS_DEFAULT"}) {
            String v = System.getenv(var);
            if (v != null && !v.isBlank() && Files.isDirectory(Path.of(v))) {
                return Optional.of(Path.of(v).toAbsolutePath().normalize());
            }
        }
        for (Path p : new Path[] {Path.of("../shared/benchmarks"), Path.of("../../shared/benchmarks")}) {
            if (Files.isDirectory(p)) {
                return Optional.of(p.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /** True on CI ({@code CI=true}), where the benchmarks must be present and tests must not skip. */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * The {@code .aux} of a design folder, for example {@code aux("ibm01")} or
     * {@code aux("ibm02_stdcell")}: the single {@code .aux} file in that folder.
     */
    public static Optional<Path> aux(String design) {
        return dir().map(d -> d.resolve(design)).filter(Files::isDirectory).flatMap(folder -> {
            try (var s = Files.list(folder)) {
                return s.filter(p -> p.getFileName().toString().endsWith(".aux")).sorted().findFirst();
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        });
    }

    /** A message for skipped tests. */
    public static String missingMessage(String design) {
        return "benchmark " + design + " not found: set CHIPPLACE_BENCHMARKS or place ../shared/benchmarks "
                + "beside the repository";
    }
}
