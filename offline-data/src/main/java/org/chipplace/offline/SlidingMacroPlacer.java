package org.chipplace.offline;

import java.util.Objects;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.placer.MacroPlacer;
import org.chipplace.placer.ProgressListener;
import org.chipplace.placer.legalize.LegalizerOptions;
import org.chipplace.placer.legalize.MacroLegalizer;

/**
 * A macro placer followed by a continuous refinement with the macros' exact sizes: the inner placer
 * (for example the grid-based {@link EaPlacer}, whose macros sit on grid cells with sizes rounded up
 * to whole cells) places the macros, {@link MacroLegalizer} snaps them to rows and sites, and then
 * each macro slides, one axis at a time, towards its position in the placement given to
 * {@link #placeMacros} (in the flow: the mixed-size global placement) while that keeps the placement
 * legal and lowers its HPWL plus the density term (standard-cell area under it, cells where they are;
 * see {@link MacroSlide}). This closes the gaps that the rounded grid footprints leave between macros
 * and undoes snapping displacement, without leaving the inner placer's solution where moving back
 * would cost wirelength or cover more cells. Deterministic for a given inner result.
 */
public final class SlidingMacroPlacer implements MacroPlacer {
    private final MacroPlacer inner;
    private final SlideOptions options;

    public SlidingMacroPlacer(MacroPlacer inner, SlideOptions options) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The inner placer's name (the refinement is part of it on the command line). */
    @Override
    public String name() {
        return inner.name();
    }

    public MacroPlacer inner() {
        return inner;
    }

    public SlideOptions options() {
        return options;
    }

    @Override
    public void placeMacros(Netlist netlist, Placement placement, long seed, ProgressListener progress) {
        int n = netlist.numNodes();
        double[] tx = placement.x().clone();
        double[] ty = placement.y().clone();
        inner.placeMacros(netlist, placement, seed, progress);
        boolean[] macros = new boolean[n];
        int count = 0;
        for (int v = 0; v < n; v++) {
            macros[v] = netlist.isMacro(v);
            count += macros[v] ? 1 : 0;
        }
        if (count == 0 || options.maxPasses() == 0) {
            return;
        }
        MacroLegalizer.legalize(netlist, placement, macros, LegalizerOptions.defaults().withThreads(1));
        int[] ids = new int[count];
        int k = 0;
        for (int v = 0; v < n; v++) {
            if (macros[v]) {
                ids[k++] = v;
            }
        }
        int g = options.grid();
        double cw = (netlist.coreXh() - netlist.coreXl()) / g;
        double ch = (netlist.coreYh() - netlist.coreYl()) / g;
        double[] area = CellDensityKernel.cellArea(netlist, placement, g, netlist.coreXl(), netlist.coreYl(), cw, ch);
        double[] prefix = new double[(g + 1) * (g + 1)];
        CellDensityKernel.prefixSums(area, g, prefix);
        double rowHeight = netlist.rowHeight() > 0 ? netlist.rowHeight() : ch;
        int moves = MacroSlide.refine(netlist, placement, ids, tx, ty, prefix, g,
                options.densityWeight() / rowHeight, options.maxPasses());
        progress.report("macro", moves, 1.0, Double.NaN, Double.NaN);
    }
}
