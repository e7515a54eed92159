package org.chipplace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module's layering, read from the main sources: the service ({@code org.chipplace.api.service})
 * never uses the command line ({@code org.chipplace.api.cli}), and the flow both share
 * ({@code org.chipplace.api.flow}) uses neither. Any mention of the package name counts (an import, a
 * fully qualified name), comments aside.
 */
class PackageDependencyTest {
    private static final Path MAIN = Path.of("src/main/java/org/chipplace/api");

    /** Files under {@code pkg} whose code names {@code forbidden}, as "file:line". */
    private static List<String> uses(String pkg, String forbidden) throws IOException {
        Path root = MAIN.resolve(pkg);
        assertThat(root).isDirectory();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).strip();
                    if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
                        continue;
                    }
                    if (code.contains(forbidden + ".") || code.contains(forbidden + ";")) {
                        found.add(MAIN.relativize(f) + ":" + (i + 1));
                    }
                }
            }
        }
        return found;
    }

    @Test
    void theServiceDoesNotUseTheCommandLine() throws IOException {
        assertThat(uses("service", "org.chipplace.api.cli")).isEmpty();
    }

    @Test
    void theFlowUsesNeitherTheCommandLineNorTheService() throws IOException {
        assertThat(uses("flow", "org.chipplace.api.cli")).isEmpty();
        assertThat(uses("flow", "org.chipplace.api.service")).isEmpty();
    }

    @Test
    void theScanFindsAUse() throws IOException {
        // the command line starts the service: the scan must see that
        assertThat(uses("cli", "org.chipplace.api.service")).isNotEmpty();
    }

    @Test
    void noMainSourceFileIsOver400Lines() throws IOException {
        List<String> long_ = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                int n = Files.readAllLines(f).size();
                if (n > 400) {
                    long_.add(MAIN.relativize(f) + ": " + n + " lines");
                }
            }
        }
        assertThat(long_).isEmpty();
    }
}
