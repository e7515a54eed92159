package org.chipplace.api.service.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.chipplace.api.service.TestDesigns;

/** Builders of malformed and hostile uploads from the shipped tiny design (examples/tiny). */
final class HostileInputs {
    static final String[] TINY = {"tiny.aux", "tiny.nodes", "tiny.nets", "tiny.pl", "tiny.scl"};

    private HostileInputs() {
    }

    /** The tiny design's files (name -> bytes), in .aux order; a copy the caller may change. */
    static Map<String, byte[]> tiny() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try {
            for (String f : TINY) {
                m.put(f, Files.readAllBytes(TestDesigns.tinyDir().resolve(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** The tiny design with file {@code name} replaced by {@code text}. */
    static Map<String, byte[]> tinyWith(String name, String text) {
        Map<String, byte[]> m = tiny();
        m.put(name, text.getBytes(StandardCharsets.UTF_8));
        return m;
    }

    static String text(String name) {
        return new String(tiny().get(name), StandardCharsets.UTF_8);
    }

    /** The tiny .pl with the line of node {@code node} replaced by {@code line}. */
    static Map<String, byte[]> tinyPlLine(String node, String line) {
        return tinyWith("tiny.pl", text("tiny.pl").replaceFirst("(?m)^" + node + " .*$", line));
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A tar (gzipped when {@code gz}); an entry whose name starts with {@code link:} is a symbolic link. */
    static byte[] tar(Map<String, byte[]> entries, boolean gz) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(gz ? new GZIPOutputStream(out) : out)) {
            t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (var e : entries.entrySet()) {
                TarArchiveEntry te;
                if (e.getKey().startsWith("link:")) {
                    te = new TarArchiveEntry(e.getKey().substring(5), TarArchiveEntry.LF_SYMLINK);
                    te.setLinkName(new String(e.getValue(), StandardCharsets.UTF_8));
                } else {
                    te = new TarArchiveEntry(e.getKey());
                    te.setSize(e.getValue().length);
                }
                t.putArchiveEntry(te);
                if (!te.isSymbolicLink()) {
                    t.write(e.getValue());
                }
                t.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A multipart/form-data body; each entry is one part named {@code partName} with that file name. */
    static byte[] multipart(String boundary, String partName, Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (var e : files.entrySet()) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName
                    + "\"; filename=\"" + e.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(e.getValue());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
