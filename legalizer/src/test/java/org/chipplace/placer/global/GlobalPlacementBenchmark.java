package org.chipplace.placer.global;

import java.util.Arrays;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;

/**
 * Benchmark of {@link GlobalPlacer}: {@code GlobalPlacementBenchmark <design> [threads] [targetDensity] [bins] [gammaScale] [seed]}
 * where design is an {@code .aux} path, a benchmark folder name such as {@code ibm02_stdcell}
 * (see {@link org.chipplace.netlist.Benchmarks}), or {@code synthetic:N} (a {@link SyntheticDesigns} design of N cells). Prints
 * iterations, HPWL, overflow and seconds.
 */
public final class GlobalPlacementBenchmark {
    private GlobalPlacementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String design = args.length > 0 ? args[0] : "synthetic:20000";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        double density = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
        int bins = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        double gammaScale = args.length > 4 ? Double.parseDouble(args[4]) : 8.0;
        long seed = args.length > 5 ? Long.parseLong(args[5]) : 1L;
        Netlist nl = load(design);
        Placement p = nl.initialPlacement();
        boolean[] movable = new boolean[nl.numNodes()];
        for (int v = 0; v < movable.length; v++) {
            movable[v] = nl.kind(v) == NodeKind.CELL || nl.kind(v) == NodeKind.MACRO;
        }
        GlobalPlacerOptions o = GlobalPlacerOptions.defaults().withThreads(threads);
        o = new GlobalPlacerOptions(density, o.targetOverflow(), o.maxIterations(), bins,
                gammaScale, o.initialDensityWeight(), o.initialPlacementIterations(), threads, seed);
        System.out.println(nl);
        System.out.printf("HPWL of the design's .pl: %.5e%n",
                org.chipplace.metrics.Hpwl.total(nl, p.x(), p.y()));
        GlobalPlacementResult r = GlobalPlacer.place(nl, p, movable, o, (stage, it, frac, hpwl, of) -> {
            if (it % 50 == 0) {
                System.out.printf("  iter %4d hpwl %.4e overflow %.4f%n", it, hpwl, of);
            }
        });
        System.out.printf("%s: iterations %d  HPWL %.5e  overflow %.4f  seconds %.2f%n", design, r.iterations(),
                r.hpwl(), r.overflow(), r.seconds());
        System.out.printf("check: unweighted HPWL (metrics) %.5e%n", org.chipplace.metrics.Hpwl.total(nl, p.x(), p.y()));
        System.out.printf("HPWL at node centres (pin offsets ignored) %.5e%n", centreHpwl(nl, p));
        System.out.println("min HPWL in trace " + Arrays.stream(r.hpwlTrace()).min().orElse(Double.NaN));
    }

    private static double centreHpwl(Netlist nl, Placement p) {
        double sum = 0;
        int[] nps = nl.netPinStart();
        int[] pn = nl.pinNode();
        for (int e = 0; e < nl.numNets(); e++) {
            double xl = Double.MAX_VALUE, xh = -Double.MAX_VALUE, yl = Double.MAX_VALUE, yh = -Double.MAX_VALUE;
            for (int k = nps[e]; k < nps[e + 1]; k++) {
                int v = pn[k];
                double x = p.x()[v] + nl.widths()[v] / 2, y = p.y()[v] + nl.heights()[v] / 2;
                xl = Math.min(xl, x);
                xh = Math.max(xh, x);
                yl = Math.min(yl, y);
                yh = Math.max(yh, y);
            }
            if (nps[e + 1] - nps[e] >= 2) {
                sum += xh - xl + yh - yl;
            }
        }
        return sum;
    }

    static Netlist load(String design) throws Exception {
        if (design.startsWith("synthetic:")) {
            return SyntheticDesigns.cells(Integer.parseInt(design.substring(10)), 64, 0.7, 7L);
        }
        java.nio.file.Path path = java.nio.file.Path.of(design);
        if (!path.toString().endsWith(".aux")) {
            path = org.chipplace.netlist.Benchmarks.aux(design).orElseThrow(
                    () -> new IllegalArgumentException(org.chipplace.netlist.Benchmarks.missingMessage(design)));
        }
        return org.chipplace.netlist.bookshelf.Bookshelf.read(path);
    }
}
