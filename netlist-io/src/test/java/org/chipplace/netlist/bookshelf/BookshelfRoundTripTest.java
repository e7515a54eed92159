package org.chipplace.netlist.bookshelf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;
import org.chipplace.netlist.testing.BenchmarkDesigns;
import org.chipplace.netlist.testing.NetlistAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** read/write round trips, gzip input and the tiny hand-written design. */
class BookshelfRoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void tinyDesignIsReadAsWritten() throws Exception {
        Netlist nl = Bookshelf.read(TestDesigns.writeAll(tmp, TestDesigns.tinyFiles()));

        assertThat(nl.name()).isEqualTo("t");
        assertThat(nl.nodeNames()).containsExactly("a", "b", "m", "p");
        assertThat(nl.kinds()).containsExactly(NodeKind.CELL.code(), NodeKind.CELL.code(), NodeKind.MACRO.code(),
                NodeKind.FIXED.code());
        assertThat(nl.netNames()).containsExactly("n_ab", "n1");
        assertThat(nl.netWeights()).containsExactly(2.0, 1.0);
        assertThat(nl.netPinStart()).containsExactly(0, 3, 5);
        assertThat(nl.pinNode()).containsExactly(0, 1, 2, 2, 3);
        assertThat(nl.pinDx()).containsExactly(0.5, 0, 1, 0, 0);
        assertThat(nl.pinDy()).containsExactly(-1, 0, 1, 0, 0);
        assertThat(nl.pinDirection()).containsExactly(Netlist.DIR_OUTPUT, Netlist.DIR_INPUT, Netlist.DIR_INPUT,
                Netlist.DIR_BIDIRECTIONAL, Netlist.DIR_INPUT);
        assertThat(nl.rows()).containsExactly(new Row(0, 4, 1, 1, 0, 20, "N"), new Row(4, 4, 1, 1, 0, 20, "N"));
        assertThat(new double[] {nl.coreXl(), nl.coreYl(), nl.coreXh(), nl.coreYh()}).containsExactly(0, 0, 20, 8);
        Placement p = nl.initialPlacement();
        assertThat(p.x()).containsExactly(1, 4.25, 10, 0);
        assertThat(p.y()).containsExactly(0, 4, 0, 20);
        assertThat(p.orient()).containsExactly("N", "FS", "N", "N");
    }

    @Test
    void fixedMarkerInPlFixesAMovableNodeAndUnlistedNodesStayAtOrigin() throws Exception {
        var files = TestDesigns.tinyFiles();
        files.put("t.pl", "UCLA pl 1.0\na 1 2 : N /FIXED_NI\nm 3 4 : S /fixed\n");
        Netlist nl = Bookshelf.read(TestDesigns.writeAll(tmp, files));

        assertThat(nl.kind(0)).isEqualTo(NodeKind.FIXED_NI);
        assertThat(nl.kind(1)).isEqualTo(NodeKind.CELL);
        assertThat(nl.kind(2)).isEqualTo(NodeKind.FIXED);
        assertThat(nl.initialPlacement().x()).containsExactly(1, 0, 3, 0);
        assertThat(nl.initialPlacement().y()).containsExactly(2, 0, 4, 0);
    }

    @Test
    void gzippedFilesReadLikePlainOnesAndPlainWinsWhenBothExist() throws Exception {
        Path plainAux = TestDesigns.writeAll(tmp, TestDesigns.tinyFiles());
        Netlist plain = Bookshelf.read(plainAux);
        Path gzDir = Files.createDirectory(tmp.resolve("gz"));
        for (var e : TestDesigns.tinyFiles().entrySet()) {
            if (e.getKey().endsWith(".aux")) {
                Files.copy(tmp.resolve(e.getKey()), gzDir.resolve(e.getKey()));
            } else {
                TestDesigns.gzip(tmp.resolve(e.getKey()), gzDir.resolve(e.getKey() + ".gz"));
            }
        }
        NetlistAssertions.assertSameNetlist(plain, Bookshelf.read(gzDir.resolve("t.aux")));

        // a broken t.nets.gz beside the plain t.nets must be ignored
        Files.writeString(tmp.resolve("t.nets.gz"), "garbage");
        NetlistAssertions.assertSameNetlist(plain, Bookshelf.read(plainAux));
    }

    @Test
    void benchmarkWithGzippedNetsReadsTheSameNetlist() throws Exception {
        Path aux = BenchmarkDesigns.auxOrSkip("simple_dreamplace_unittest");
        Netlist original = Bookshelf.read(aux);
        try (var s = Files.list(aux.getParent())) {
            for (Path f : s.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".nets")) {
                    TestDesigns.gzip(f, tmp.resolve(name + ".gz"));
                } else {
                    Files.copy(f, tmp.resolve(name));
                }
            }
        }
        assertThat(tmp.resolve("simple.nets")).doesNotExist();
        NetlistAssertions.assertSameNetlist(original, Bookshelf.read(tmp.resolve(aux.getFileName())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple_dreamplace_unittest", "ibm01", "ibm05"})
    void benchmarkSurvivesWritePlReadPlAndWriteRead(String design) throws Exception {
        Netlist nl = Bookshelf.read(BenchmarkDesigns.auxOrSkip(design));
        Placement p = nl.initialPlacement();
        Path pl = tmp.resolve("out.pl");
        Bookshelf.writePl(nl, p, pl);
        NetlistAssertions.assertSamePlacement(p, Bookshelf.readPl(nl, pl));

        Bookshelf.write(nl, p, tmp.resolve("dir"));
        NetlistAssertions.assertSameNetlist(nl, Bookshelf.read(tmp.resolve("dir").resolve(nl.name() + ".aux")));
    }

    @Test
    void tinyDesignSurvivesWriteRead() throws Exception {
        Netlist nl = Bookshelf.read(TestDesigns.writeAll(tmp, TestDesigns.tinyFiles()));
        Bookshelf.write(nl, nl.initialPlacement(), tmp.resolve("w"));
        NetlistAssertions.assertSameNetlist(nl, Bookshelf.read(tmp.resolve("w/t.aux")));
    }

    @Test
    void arbitraryDoublesSurviveWriteReadBitForBit() throws Exception {
        SplittableRandom rnd = new SplittableRandom(42);
        NetlistBuilder b = new NetlistBuilder("rnd");
        b.addRow(new Row(0.1, 16, 1, 1, 0.3, 100, "FS"));
        b.addRow(new Row(16.1, 16, 1, 1, 0.3, 100, "N"));
        int n = 50;
        for (int v = 0; v < n; v++) {
            double w = rnd.nextDouble() * 40;
            double h = v % 7 == 0 ? 40 : 16;
            if (v % 11 == 0) {
                b.addFixed("f" + v, w, h, v % 2 == 0);
            } else {
                b.addMovable("c" + v, w, h);
            }
            b.setPosition(v, (rnd.nextDouble() - 0.5) * 1e4, v == 3 ? -0.0 : rnd.nextDouble() * 1e-7,
                    BookshelfPlScl.ORIENTS[v % 8]);
        }
        for (int e = 0; e < 30; e++) {
            b.addNet("net" + e, e % 3 == 0 ? 1 : rnd.nextDouble() * 3);
            for (int k = 0; k < 2 + e % 4; k++) {
                b.addPin(rnd.nextInt(n), rnd.nextDouble() * 10 - 5, 1e20 * rnd.nextDouble(), (byte) (k % 3));
            }
        }
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        Bookshelf.write(nl, p, tmp);
        Netlist back = Bookshelf.read(tmp.resolve("rnd.aux"));

        NetlistAssertions.assertSameNetlist(nl, back);
        NetlistAssertions.assertBitsEqual(p.x(), back.initialPlacement().x());
        NetlistAssertions.assertBitsEqual(p.y(), back.initialPlacement().y());
        NetlistAssertions.assertBitsEqual(nl.widths(), back.widths());
        NetlistAssertions.assertBitsEqual(nl.pinDx(), back.pinDx());
        NetlistAssertions.assertBitsEqual(nl.pinDy(), back.pinDy());
        NetlistAssertions.assertBitsEqual(nl.netWeights(), back.netWeights());
    }

    @Test
    void writtenNumbersAreIntegersWithoutFractionOrShortestDecimal() {
        assertThat(BookshelfWriter.fmt(2336)).isEqualTo("2336");
        assertThat(BookshelfWriter.fmt(-33)).isEqualTo("-33");
        assertThat(BookshelfWriter.fmt(-0.0)).isEqualTo("-0");
        assertThat(BookshelfWriter.fmt(7.33333)).isEqualTo("7.33333");
        assertThat(BookshelfWriter.fmt(1e20)).isEqualTo("1.0E20");
    }
}
