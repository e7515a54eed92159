package org.chipplace.placer.legalize;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.chipplace.metrics.Hpwl;
import org.chipplace.metrics.Legality;
import org.chipplace.metrics.LegalityChecker;
import org.chipplace.netlist.Benchmarks;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.chipplace.placer.detailed.DetailedPlacementResult;
import org.chipplace.placer.detailed.DetailedPlacer;
import org.chipplace.placer.detailed.DetailedPlacerOptions;
import org.chipplace.placer.rows.RowSegments;

/**
 * Speed and quality benchmark (not a test): legalization plus detailed placement on Bookshelf designs
 * or a synthetic design. Usage:
 * {@code LegalizeBench <design|synthetic:ROWSxSITES> [threads] [spread|keep] [searchRows] [ismSetSize]
 * [clustering]} ({@code clustering}: true or false, default true).
 * Without {@code spread} the design's own {@code .pl} is the global placement (ibm05 holds one);
 * with it, movable nodes are spread uniformly at random over the core (seed 1), a cheap stand-in.
 */
public final class LegalizeBench {
    private LegalizeBench() {
    }

    public static void main(String[] args) {
        String design = args[0];
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        boolean spread = args.length > 2 && args[2].equals("spread");
        long t0 = System.nanoTime();
        Netlist nl;
        if (design.startsWith("synthetic:")) {
            String[] d = design.substring(10).split("x");
            nl = TestDesigns.random(1, Integer.parseInt(d[0]), Integer.parseInt(d[1]), 8, 0.85);
        } else {
            Path aux = Benchmarks.aux(design).orElseThrow(() -> new IllegalStateException(
                    Benchmarks.missingMessage(design)));
            nl = Bookshelf.read(aux);
        }
        System.out.printf("%s read in %.2f s%n", nl, (System.nanoTime() - t0) * 1e-9);
        RowSegments free = RowSegments.build(nl, nl.initialPlacement(), RowSegments.defaultBlockages(nl), 1);
        double cellArea = 0;
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.kind(v) == org.chipplace.netlist.NodeKind.CELL) {
                cellArea += nl.widths()[v] * nl.heights()[v];
            }
        }
        System.out.printf("cell area / free row area (macros at their .pl spots) = %.4f%n", cellArea / free.freeArea());
        Placement p = nl.initialPlacement();
        if (spread) {
            SplittableRandom rnd = new SplittableRandom(1);
            for (int v = 0; v < nl.numNodes(); v++) {
                if (nl.isMovable(v)) {
                    p.x()[v] = nl.coreXl() + rnd.nextDouble() * (nl.coreXh() - nl.coreXl() - nl.widths()[v]);
                    p.y()[v] = nl.coreYl() + rnd.nextDouble() * (nl.coreYh() - nl.coreYl() - nl.heights()[v]);
                }
            }
        }
        Placement global = p.copy();
        double hpwlGlobal = Hpwl.weighted(nl, p.x(), p.y());
        LegalizerOptions lo = LegalizerOptions.defaults().withThreads(threads);
        java.lang.management.ThreadMXBean tmx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = tmx.getCurrentThreadCpuTime();
        long t1 = System.nanoTime();
        boolean[] macros = new boolean[nl.numNodes()];
        for (int v = 0; v < macros.length; v++) {
            macros[v] = nl.isMacro(v);
        }
        MacroLegalizer.legalize(nl, p, macros, lo);
        long t2 = System.nanoTime();
        CellLegalizer.legalize(nl, p, lo);
        long t3 = System.nanoTime();
        double sum = 0;
        double max = 0;
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.isMovable(v)) {
                double d = Math.abs(p.x()[v] - global.x()[v]) + Math.abs(p.y()[v] - global.y()[v]);
                sum += d;
                max = Math.max(max, d);
            }
        }
        double legalCpu = (tmx.getCurrentThreadCpuTime() - cpu0) * 1e-9;
        System.out.printf("legalization CPU time of the calling thread: %.2f s%n", legalCpu);
        Legality leg = LegalityChecker.check(nl, p);
        System.out.printf("macro legalization %.2f s, cell legalization %.2f s; displacement avg %.2f max %.1f;"
                        + " HPWL global %.6g -> legal %.6g; %s%n", (t2 - t1) * 1e-9, (t3 - t2) * 1e-9,
                sum / nl.numMovable(), max, hpwlGlobal, Hpwl.weighted(nl, p.x(), p.y()), leg);
        DetailedPlacerOptions dpo = new DetailedPlacerOptions(3, 3, threads, 1e-4,
                args.length > 3 ? Integer.parseInt(args[3]) : 1, args.length > 4 ? Integer.parseInt(args[4]) : 16,
                args.length <= 5 || Boolean.parseBoolean(args[5]), DetailedPlacerOptions.defaults().pushCells());
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        DetailedPlacementResult r = DetailedPlacer.improve(nl, p, dpo);
        System.out.printf("detailed placement CPU time of the calling thread: %.2f s%n",
                (mx.getCurrentThreadCpuTime() - c0) * 1e-9);
        System.out.printf("detailed placement: HPWL %.6g -> %.6g (%.2f %%) in %d passes, %.2f s; %s%n",
                r.hpwlBefore(), r.hpwlAfter(), 100 * (r.hpwlBefore() - r.hpwlAfter()) / r.hpwlBefore(), r.passes(),
                r.seconds(), LegalityChecker.check(nl, p));
    }
}
