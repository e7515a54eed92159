package org.chipplace.api.service.designs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.chipplace.api.service.ServiceErrors.ServiceException;

/**
 * Jazzer fuzz target for the upload path ({@link UploadExtractor#extract}). The first input byte
 * picks the part's file name ({@code .zip}, {@code .tar}, {@code .tar.gz}, {@code .tgz}, a plain and a
 * gzipped Bookshelf file), the rest is the part's bytes. The only exceptions allowed are the
 * service's own ({@link ServiceException}: 400 bad archive or name, 413 too large, 415 wrong type);
 * an {@link IOException} or any other exception would surface as a 500 and fails the target. The
 * limits are small (16 entries, 1 MiB) so that decompression bombs are cut short. Seeds:
 * {@code UploadFuzzTargetInputs/extractUpload/}.
 */
class UploadFuzzTarget {
    static final String[] NAMES = {"d.zip", "d.tar", "d.tar.gz", "d.tgz", "d.nodes", "d.nets.gz"};

    @FuzzTest(maxDuration = "20s")
    void extractUpload(byte[] input) {
        String name = input.length == 0 ? "d.zip" : NAMES[Math.floorMod(input[0], NAMES.length)];
        byte[] body = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
        try {
            Map<String, byte[]> files = UploadExtractor.extract(
                    List.of(new UploadExtractor.Part(name, new ByteArrayInputStream(body))), 16, 1 << 20);
            long total = 0;
            for (byte[] b : files.values()) {
                total += b.length;
            }
            if (files.size() > 16 || total > 1 << 20) {
                throw new AssertionError("limits not enforced: " + files.size() + " files, " + total + " bytes");
            }
            for (String path : files.keySet()) {
                if (path.startsWith("/") || path.contains("\\") || path.contains("\0")
                        || Arrays.asList(path.split("/")).contains("..")) {
                    throw new AssertionError("unsafe path accepted: " + path);
                }
            }
        } catch (ServiceException expected) {
            // documented: 400 / 413 / 415
        } catch (IOException e) {
            throw new AssertionError("I/O error escaped as a 500: " + e, e);
        }
    }
}
