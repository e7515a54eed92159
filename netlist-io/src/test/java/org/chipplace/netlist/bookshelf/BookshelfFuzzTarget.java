package org.chipplace.netlist.bookshelf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.io.TempDir;
import org.chipplace.netlist.NetlistParseException;
import org.chipplace.netlist.Netlist;

/**
 * Jazzer fuzz target for the Bookshelf reader. The first input byte picks one file of the small
 * valid design under {@code src/test/resources/fuzz/small} (aux, nodes, nets, wts, pl, scl), the rest
 * of the input replaces that file; then the {@code .aux} is read. The only exception allowed is
 * {@link NetlistParseException}; anything else (an index out of bounds, a NullPointerException, an
 * unchecked I/O error, ...) fails the target. Seeds: {@code BookshelfFuzzTargetInputs/readAux/}.
 * {@code mvn test} replays the seeds; with {@code JAZZER_FUZZ=1} Jazzer fuzzes for {@code maxDuration}.
 */
class BookshelfFuzzTarget {
    static final String[] FILES = {"small.aux", "small.nodes", "small.nets", "small.wts", "small.pl", "small.scl"};

    @TempDir
    Path tmp;

    @FuzzTest(maxDuration = "20s")
    void readAux(byte[] input) throws IOException {
        Path dir = tmp;
        for (int i = 0; i < FILES.length; i++) {
            Files.write(dir.resolve(FILES[i]), ORIGINAL[i]);
        }
        if (input.length > 0) {
            String file = FILES[Math.floorMod(input[0], FILES.length)];
            Files.write(dir.resolve(file), Arrays.copyOfRange(input, 1, input.length));
        }
        try {
            Netlist nl = Bookshelf.read(dir.resolve("small.aux"));
            nl.numNodes();
        } catch (NetlistParseException expected) {
            // documented outcome for bad input
        }
    }

    private static final byte[][] ORIGINAL = load();

    private static byte[][] load() {
        try {
            Path src = Path.of(BookshelfFuzzTarget.class.getResource("/fuzz/small/small.aux").toURI()).getParent();
            byte[][] all = new byte[FILES.length][];
            for (int i = 0; i < FILES.length; i++) {
                all[i] = Files.readAllBytes(src.resolve(FILES[i]));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
