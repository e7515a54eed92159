package org.chipplace.placer.global;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.parallel.Parallel;
import org.chipplace.placer.ProgressListener;

/**
 * Electrostatic global placement after ePlace (Lu et al., TODAES 2015) and RePlAce (Cheng et al.,
 * TCAD 2019): weighted-average wirelength plus lambda times the electrostatic density energy, with
 * filler cells, minimised by Nesterov's method with Lipschitz step prediction and backtracking.
 *
 * <p>Schedules (RePlAce): the WA smoothing is {@code gamma = gammaScale * binSize * 10^(20/9 tau - 11/9)}
 * with the overflow {@code tau} clamped to [0.1, 1] (so gamma goes from 10 to 0.1 times
 * {@code gammaScale * binSize}); the density weight starts at {@code 8e-5 * |grad W|_1 / |grad N|_1}
 * and is multiplied every iteration by {@code mu = 1.05^(1 - dHPWL / ref)} clamped to [0.95, 1.05]
 * ({@code mu = 1.05} when HPWL decreased), with {@code ref} 2% of the current HPWL (0.5% when macros
 * move; at least that fraction of sum(net weight) * binSize; RePlAce uses a fixed reference HPWL, which does not carry over between designs of different
 * sizes). The initial placement is {@link QuadraticPlacer}'s bound-to-bound model. A refinement
 * ({@link GlobalPlacerOptions#initialPlacementIterations()} 0, e.g. ePlace-MS's cGP after macro
 * legalization) keeps the given positions, first lets the fillers alone settle into the whitespace
 * (filler-only placement, as in ePlace-MS) and starts at {@link #Schedule#REFINEMENT_LAMBDA_SCALE} times the
 * automatic density weight. The schedules and stopping rules live in {@link Schedule}.
 */
public final class GlobalPlacer {
    static final double JITTER_BINS = 0.1;
    static final int REPORT_EVERY = 10;

    private GlobalPlacer() {
    }

    /**
     * Globally places the nodes with {@code movable[v]} (lower-left positions of {@code placement} are
     * updated in place); all other nodes stay where they are: those overlapping the core, except
     * {@code FIXED_NI} ones, are density obstacles, the others only contribute pins.
     *
     * @param netlist   the design
     * @param placement start and result; only movable nodes are written
     * @param movable   per node, whether it moves (normally all cells, plus macros when no macro placer ran)
     * @param options   options
     * @param progress  receives ("global", iteration, fraction, hpwl, overflow) about every 10 iterations
     * @return iterations, final HPWL and overflow, time and per-iteration traces
     */
    public static GlobalPlacementResult place(Netlist netlist, Placement placement, boolean[] movable,
                                              GlobalPlacerOptions options, ProgressListener progress) {
        Objects.requireNonNull(netlist, "netlist");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(movable, "movable");
        Objects.requireNonNull(options, "options");
        ProgressListener pl = progress == null ? ProgressListener.NONE : progress;
        long t0 = System.nanoTime();
        PlacementModel model = new PlacementModel(netlist, placement, movable);
        if (model.numReal == 0) {
            double hpwl = model.hpwl(model.cx, model.cy);
            return new GlobalPlacementResult(0, hpwl, 0, seconds(t0), new double[0], new double[0], -1);
        }
        try (Parallel par = new Parallel(options.effectiveThreads())) {
            int m = options.binsPerSide() > 0 ? options.binsPerSide() : autoBins(model.numReal);
            DensityModel dens = new DensityModel(netlist, placement, movable, m, options.targetDensity(), par);
            QuadraticPlacer.place(model, options.initialPlacementIterations(), options.seed(), par);
            SplittableRandom rnd = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
            jitter(model, JITTER_BINS * dens.binW, JITTER_BINS * dens.binH, rnd);
            addFillers(model, dens, options.targetDensity(), rnd);
            model.sortSpatially(m); // neighbours in memory: the kernels walk objects in index order
            dens.bind(model);
            Objective f = new Objective(model, dens, par);
            Nesterov nes = new Nesterov(model, f, options, pl);
            nes.run();
            Placement early = null;
            if (nes.earlyX() != null) {
                early = placement.copy();
                model.writeBack(early, nes.earlyX(), nes.earlyY());
            }
            model.writeBack(placement, nes.x(), nes.y());
            double hpwl = model.hpwl(nes.x(), nes.y());
            int it = nes.iterations();
            return new GlobalPlacementResult(it, hpwl, nes.overflow(), seconds(t0),
                    Arrays.copyOf(nes.hpwlTrace(), it), Arrays.copyOf(nes.overflowTrace(), it),
                    nes.keptIteration(), early, early == null ? -1 : nes.earlyKeptIteration());
        }
    }

    /**
     * Seeded uniform jitter of the real objects after the quadratic placement, which may stack objects on
     * exactly the same point (all connected to one fixed pin); the symmetric stack would feel no
     * spreading force.
     */
    static void jitter(PlacementModel model, double dx, double dy, SplittableRandom rnd) {
        for (int o = 0; o < model.numReal; o++) {
            model.cx[o] += (rnd.nextDouble() - 0.5) * dx;
            model.cy[o] += (rnd.nextDouble() - 0.5) * dy;
        }
        model.clamp(0, model.numReal, model.cx, model.cy);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) * 1e-9;
    }

    /** The power of two nearest to sqrt(n) (in log scale), clamped to [32, 1024]. */
    static int autoBins(int numMovable) {
        double l = Math.log(Math.sqrt(Math.max(1, numMovable))) / Math.log(2);
        int m = 1 << (int) Math.round(l);
        return Math.max(32, Math.min(1024, m));
    }

    /**
     * ePlace fillers: their total area fills the free core area up to the target density; their size is
     * the mean width and height of the cells between the 5th and 95th area percentiles.
     */
    static void addFillers(PlacementModel model, DensityModel dens, double target, SplittableRandom rnd) {
        double charge = 0;
        int cells = 0;
        for (int o = 0; o < model.numReal; o++) {
            charge += model.w[o] * model.h[o] * (model.objMacro[o] ? target : 1.0);
            if (!model.objMacro[o]) {
                cells++;
            }
        }
        double fillArea = target * dens.freeArea() - charge;
        double fw = dens.binW, fh = dens.binH;
        if (cells > 0) {
            double[] a = new double[cells];
            int[] idx = new int[cells];
            int k = 0;
            for (int o = 0; o < model.numReal; o++) {
                if (!model.objMacro[o]) {
                    idx[k++] = o;
                }
            }
            Integer[] order = new Integer[cells];
            for (int i = 0; i < cells; i++) {
                order[i] = i;
                a[i] = model.w[idx[i]] * model.h[idx[i]];
            }
            Arrays.sort(order, (i, j) -> Double.compare(a[i], a[j]));
            int lo = (int) (0.05 * cells), hi = Math.max(lo + 1, (int) (0.95 * cells));
            double sw = 0, sh = 0;
            for (int i = lo; i < hi; i++) {
                sw += model.w[idx[order[i]]];
                sh += model.h[idx[order[i]]];
            }
            if (sw > 0 && sh > 0) {
                fw = sw / (hi - lo);
                fh = sh / (hi - lo);
            }
        }
        int count = fillArea > 0 ? (int) Math.floor(fillArea / (fw * fh)) : 0;
        model.addFillers(count, fw, fh, rnd);
    }
}
