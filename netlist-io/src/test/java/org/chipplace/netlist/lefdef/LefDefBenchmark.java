package org.chipplace.netlist.lefdef;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Times {@link LefDef#read} on a synthetic design ({@link SyntheticLefDef}, default 80,000 cells
 * and 133 blocks, seed 1) written to a temporary directory: 3 warm-up reads, then 5 timed reads;
 * prints the median wall-clock and thread-CPU time. Target: under 3 s. Not a test.
 *
 * <p>Usage: {@code LefDefBenchmark [cells] [blocks]}.
 */
public final class LefDefBenchmark {
    private LefDefBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int cells = args.length > 0 ? Integer.parseInt(args[0]) : 80_000;
        int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 133;
        Path dir = Files.createTempDirectory("lefdef-bench");
        try {
            SyntheticLefDef.write(dir, cells, blocks, 1);
            long bytes = Files.size(SyntheticLefDef.def(dir));
            for (Path p : SyntheticLefDef.lefs(dir)) {
                bytes += Files.size(p);
            }
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            DefDesign d = LefDef.read(SyntheticLefDef.lefs(dir), SyntheticLefDef.def(dir));
            double coldMs = (System.nanoTime() - t0) / 1e6;
            double coldCpu = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
            for (int i = 0; i < 3; i++) {
                d = LefDef.read(SyntheticLefDef.lefs(dir), SyntheticLefDef.def(dir));
            }
            double[] ms = new double[5];
            double[] cpu = new double[5];
            for (int i = 0; i < ms.length; i++) {
                c0 = mx.getCurrentThreadCpuTime();
                t0 = System.nanoTime();
                d = LefDef.read(SyntheticLefDef.lefs(dir), SyntheticLefDef.def(dir));
                ms[i] = (System.nanoTime() - t0) / 1e6;
                cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
            }
            System.out.println(d.netlist());
            System.out.printf("LEF+DEF %.1f MB; first (cold) read %.0f ms wall, %.0f ms CPU; warm median %.0f ms wall,"
                    + " %.0f ms thread CPU over %d reads (wall: %s)%n", bytes / 1e6, coldMs, coldCpu, median(ms),
                    median(cpu), ms.length, Arrays.toString(ms));
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
