package org.chipplace.netlist.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.chipplace.netlist.Benchmarks;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.junit.jupiter.api.Assumptions;

/**
 * The real benchmark designs for tests: {@link #auxOrSkip} finds one in {@code ../shared/benchmarks}
 * (or {@code CHIPPLACE_BENCHMARKS}); without it the calling test is skipped with a message, except on
 * CI ({@link Benchmarks#required()}), where it fails.
 */
public final class BenchmarkDesigns {
    private BenchmarkDesigns() {
    }

    /** The benchmark's .aux; skips the test when absent, fails instead on CI. */
    public static Path auxOrSkip(String design) {
        Optional<Path> p = Benchmarks.aux(design);
        if (Benchmarks.required()) {
            assertThat(p).as(Benchmarks.missingMessage(design)).isPresent();
        }
        Assumptions.assumeTrue(p.isPresent(), Benchmarks.missingMessage(design));
        return p.get();
    }

    /** The design in benchmark folder {@code design} (for example {@code "ibm01"}), read; skips as {@link #auxOrSkip}. */
    public static Netlist load(String design) {
        return Bookshelf.read(auxOrSkip(design));
    }
}
