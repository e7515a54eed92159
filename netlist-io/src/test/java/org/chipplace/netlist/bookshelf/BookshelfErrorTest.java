package org.chipplace.netlist.bookshelf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Garbled or truncated variants of the tiny design ({@link TestDesigns#tinyFiles()}): each must
 * raise {@link NetlistParseException} pointing at the right file and line.
 */
class BookshelfErrorTest {
    @TempDir
    Path tmp;

    /** file, 1-based line to replace (0: delete the file), new text (null: delete the line), error line, words. */
    static Stream<Arguments> garbled() {
        return Stream.of(
            Arguments.of("t.pl", 0, null, 0, "not found"),
            Arguments.of("t.nodes", 3, "NumNodes : 5", 3, "NumNodes : 5 but the file lists 4"),
            Arguments.of("t.nodes", 4, "NumTerminals : 2", 4, "NumTerminals : 2 but the file lists 1"),
            Arguments.of("t.nets", 2, "NumNets : 3", 2, "NumNets : 3 but the file lists 2"),
            Arguments.of("t.nets", 3, "NumPins : 6", 3, "NumPins : 6 but the nets hold 5"),
            Arguments.of("t.nets", 4, "NetDegree : 4 n_ab", 8, "expected pin 4 of 4"),
            Arguments.of("t.nets", 10, null, 8, "unexpected end of file"),
            Arguments.of("t.nets", 6, "  q I", 6, "unknown node 'q'"),
            Arguments.of("t.nets", 6, "  b X", 6, "direction"),
            Arguments.of("t.nets", 5, "  a O : 0.5 zero", 5, "found 'zero'"),
            Arguments.of("t.nets", 2, "NumNetz : 2", 2, "expected 'NetDegree"),
            Arguments.of("t.nodes", 6, "a 3 4", 6, "duplicate node name 'a'"),
            Arguments.of("t.nodes", 6, "b -3 4", 6, "found '-3'"),
            Arguments.of("t.nodes", 6, "b NaN 4", 6, "found 'NaN'"),
            Arguments.of("t.nodes", 6, "b 3 Infinity", 6, "found 'Infinity'"),
            Arguments.of("t.nodes", 6, "b 3x 4", 6, "found '3x'"),
            Arguments.of("t.nodes", 7, "m 6 8 pad", 7, "expected 'terminal' or 'terminal_NI'"),
            Arguments.of("t.pl", 3, "b 4.25 NaN : FS", 3, "found 'NaN'"),
            Arguments.of("t.pl", 3, "b 1e999 4 : FS", 3, "found '1e999'"),
            Arguments.of("t.pl", 2, "z 1 0 : N", 2, "unknown node 'z'"),
            Arguments.of("t.pl", 4, "a 10 0", 4, "placed twice (first at line 2)"),
            Arguments.of("t.pl", 4, "m 10 0 : UP", 4, "orientation"),
            Arguments.of("t.wts", 2, "zz 1", 2, "neither a net nor a node"),
            Arguments.of("t.wts", 3, "n1 5", 3, "neither a net nor a node"),
            Arguments.of("t.scl", 2, "NumRows : 3", 2, "NumRows : 3 but the file lists 2"),
            Arguments.of("t.scl", 16, null, 12, "expected 'End'"),
            Arguments.of("t.scl", 11, null, 11, "expected 'End' of the CoreRow at line 3"),
            Arguments.of("t.scl", 8, "  Siteorientation : N", 8, "expected a CoreRow key"),
            Arguments.of("t.scl", 5, "  Height : 0", 3, "invalid CoreRow"),
            Arguments.of("t.scl", 10, "  SubrowOrigin : 0", 3, "no 'NumSites"),
            Arguments.of("t.aux", 1, "RowBasedPlacement : t.nodes t.nets t.wts t.pl t.foo", 1, "t.foo"),
            Arguments.of("t.nodes", 1, "UCLA nets 1.0", 1, "expected header 'UCLA nodes 1.0'"));
    }

    @ParameterizedTest(name = "{0} line {1} -> {2}")
    @MethodSource("garbled")
    void garbledInputIsReportedAtFileAndLine(String file, int line, String text, int errLine, String words)
            throws Exception {
        Map<String, String> files = TestDesigns.tinyFiles();
        if (line == 0) {
            files.remove(file);
        } else {
            List<String> lines = new ArrayList<>(Arrays.asList(files.get(file).split("\n", -1)));
            if (text == null) {
                lines.remove(line - 1);
            } else {
                lines.set(line - 1, text);
            }
            files.put(file, String.join("\n", lines));
        }
        Path aux = TestDesigns.writeAll(tmp, files);

        NetlistParseException e = catchThrowableOfType(() -> Bookshelf.read(aux), NetlistParseException.class);

        assertThat(e).as("exception for %s", file).isNotNull();
        assertThat(e.getMessage()).startsWith(file + ":" + errLine + ":").contains(words);
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.line()).isEqualTo(errLine);
    }

    @Test
    void missingAuxIsReportedAtLineZero() {
        NetlistParseException e = catchThrowableOfType(() -> Bookshelf.read(tmp.resolve("none.aux")),
                NetlistParseException.class);
        assertThat(e.getMessage()).startsWith("none.aux:0:");
    }

    @Test
    void readPlReportsUnknownNodeAndBadNumbers() throws Exception {
        Netlist nl = Bookshelf.read(TestDesigns.writeAll(tmp, TestDesigns.tinyFiles()));
        Path pl = tmp.resolve("sol.pl");
        java.nio.file.Files.writeString(pl, "UCLA pl 1.0\n\na 1 2 : N\nb 1 - : N\n");
        assertThat(catchThrowableOfType(() -> Bookshelf.readPl(nl, pl), NetlistParseException.class))
                .hasMessageStartingWith("sol.pl:4:").hasMessageContaining("found '-'");
        java.nio.file.Files.writeString(pl, "UCLA pl 1.0\nq 1 2\n");
        assertThat(catchThrowableOfType(() -> Bookshelf.readPl(nl, pl), NetlistParseException.class))
                .hasMessageStartingWith("sol.pl:2:").hasMessageContaining("unknown node 'q'");
    }
}
