package org.chipplace.netlist.lefdef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.io.TempDir;
import org.chipplace.netlist.NetlistParseException;

/**
 * Jazzer fuzz target for the LEF/DEF reader. The first input byte picks one of the hand-written
 * fixtures under {@code src/test/resources/lefdef} (tech.lef, cells.lef, blocks.lef, design.def), the
 * rest of the input replaces it; then the three LEFs and the DEF are read. The only exception allowed
 * is {@link NetlistParseException}. Seeds: {@code LefDefFuzzTargetInputs/readLefDef/}.
 */
class LefDefFuzzTarget {
    private static final byte[][] ORIGINAL = load();

    @TempDir
    Path tmp;

    @FuzzTest(maxDuration = "20s")
    void readLefDef(byte[] input) throws IOException {
        String[] files = LefDefFixtures.FILES;
        for (int i = 0; i < files.length; i++) {
            Files.write(tmp.resolve(files[i]), ORIGINAL[i]);
        }
        if (input.length > 0) {
            Files.write(tmp.resolve(files[Math.floorMod(input[0], files.length)]),
                    Arrays.copyOfRange(input, 1, input.length));
        }
        try {
            DefDesign d = LefDef.read(List.of(tmp.resolve("tech.lef"), tmp.resolve("cells.lef"),
                    tmp.resolve("blocks.lef")), tmp.resolve("design.def"));
            d.netlist().numNodes();
        } catch (NetlistParseException expected) {
            // documented outcome for bad input
        }
    }

    private static byte[][] load() {
        try {
            byte[][] all = new byte[LefDefFixtures.FILES.length][];
            for (int i = 0; i < all.length; i++) {
                all[i] = Files.readAllBytes(LefDefFixtures.resource(LefDefFixtures.FILES[i]));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
