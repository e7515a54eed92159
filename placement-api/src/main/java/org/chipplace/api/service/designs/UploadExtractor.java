package org.chipplace.api.service.designs;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.chipplace.api.service.ServiceErrors.BadRequest;
import org.chipplace.api.service.ServiceErrors.ServiceException;
import org.chipplace.api.service.ServiceErrors.UnsupportedType;
import org.springframework.http.HttpStatus;

/**
 * Turns the parts of a design upload into design files (relative path -> bytes, in upload order):
 * Bookshelf or LEF/DEF files ({@link DesignFiles} tells the format), either the files themselves
 * (plain or {@code .gz}) or one {@code .zip}, {@code .tar}, {@code .tar.gz} or {@code .tgz}
 * holding them. Safe against hostile archives: entry names that are absolute or
 * contain {@code ..} are rejected (zip-slip), and the number of entries and the total size after
 * decompression are limited, counting the bytes actually read (decompression bombs), gzipped
 * Bookshelf files included (counted at their inflated size).
 * Other files inside an archive (README, ...) are skipped but still counted. A corrupt or
 * truncated archive is a {@link BadRequest} (400), never an {@link IOException}.
 */
public final class UploadExtractor {
    /** File extensions of Bookshelf files (optionally followed by {@code .gz}). */
    static final List<String> BOOKSHELF = List.of(".aux", ".nodes", ".nets", ".wts", ".pl", ".scl", ".shapes");

    /** An uploaded part: its file name and its bytes. */
    public record Part(String name, InputStream in) {
    }

    /** Thrown when the upload exceeds the size limits (413). */
    public static final class TooLarge extends ServiceException {
        public TooLarge(String message) {
            super(HttpStatus.PAYLOAD_TOO_LARGE, message);
        }
    }

    private final int maxEntries;
    private final long maxBytes;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private int entries;
    private long total;

    private UploadExtractor(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /**
     * Extracts the parts into a map of relative path to bytes, in the order of the parts and of the
     * entries of an archive (the reading order of LEF files).
     *
     * @param maxEntries most files (parts plus archive entries)
     * @param maxBytes   largest total size after decompression, bytes
     */
    public static Map<String, byte[]> extract(List<Part> parts, int maxEntries, long maxBytes) throws IOException {
        if (parts.isEmpty()) {
            throw new BadRequest("no files uploaded: send the Bookshelf or LEF/DEF files (or one .zip/.tar.gz) as multipart part 'files'");
        }
        UploadExtractor x = new UploadExtractor(maxEntries, maxBytes);
        for (Part part : parts) {
            String name = safeName(part.name() == null ? "" : part.name());
            String lower = name.toLowerCase(Locale.ROOT);
            try {
                if (lower.endsWith(".zip")) {
                    x.unzip(part.in());
                } else if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz")) {
                    x.untar(new GZIPInputStream(new BufferedInputStream(part.in())));
                } else if (lower.endsWith(".tar")) {
                    x.untar(part.in());
                } else if (isDesignFile(lower)) {
                    x.add(baseName(name), part.in());
                } else {
                    throw new UnsupportedType("unsupported file '" + name + "': expected Bookshelf files ("
                            + String.join(" ", BOOKSHELF) + ") or LEF/DEF files (" + String.join(" ", DesignFiles.LEFDEF)
                            + "), optionally .gz, or one .zip, .tar or .tar.gz archive");
                }
            } catch (IOException e) {
                // a corrupt or truncated archive (ZipException, EOFException, ...): the client's fault
                throw new BadRequest("cannot read '" + name + "': corrupt or truncated ("
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
            }
        }
        return x.files;
    }

    private void unzip(InputStream in) throws IOException {
        try (ZipInputStream z = new ZipInputStream(new BufferedInputStream(in))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                String name = safeName(e.getName());
                if (!e.isDirectory()) {
                    entry(name, z);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequest("bad zip archive: " + e.getMessage());
        }
    }

    private void untar(InputStream in) throws IOException {
        try (TarArchiveInputStream t = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = t.getNextEntry(); e != null; e = t.getNextEntry()) {
                String name = safeName(e.getName());
                if (e.isSymbolicLink() || e.isLink()) {
                    throw new BadRequest("archive entry '" + name + "' is a link; links are not accepted");
                }
                if (e.isFile()) {
                    entry(name, t);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequest("bad tar archive: " + e.getMessage());
        }
    }

    private void entry(String name, InputStream in) throws IOException {
        if (isDesignFile(name.toLowerCase(Locale.ROOT))) {
            add(name, in);
        } else {
            count();
        }
    }

    private void count() {
        if (++entries > maxEntries) {
            throw new BadRequest("too many files in the upload (limit " + maxEntries + ")");
        }
    }

    private void add(String name, InputStream in) throws IOException {
        count();
        if (files.containsKey(name)) {
            throw new BadRequest("file '" + name + "' uploaded twice");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
            total += r;
            if (total > maxBytes) {
                throw new TooLarge("upload exceeds " + maxBytes + " bytes after decompression");
            }
            out.write(buf, 0, r);
        }
        byte[] bytes = out.toByteArray();
        if (bytes.length >= 2 && bytes[0] == (byte) 0x1f && bytes[1] == (byte) 0x8b) {
            // gzipped (by name or by magic, as the Bookshelf and LEF/DEF readers detect it): count the size it
            // will have when the reader inflates it, so that a .gz part cannot be a decompression bomb
            total -= bytes.length;
            try (GZIPInputStream g = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                for (int r = g.read(buf); r >= 0; r = g.read(buf)) {
                    total += r;
                    if (total > maxBytes) {
                        throw new TooLarge("upload exceeds " + maxBytes + " bytes after decompression");
                    }
                }
            }
        }
        files.put(name, bytes);
    }

    /**
     * Normalises an entry name to forward slashes and rejects absolute names, drive letters,
     * control characters and {@code ..} segments.
     */
    static String safeName(String raw) {
        String n = raw.replace('\\', '/');
        if (n.isEmpty() || n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.indexOf('\0') >= 0) {
            throw new BadRequest("unsafe file name '" + raw + "' (absolute or empty)");
        }
        if (n.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new BadRequest("unsafe file name '" + raw.replaceAll("\\p{Cntrl}", "?") + "' (control character)");
        }
        StringBuilder sb = new StringBuilder();
        for (String seg : n.split("/")) {
            if (seg.equals("..")) {
                throw new BadRequest("unsafe file name '" + raw + "' (contains ..)");
            }
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(seg);
        }
        if (sb.length() == 0) {
            throw new BadRequest("unsafe file name '" + raw + "'");
        }
        return sb.toString();
    }

    /** Whether {@code lowerName} is a Bookshelf, LEF or DEF file (optionally gzipped). */
    static boolean isDesignFile(String lowerName) {
        return isBookshelf(lowerName) || DesignFiles.isLefDef(lowerName) || DesignFiles.isPb(lowerName);
    }

    static boolean isBookshelf(String lowerName) {
        String n = lowerName.endsWith(".gz") ? lowerName.substring(0, lowerName.length() - 3) : lowerName;
        for (String ext : BOOKSHELF) {
            if (n.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
