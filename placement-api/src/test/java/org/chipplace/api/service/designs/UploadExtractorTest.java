package org.chipplace.api.service.designs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.chipplace.api.service.ServiceErrors.BadRequest;
import org.chipplace.api.service.ServiceErrors.UnsupportedType;
import org.junit.jupiter.api.Test;

class UploadExtractorTest {

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] tarGz(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            for (var e : entries.entrySet()) {
                TarArchiveEntry te = new TarArchiveEntry(e.getKey());
                te.setSize(e.getValue().length);
                t.putArchiveEntry(te);
                t.write(e.getValue());
                t.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] gz(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(bytes);
        }
        return out.toByteArray();
    }

    static UploadExtractor.Part part(String name, byte[] bytes) {
        return new UploadExtractor.Part(name, new ByteArrayInputStream(bytes));
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void plainFilesAreKeptByName() throws IOException {
        var files = UploadExtractor.extract(List.of(part("d.aux", b("aux")), part("d.nodes.gz", b("gz"))), 10, 1000);
        assertThat(files).containsOnlyKeys("d.aux", "d.nodes.gz");
        assertThat(files.get("d.aux")).isEqualTo(b("aux"));
    }

    @Test
    void zipAndTarGzAreExtractedWithTheirFoldersAndOtherFilesSkipped() throws IOException {
        Map<String, byte[]> entries = Map.of("ibm/d.aux", b("a"), "ibm/d.nets", b("n"), "README.md", b("r"));
        assertThat(UploadExtractor.extract(List.of(part("d.zip", zip(entries))), 10, 1000))
                .containsOnlyKeys("ibm/d.aux", "ibm/d.nets");
        var tar = UploadExtractor.extract(List.of(part("d.tar.gz", tarGz(entries))), 10, 1000);
        assertThat(tar).containsOnlyKeys("ibm/d.aux", "ibm/d.nets");
        assertThat(tar.get("ibm/d.nets")).isEqualTo(b("n"));
    }

    @Test
    void lefAndDefFilesAreKeptInUploadOrderLooseOrInAnArchive() throws IOException {
        var loose = UploadExtractor.extract(List.of(part("z.lef", b("t")), part("d.def", b("d")),
                part("a.lef.gz", gz(b("c")))), 10, 1000);
        assertThat(loose.keySet()).containsExactly("z.lef", "d.def", "a.lef.gz");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("x/tech.lef", b("t"));
        entries.put("x/README", b("r"));
        entries.put("x/cells.lef", b("c"));
        entries.put("x/top.def", b("d"));
        assertThat(UploadExtractor.extract(List.of(part("x.zip", zip(entries))), 10, 1000).keySet())
                .containsExactly("x/tech.lef", "x/cells.lef", "x/top.def");
    }

    @Test
    void namesWithControlCharactersAreRejected() {
        assertThatThrownBy(() -> UploadExtractor.extract(List.of(part("a\nb.lef", b("t"))), 10, 1000))
                .isInstanceOf(BadRequest.class).hasMessageContaining("control character");
    }

    @Test
    void zipSlipEntriesAreRejected() throws IOException {
        for (String evil : new String[] {"../evil.aux", "a/../../evil.nodes", "/etc/x.pl", "C:\\x.scl", "..\\x.aux"}) {
            byte[] z = zip(Map.of(evil, b("x")));
            assertThatThrownBy(() -> UploadExtractor.extract(List.of(part("d.zip", z)), 10, 1000))
                    .as(evil).isInstanceOf(BadRequest.class).hasMessageContaining("unsafe");
        }
        byte[] t = tarGz(Map.of("../../evil.aux", b("x")));
        assertThatThrownBy(() -> UploadExtractor.extract(List.of(part("d.tgz", t)), 10, 1000))
                .isInstanceOf(BadRequest.class);
    }

    @Test
    void decompressionBombIsStoppedAtTheByteLimit() throws IOException {
        byte[] zeros = new byte[5 << 20];
        byte[] z = zip(Map.of("d.nets", zeros));
        assertThat(z.length).isLessThan(64 << 10);
        assertThatThrownBy(() -> UploadExtractor.extract(List.of(part("d.zip", z)), 10, 1 << 20))
                .isInstanceOf(UploadExtractor.TooLarge.class);
        assertThat(UploadExtractor.extract(List.of(part("d.zip", z)), 10, 6 << 20).get("d.nets")).hasSize(5 << 20);
    }

    @Test
    void tooManyEntriesAreRejectedEvenWhenSkipped() throws IOException {
        Map<String, byte[]> many = new java.util.TreeMap<>();
        for (int i = 0; i < 5; i++) {
            many.put("junk" + i + ".txt", b("x"));
        }
        byte[] z = zip(many);
        assertThatThrownBy(() -> UploadExtractor.extract(List.of(part("d.zip", z)), 4, 1000))
                .isInstanceOf(BadRequest.class).hasMessageContaining("too many");
    }

    @Test
    void unknownFileTypesAre415AndEmptyUploads400() {
        assertThatThrownBy(() -> UploadExtractor.extract(List.of(part("x.exe", b("x"))), 10, 1000))
                .isInstanceOf(UnsupportedType.class);
        assertThatThrownBy(() -> UploadExtractor.extract(List.of(), 10, 1000)).isInstanceOf(BadRequest.class);
        assertThatThrownBy(() -> UploadExtractor.extract(List.of(part("d.aux", b("1")), part("d.aux", b("2"))), 10,
                1000)).isInstanceOf(BadRequest.class).hasMessageContaining("twice");
    }

    @Test
    void corruptOrTruncatedArchivesAreBadRequestsNotIoErrors() throws IOException {
        byte[] noise = new byte[5000]; // incompressible, so that half of each archive ends inside it
        new SplittableRandom(1).nextBytes(noise);
        Map<String, byte[]> entries = Map.of("d/d.aux", b("RowBasedPlacement : d.nodes"), "d/d.nodes", noise);
        byte[] tgz = tarGz(entries);
        byte[] flipped = tgz.clone();
        for (int i = 20; i < flipped.length - 8; i += 7) {
            flipped[i] ^= 0x5A; // breaks the deflate stream (found by UploadFuzzTarget: ZipException -> 500)
        }
        byte[] zipped = zip(entries);
        byte[][] bad = {flipped, Arrays.copyOf(tgz, tgz.length / 2), b("not gzip at all"),
            Arrays.copyOf(zipped, zipped.length / 2)};
        String[] names = {"d.tar.gz", "d.tgz", "d.tar.gz", "d.zip"};
        for (int k = 0; k < bad.length; k++) {
            byte[] body = bad[k];
            String name = names[k];
            assertThatThrownBy(() -> UploadExtractor.extract(List.of(part(name, body)), 10, 1 << 20))
                    .as(name + " #" + k).isInstanceOf(BadRequest.class).hasMessageContaining(name);
        }
        assertThatThrownBy(() -> UploadExtractor.extract(List.of(part("d.tar.gz", b("not gzip at all"))), 10, 1000))
                .isInstanceOf(BadRequest.class).hasMessageContaining("corrupt or truncated");
        assertThatThrownBy(() -> UploadExtractor.extract(List.of(part("d.tar.gz", flipped)), 10, 1 << 20))
                .isInstanceOf(BadRequest.class).hasMessageContaining("corrupt or truncated");
    }

    @Test
    void aGzippedBookshelfPartCountsAtItsInflatedSize() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
            g.write(new byte[4 << 20]); // 4 MiB of zeros, a few KiB compressed
        }
        byte[] bomb = gz.toByteArray();
        assertThat(bomb.length).isLessThan(1 << 20);
        // found by BadInputTableTest (U30): the reader used to inflate such a part without any limit
        for (String name : new String[] {"d.nodes.gz", "d.nodes"}) {
            assertThatThrownBy(() -> UploadExtractor.extract(List.of(part(name, bomb)), 10, 1 << 20))
                    .as(name).isInstanceOf(UploadExtractor.TooLarge.class).hasMessageContaining("after decompression");
        }
        var ok = UploadExtractor.extract(List.of(part("d.nodes.gz", bomb)), 10, 5 << 20);
        assertThat(ok.get("d.nodes.gz")).isEqualTo(bomb);
    }
}
