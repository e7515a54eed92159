package org.chipplace.metrics;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;

/**
 * Times the metric kernels on a synthetic design of about one million standard cells (plus a few
 * macros and fixed blocks) with local nets of degree 2 to 5 and a random, overlapping,
 * global-placement-like placement. Not a test: run
 * {@code java -Xmx6g -cp legalizer/target/classes:legalizer/target/test-classes:netlist-io/target/classes
 * org.chipplace.metrics.MetricsBenchmark [cells] [repeats]}.
 */
public final class MetricsBenchmark {
    private MetricsBenchmark() {
    }

    public static void main(String[] args) {
        int cells = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long t0 = System.nanoTime();
        Netlist nl = build(cells, 42L);
        Placement p = nl.initialPlacement();
        System.out.printf("built %s in %.0f ms%n", nl, ms(t0));
        Placement snapped = snapToRows(nl, p);
        MetricsOptions o = MetricsOptions.defaults();
        for (int rep = 0; rep <= repeats; rep++) {
            StringBuilder line = new StringBuilder(rep == 0 ? "warm-up" : "run " + rep);
            double[] hpwl = new double[1];
            Legality[] l = new Legality[2];
            DensityReport[] d = new DensityReport[1];
            RudyReport[] r = new RudyReport[1];
            time(line, "Hpwl.total", () -> hpwl[0] = Hpwl.total(nl, p.x(), p.y()));
            time(line, "check(random)", () -> l[0] = LegalityChecker.check(nl, p));
            time(line, "check(row-snapped)", () -> l[1] = LegalityChecker.check(nl, snapped));
            time(line, "Density", () -> d[0] = Density.compute(nl, p, o));
            time(line, "Rudy", () -> r[0] = Rudy.compute(nl, p, o));
            time(line, "Rudy(sequential)", () -> Rudy.compute(nl, p, o.withParallel(false)));
            System.out.println(line);
            if (rep == repeats) {
                System.out.printf("hpwl %.4g; random: %s; snapped: %s; density %dx%d overflow %.4f;"
                        + " rudy peak %.3f overflow %.4g%n", hpwl[0], l[0], l[1], d[0].nx(), d[0].ny(),
                        d[0].overflow(), r[0].peak(), r[0].totalOverflow());
            }
        }
    }

    /** Runs {@code task} and appends its wall-clock and process CPU time (all threads) in ms. */
    private static void time(StringBuilder line, String name, Runnable task) {
        long c0 = cpuNanos(), t0 = System.nanoTime();
        task.run();
        line.append(String.format(" | %s %.0f ms (cpu %.0f)", name, ms(t0), (cpuNanos() - c0) / 1e6));
    }

    private static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    /** Synthetic design; utilisation about 0.7, row height 12, site width 1. */
    static Netlist build(int cells, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double rowH = 12;
        double side = Math.ceil(Math.sqrt(cells * 4.5 * rowH / 0.7));
        int numRows = (int) Math.ceil(side / rowH);
        NetlistBuilder b = new NetlistBuilder("synthetic" + cells);
        for (int i = 0; i < numRows; i++) {
            b.addRow(new Row(i * rowH, rowH, 1, 1, 0, (int) side, "N"));
        }
        double height = numRows * rowH;
        int cols = (int) Math.ceil(Math.sqrt(cells * side / height));
        double pitchX = side / cols, pitchY = height / Math.ceil((double) cells / cols);
        for (int i = 0; i < cells; i++) {
            int v = b.addMovable("c" + i, 1 + r.nextInt(8), rowH);
            // slot order with jitter, so that nets between nearby indices are local
            double x = (i % cols) * pitchX + r.nextDouble(-2, 2) * pitchX;
            double y = (i / cols) * pitchY + r.nextDouble(-2, 2) * pitchY;
            b.setPosition(v, clamp(x, 0, side - 8), clamp(y, 0, height - rowH), "N");
        }
        for (int i = 0; i < 50; i++) {
            int v = b.addMovable("m" + i, 100 + r.nextInt(200), 100 + r.nextInt(200));
            b.setPosition(v, r.nextDouble(0, side - 300), r.nextDouble(0, height - 300), "N");
        }
        for (int i = 0; i < 20; i++) {
            int v = b.addFixed("f" + i, 200 + r.nextInt(200), 200 + r.nextInt(200), i % 5 == 0);
            b.setPosition(v, r.nextDouble(0, side - 400), r.nextDouble(0, height - 400), "N");
        }
        int nodes = cells + 70;
        for (int e = 0; e < cells; e++) {
            b.addNet("n" + e, 1);
            int anchor = r.nextInt(cells);
            int deg = 2 + r.nextInt(4);
            b.addPin(anchor, 0, 0, Netlist.DIR_OUTPUT);
            for (int k = 1; k < deg; k++) {
                int other = e % 100 == 0 ? r.nextInt(nodes)
                        : anchor + r.nextInt(-30, 31) + cols * r.nextInt(-2, 3);
                other = Math.floorMod(other, cells);
                b.addPin(other, r.nextDouble(-0.5, 0.5), r.nextDouble(-3, 3), Netlist.DIR_INPUT);
            }
        }
        return b.build();
    }

    /** The placement with cells moved to the nearest row and site (overlaps remain). */
    static Placement snapToRows(Netlist nl, Placement p) {
        Placement s = p.copy();
        double rowH = nl.rowHeight();
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.kind(v) == NodeKind.CELL) {
                s.x()[v] = Math.rint(s.x()[v]);
                s.y()[v] = Math.rint(s.y()[v] / rowH) * rowH;
            }
        }
        return s;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
