package org.chipplace.netlist.bookshelf;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import org.chipplace.netlist.Benchmarks;
import org.chipplace.netlist.Netlist;

/**
 * Times {@link Bookshelf#read} on a benchmark (default ibm05): 10 warm-up reads, then 5 timed
 * reads; prints the median wall-clock and thread-CPU time in milliseconds (the
 * CPU figure is less sensitive to other processes sharing the machine). Not a test; run with {@code bench/read-bench.sh}.
 *
 * <p>Usage: {@code ReadBenchmark [design-or-aux-path]}.
 */
public final class ReadBenchmark {
    private ReadBenchmark() {
    }

    public static void main(String[] args) {
        String design = args.length > 0 ? args[0] : "ibm05";
        Path aux = design.endsWith(".aux") ? Path.of(design) : Benchmarks.aux(design)
                .orElseThrow(() -> new IllegalStateException(Benchmarks.missingMessage(design)));
        Netlist nl = null;
        for (int i = 0; i < 10; i++) {
            nl = Bookshelf.read(aux);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] ms = new double[5];
        double[] cpu = new double[5];
        for (int i = 0; i < ms.length; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            nl = Bookshelf.read(aux);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        System.out.println(nl);
        System.out.printf("read %s: median %.1f ms wall, %.1f ms thread CPU over %d warm reads (wall: %s)%n",
                aux.getFileName(), median(ms), median(cpu), ms.length, Arrays.toString(ms));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
