package org.chipplace.netlist.lefdef;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.SplittableRandom;
import org.chipplace.netlist.NetlistParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replaces one whitespace-separated word of a fixture by another word of the same file (seeded):
 * reading must either succeed or raise {@link NetlistParseException} with {@code file:line:},
 * never another exception.
 */
class LefDefFuzzTest {
    private static final int ROUNDS = Integer.getInteger("lefdef.fuzz.rounds", 300);

    @TempDir
    Path tmp;

    @Test
    void swappedWordsNeverCauseAnythingButAParseError() throws IOException {
        LefDefFixtures.copyTo(tmp);
        SplittableRandom rnd = new SplittableRandom(7);
        for (int round = 0; round < ROUNDS; round++) {
            String file = LefDefFixtures.FILES[rnd.nextInt(LefDefFixtures.FILES.length)];
            String text = Files.readString(LefDefFixtures.resource(file), StandardCharsets.ISO_8859_1);
            String[] words = text.split("(?<=\\s)|(?=\\s)");
            int a = rnd.nextInt(words.length);
            int b = rnd.nextInt(words.length);
            words[a] = rnd.nextInt(4) == 0 ? "" : words[b];
            Files.writeString(tmp.resolve(file), String.join("", words), StandardCharsets.ISO_8859_1);
            try {
                LefDef.read(List.of(tmp.resolve("tech.lef"), tmp.resolve("cells.lef"), tmp.resolve("blocks.lef")),
                        tmp.resolve("design.def"));
            } catch (NetlistParseException e) {
                assertThat(e.getMessage()).matches("(?s)[a-z.]+:\\d+: .+");
            } catch (RuntimeException e) {
                throw new AssertionError("round " + round + ", " + file + ": word " + a + " -> '" + words[a] + "'", e);
            }
            Files.copy(LefDefFixtures.resource(file), tmp.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
