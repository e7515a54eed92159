package org.chipplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.chipplace.netlist.Benchmarks;
import org.chipplace.netlist.Bookshelf;
import org.chipplace.netlist.Netlist;

/**
 * The real benchmark designs for tests: {@link #load} reads one from {@code ../shared/benchmarks} (or
 * {@code CHIPPLACE_BENCHMARKS}); without it the calling test is skipped with a message, except on CI
 * ({@link Benchmarks#required()}), where it fails.
 */
public final class BenchmarkDesigns {
    private BenchmarkDesigns() {
    }

    /** The design in benchmark folder {@code design}, for example {@code "ibm01"} or {@code "ibm02_stdcell"}. */
    public static Netlist load(String design) {
        Optional<Path> aux = Benchmarks.aux(design);
        if (Benchmarks.required()) {
            assertThat(aux).as(Benchmarks.missingMessage(design)).isPresent();
        }
        assumeTrue(aux.isPresent(), Benchmarks.missingMessage(design));
        return Bookshelf.read(aux.get());
    }
}
