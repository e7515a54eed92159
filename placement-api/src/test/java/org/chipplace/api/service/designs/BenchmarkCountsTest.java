package org.chipplace.api.service.designs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.chipplace.api.service.ChipplaceProperties;
import org.chipplace.api.service.Dtos.BenchmarkInfo;
import org.chipplace.api.service.TestDesigns;
import org.chipplace.api.service.security.AuditLog;
import org.chipplace.api.service.security.Callers;
import org.chipplace.api.service.store.DesignFileRepository;
import org.chipplace.api.service.store.DesignRepository;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counts of the benchmarks folder's designs: as an upload's summary counts, parsed once per version of the files. */
class BenchmarkCountsTest {
    @TempDir
    Path benchmarks;

    private Path copyTiny(String name) throws IOException {
        Path dir = Files.createDirectories(benchmarks.resolve(name));
        try (Stream<Path> files = Files.list(TestDesigns.tinyDir())) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    private DesignService service(BenchmarkCounts counts) {
        ChipplaceProperties props = new ChipplaceProperties();
        props.setBenchmarksDir(benchmarks.toString());
        return new DesignService(mock(DesignRepository.class), mock(DesignFileRepository.class), props,
                mock(Callers.class), mock(AuditLog.class), counts);
    }

    @Test
    void benchmarksAreListedWithTheCountsOfAnUploadsSummaryAndNullsWhenTheyDoNotParse() throws IOException {
        copyTiny("a-tiny");
        Path broken = copyTiny("b-broken");
        Files.writeString(broken.resolve("tiny.nets"), "UCLA nets 1.0\nNumNets : x\n");
        List<BenchmarkInfo> list = service(new BenchmarkCounts()).benchmarks();
        Netlist nl = Bookshelf.read(TestDesigns.tinyAux());
        assertThat(list).extracting(BenchmarkInfo::name).containsExactly("a-tiny", "b-broken");
        BenchmarkInfo tiny = list.get(0);
        assertThat(tiny.cells()).isEqualTo(nl.numCells()).isEqualTo(300);
        assertThat(tiny.macros()).isEqualTo(nl.numMacros()).isEqualTo(2);
        assertThat(tiny.nets()).isEqualTo(nl.numNets());
        BenchmarkInfo b = list.get(1);
        assertThat(b.design()).isEqualTo("bench:b-broken");
        assertThat(b.sizeBytes()).isPositive();
        assertThat(b.cells()).isNull();
        assertThat(b.macros()).isNull();
        assertThat(b.nets()).isNull();
    }

    @Test
    void aDesignIsParsedOnceUntilItsFilesChange() throws IOException {
        Path dir = copyTiny("tiny");
        BenchmarkCounts counts = new BenchmarkCounts();
        DesignService designs = service(counts);
        designs.benchmarks();
        designs.benchmarks();
        assertThat(counts.parses()).isEqualTo(1);
        Path nodes = dir.resolve("tiny.nodes");
        Files.setLastModifiedTime(nodes, FileTime.fromMillis(Files.getLastModifiedTime(nodes).toMillis() + 60_000));
        assertThat(designs.benchmarks().get(0).cells()).isEqualTo(300);
        assertThat(counts.parses()).isEqualTo(2);
        designs.benchmarks();
        assertThat(counts.parses()).isEqualTo(2);
    }

    @Test
    void aDesignThatDoesNotParseIsNotParsedAgainEither() throws IOException {
        Path dir = copyTiny("broken");
        Files.delete(dir.resolve("tiny.nodes"));
        BenchmarkCounts counts = new BenchmarkCounts();
        Path aux = dir.resolve("tiny.aux");
        assertThat(counts.of(aux, 10, 20)).isEqualTo(BenchmarkCounts.Counts.UNKNOWN);
        assertThat(counts.of(aux, 10, 20)).isEqualTo(BenchmarkCounts.Counts.UNKNOWN);
        assertThat(counts.parses()).isEqualTo(1);
    }
}
