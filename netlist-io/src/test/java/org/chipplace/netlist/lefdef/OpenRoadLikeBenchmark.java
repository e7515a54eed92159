package org.chipplace.netlist.lefdef;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;

/**
 * Writes the OpenROAD-like stand-in design ({@link OpenRoadLikeLefDef}) into a folder and times
 * {@link LefDef#read} on it: one cold read, 3 warm-up reads, then the median of 5 timed reads
 * (wall clock and thread CPU). The files stay in the folder for {@code place} and {@code evaluate}.
 * Not a test.
 *
 * <p>Usage: {@code OpenRoadLikeBenchmark DIR [cells=80000] [macros=133] [noise=0.03] [seed=1]}.
 */
public final class OpenRoadLikeBenchmark {
    private OpenRoadLikeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int cells = args.length > 1 ? Integer.parseInt(args[1]) : 80_000;
        int macros = args.length > 2 ? Integer.parseInt(args[2]) : 133;
        double noise = args.length > 3 ? Double.parseDouble(args[3]) : 0.03;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        Files.createDirectories(dir);
        OpenRoadLikeLefDef.Summary s = OpenRoadLikeLefDef.write(dir, cells, macros, noise, seed);
        long bytes = Files.size(OpenRoadLikeLefDef.def(dir));
        for (Path p : OpenRoadLikeLefDef.lefs(dir)) {
            bytes += Files.size(p);
        }
        System.out.println("generated: " + s);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        DefDesign d = LefDef.read(OpenRoadLikeLefDef.lefs(dir), OpenRoadLikeLefDef.def(dir));
        double coldMs = (System.nanoTime() - t0) / 1e6;
        double coldCpu = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
        for (int i = 0; i < 3; i++) {
            d = LefDef.read(OpenRoadLikeLefDef.lefs(dir), OpenRoadLikeLefDef.def(dir));
        }
        double[] ms = new double[5];
        double[] cpu = new double[5];
        for (int i = 0; i < ms.length; i++) {
            c0 = mx.getCurrentThreadCpuTime();
            t0 = System.nanoTime();
            d = LefDef.read(OpenRoadLikeLefDef.lefs(dir), OpenRoadLikeLefDef.def(dir));
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Netlist nl = d.netlist();
        int[] spans = new int[4];
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.kind(v) == NodeKind.CELL) {
                spans[Math.min(3, nl.rowSpan(v))]++;
            }
        }
        System.out.println(nl + "; cells by rows spanned: 1: " + spans[1] + ", 2: " + spans[2] + ", 3: " + spans[3]
                + "; warnings: " + d.warnings().size());
        System.out.printf("LEF+DEF %.1f MB; first (cold) read %.0f ms wall, %.0f ms CPU; warm median %.0f ms wall,"
                + " %.0f ms thread CPU over %d reads (wall: %s)%n", bytes / 1e6, coldMs, coldCpu, median(ms),
                median(cpu), ms.length, Arrays.toString(ms));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
