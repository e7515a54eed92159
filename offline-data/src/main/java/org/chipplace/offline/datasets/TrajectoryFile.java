package org.chipplace.offline.datasets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import org.chipplace.offline.env.Trajectory;

/**
 * Reads and writes the versioned binary trajectory format of {@code docs/dataset-format.md}:
 * 8-byte magic, int version, long payload length, payload, int CRC32 of the payload; all
 * big-endian. Masks are not stored: they are
 * recomputed from the design on load ({@link DatasetLoader}).
 */
final class TrajectoryFile {
    /** The 8 magic bytes: ASCII {@code CPTRAJ} followed by {@code 0x00 0x1A}. */
    static final byte[] MAGIC = {'C', 'P', 'T', 'R', 'A', 'J', 0, 0x1A};
    /** Current format version (written); {@link #OLDEST} .. {@code VERSION} are read. */
    public static final int VERSION = 2;
    /** Oldest version read: version 1 has no flow label (read as {@code NaN}). */
    static final int OLDEST = 1;
    static final int HEADER = MAGIC.length + 4 + 8;

    private TrajectoryFile() {
    }

    /** Writes {@code trajectories} to {@code file} (atomically via a temporary file beside it). */
    static void write(Path file, List<Trajectory> trajectories) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(payload);
        out.writeInt(trajectories.size());
        for (Trajectory t : trajectories) {
            writeString(out, t.designName());
            byte[] hash = HexFormat.of().parseHex(t.designHash());
            if (hash.length != 32) {
                throw new IllegalArgumentException("design hash must be 32 bytes: " + t.designHash());
            }
            out.write(hash);
            out.writeInt(t.grid());
            writeString(out, t.expert());
            int n = t.actions().length;
            out.writeInt(n);
            for (int v : t.order()) {
                out.writeInt(v);
            }
            for (int v : t.actions()) {
                out.writeInt(v);
            }
            for (double v : t.rewards()) {
                out.writeDouble(v);
            }
            out.writeDouble(t.ret());
            out.writeDouble(t.flowHpwl());
        }
        out.flush();
        byte[] body = payload.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        ByteBuffer head = ByteBuffer.allocate(HEADER);
        head.put(MAGIC).putInt(VERSION).putLong(body.length);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try (DataOutputStream f = new DataOutputStream(Files.newOutputStream(tmp))) {
            f.write(head.array());
            f.write(body);
            f.writeInt((int) crc.getValue());
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A dataset file: the format version in its header and its trajectories. */
    record Contents(int version, List<Trajectory> trajectories) {
    }

    /** Reads a dataset; any format problem raises {@link DatasetFormatException}. */
    static List<Trajectory> read(Path file) throws IOException {
        return readContents(file).trajectories();
    }

    /** Reads a dataset and its format version (one read, one parse); errors as {@link #read}. */
    static Contents readContents(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<Trajectory> trajectories = parse(bytes, file.toString());
        return new Contents(ByteBuffer.wrap(bytes).getInt(MAGIC.length), trajectories);
    }

    static List<Trajectory> parse(byte[] bytes, String what) {
        if (bytes.length < HEADER + 4) {
            throw new DatasetFormatException(what + ": truncated (" + bytes.length + " bytes, header needs "
                    + (HEADER + 4) + ")");
        }
        if (!Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new DatasetFormatException(what + ": not a trajectory dataset (bad magic)");
        }
        ByteBuffer head = ByteBuffer.wrap(bytes);
        head.position(MAGIC.length);
        int version = head.getInt();
        if (version < OLDEST || version > VERSION) {
            throw new DatasetFormatException(what + ": unsupported dataset version " + version + " (this reader "
                    + "supports " + OLDEST + " to " + VERSION + ")");
        }
        long len = head.getLong();
        if (len < 0 || len != bytes.length - HEADER - 4L) {
            throw new DatasetFormatException(what + ": truncated or padded: header says " + len
                    + " payload bytes, file holds " + (bytes.length - HEADER - 4L));
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, HEADER, (int) len);
        int stored = ByteBuffer.wrap(bytes, HEADER + (int) len, 4).getInt();
        if (stored != (int) crc.getValue()) {
            throw new DatasetFormatException(what + ": checksum mismatch (corrupt file)");
        }
        try {
            return payload(new DataInputStream(new ByteArrayInputStream(bytes, HEADER, (int) len)), version, what);
        } catch (EOFException e) {
            throw new DatasetFormatException(what + ": payload ends early", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Trajectory> payload(DataInputStream in, int version, String what) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new DatasetFormatException(what + ": negative trajectory count");
        }
        List<Trajectory> list = new ArrayList<>(Math.min(count, 1 << 16));
        for (int i = 0; i < count; i++) {
            String name = readString(in, what);
            byte[] hash = new byte[32];
            in.readFully(hash);
            int grid = in.readInt();
            String expert = readString(in, what);
            int n = in.readInt();
            if (grid < 2 || grid > 1024 || n < 0 || n > in.available() / 16) {
                throw new DatasetFormatException(what + ": trajectory " + i + " has invalid grid " + grid
                        + " or length " + n);
            }
            int[] order = new int[n];
            int[] actions = new int[n];
            double[] rewards = new double[n];
            boolean[] seen = new boolean[n];
            for (int s = 0; s < n; s++) {
                order[s] = in.readInt();
                if (order[s] < 0 || order[s] >= n || seen[order[s]]) {
                    throw new DatasetFormatException(what + ": trajectory " + i + " order is not a permutation");
                }
                seen[order[s]] = true;
            }
            for (int s = 0; s < n; s++) {
                actions[s] = in.readInt();
                if (actions[s] < 0 || actions[s] >= grid * grid) {
                    throw new DatasetFormatException(what + ": trajectory " + i + " action outside the grid");
                }
            }
            for (int s = 0; s < n; s++) {
                rewards[s] = in.readDouble();
            }
            double ret = in.readDouble();
            double flow = version >= 2 ? in.readDouble() : Double.NaN;
            if (flow < 0 || Double.isInfinite(flow)) {
                throw new DatasetFormatException(what + ": trajectory " + i + " has flow HPWL " + flow);
            }
            list.add(new Trajectory(name, HexFormat.of().formatHex(hash), grid, order, actions, rewards, ret,
                    expert, flow));
        }
        if (in.available() != 0) {
            throw new DatasetFormatException(what + ": " + in.available() + " unexpected bytes after the last "
                    + "trajectory");
        }
        return list;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new DatasetFormatException(what + ": invalid string length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
