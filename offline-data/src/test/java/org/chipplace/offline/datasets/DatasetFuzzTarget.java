package org.chipplace.offline.datasets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jazzer fuzz target for the trajectory dataset reader ({@link Datasets#read}, {@link Datasets#info}).
 * The first input byte picks the mode: even, the rest of the input is the whole file; odd, the rest
 * is the payload, wrapped in a valid header and CRC32 so that the fuzzer gets past the checksum.
 * The only exception allowed is {@link DatasetFormatException}. Seeds:
 * {@code DatasetFuzzTargetInputs/readDataset/}.
 */
class DatasetFuzzTarget {
    @TempDir
    Path tmp;

    @FuzzTest(maxDuration = "20s")
    void readDataset(byte[] input) throws IOException {
        byte[] rest = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
        byte[] file = input.length > 0 && (input[0] & 1) == 1 ? wrap(rest) : rest;
        Path f = tmp.resolve("fuzz.cptraj");
        Files.write(f, file);
        try {
            Datasets.read(f);
            Datasets.info(f);
        } catch (DatasetFormatException expected) {
            // documented outcome for a bad file
        }
    }

    /** A file with a valid header (magic, version, length) and CRC32 around {@code payload}. */
    static byte[] wrap(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        return ByteBuffer.allocate(TrajectoryFile.HEADER + payload.length + 4).put(TrajectoryFile.MAGIC)
                .putInt(TrajectoryFile.VERSION).putLong(payload.length).put(payload).putInt((int) crc.getValue())
                .array();
    }
}
