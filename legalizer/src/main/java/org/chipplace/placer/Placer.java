package org.chipplace.placer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.chipplace.metrics.Hpwl;
import org.chipplace.metrics.Metrics;
import org.chipplace.metrics.MetricsOptions;
import org.chipplace.metrics.MetricsReport;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.placer.detailed.DetailedPlacer;
import org.chipplace.placer.detailed.DetailedPlacerOptions;
import org.chipplace.placer.global.GlobalPlacementResult;
import org.chipplace.placer.global.GlobalPlacer;
import org.chipplace.placer.global.GlobalPlacerOptions;
import org.chipplace.placer.legalize.CellLegalizer;
import org.chipplace.placer.legalize.LegalizerOptions;
import org.chipplace.placer.legalize.MacroLegalizer;

/**
 * The placement pipeline: macro placement (optional) -> global placement -> macro legalization ->
 * (cell-only global placement refinement) -> cell legalization -> detailed placement -> metrics.
 *
 * <p>Without a macro placer, macros move in the mixed-size global placement (ePlace-MS style) and
 * are legalized afterwards; with one, macros are placed and legalized first and stay fixed while
 * the cells are placed around them. Stages: {@code macro}, {@code global}, {@code macro-legalize},
 * {@code global-cells}, {@code legalize}, {@code detailed}.
 */
public final class Placer {
    private Placer() {
    }

    /**
     * Places {@code netlist} starting from its initial placement (fixed objects keep their positions).
     *
     * @param netlist     the design
     * @param options     pipeline options
     * @param macroPlacer places the macros first, or null to let global placement move them
     * @param progress    progress reports of every stage (may be null)
     * @return the final placement, its metrics and per-stage reports
     * @throws org.chipplace.placer.legalize.LegalizationException when the design cannot be legalized
     */
    public static PlacementResult place(Netlist netlist, PlacerOptions options, MacroPlacer macroPlacer,
                                        ProgressListener progress) {
        Objects.requireNonNull(netlist, "netlist");
        Objects.requireNonNull(options, "options");
        ProgressListener pl = progress == null ? ProgressListener.NONE : progress;
        Placement p = netlist.initialPlacement();
        List<StageReport> stages = new ArrayList<>();
        int n = netlist.numNodes();
        boolean[] macros = new boolean[n];
        boolean[] cells = new boolean[n];
        for (int v = 0; v < n; v++) {
            macros[v] = netlist.isMacro(v);
            cells[v] = netlist.isMovable(v) && !macros[v];
        }
        boolean hasMacros = netlist.numMacros() > 0;
        LegalizerOptions lgOptions = LegalizerOptions.defaults().withThreads(options.effectiveThreads());
        GlobalPlacerOptions gpOptions = new GlobalPlacerOptions(options.targetDensity(), options.targetOverflow(),
                GlobalPlacerOptions.defaults().maxIterations(), 0, GlobalPlacerOptions.defaults().gammaScale(), 0,
                GlobalPlacerOptions.defaults().initialPlacementIterations(), options.threads(), options.seed());

        boolean macrosFixedForGp = false;
        if (hasMacros && macroPlacer != null) {
            long t = System.nanoTime();
            macroPlacer.placeMacros(netlist, p, options.seed(), pl);
            MacroLegalizer.legalize(netlist, p, macros, lgOptions);
            stages.add(stage("macro", t, netlist, p));
            macrosFixedForGp = true;
        }

        double[] hpwlTrace = new double[0];
        double[] overflowTrace = new double[0];
        boolean[] gpMovable = macrosFixedForGp || !hasMacros ? cells : union(cells, macros);
        long t = System.nanoTime();
        GlobalPlacementResult gp = GlobalPlacer.place(netlist, p, gpMovable, gpOptions, pl);
        hpwlTrace = gp.hpwlTrace();
        overflowTrace = gp.overflowTrace();
        stages.add(stage("global", t, netlist, p));

        if (hasMacros && !macrosFixedForGp) {
            t = System.nanoTime();
            MacroLegalizer.legalize(netlist, p, macros, lgOptions);
            stages.add(stage("macro-legalize", t, netlist, p));
            if (options.refineCellsAfterMacros()) {
                t = System.nanoTime();
                GlobalPlacer.place(netlist, p, cells, new GlobalPlacerOptions(gpOptions.targetDensity(),
                        gpOptions.targetOverflow(), gpOptions.maxIterations(), 0, gpOptions.gammaScale(), 0, 0,
                        gpOptions.threads(), gpOptions.seed()), pl);
                stages.add(stage("global-cells", t, netlist, p));
            }
        }

        t = System.nanoTime();
        pl.report("legalize", 0, 0, Double.NaN, Double.NaN);
        CellLegalizer.legalize(netlist, p, lgOptions);
        stages.add(stage("legalize", t, netlist, p));

        if (options.detailedPlacement()) {
            t = System.nanoTime();
            pl.report("detailed", 0, 0, Double.NaN, Double.NaN);
            DetailedPlacer.improve(netlist, p,
                    DetailedPlacerOptions.defaults().withThreads(options.effectiveThreads()));
            stages.add(stage("detailed", t, netlist, p));
        }
        MetricsReport metrics = Metrics.evaluate(netlist, p,
                MetricsOptions.defaults().withTargetDensity(options.targetDensity()));
        return new PlacementResult(p, metrics, stages, hpwlTrace, overflowTrace, options);
    }

    private static boolean[] union(boolean[] a, boolean[] b) {
        boolean[] u = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            u[i] = a[i] || b[i];
        }
        return u;
    }

    private static StageReport stage(String name, long startNanos, Netlist netlist, Placement p) {
        double seconds = (System.nanoTime() - startNanos) * 1e-9;
        return new StageReport(name, seconds, Hpwl.total(netlist, p.x(), p.y()));
    }
}
