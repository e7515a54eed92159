package org.chipplace.offline.experts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 *
 * <p>{@link #candidates} offers one refinement per density weight of {@link SlideOptions#densityWeights()}
 * (all from the same inner result), so that the pipeline can pick among them by the HPWL after the
 * cell stages (see {@link org.chipplace.placer.Placer}).
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
        Placement c = candidates(netlist, placement, seed, progress, 1).get(0);
        System.arraycopy(c.x(), 0, placement.x(), 0, netlist.numNodes());
        System.arraycopy(c.y(), 0, placement.y(), 0, netlist.numNodes());
        System.arraycopy(c.orient(), 0, placement.orient(), 0, netlist.numNodes());
    }

    /**
     * One inner placement, legalized, refined once per {@link SlideOptions#densityWeights()} weight and
     * its {@link SlideOptions#pulls()} pull (in that order; a refinement equal to an earlier candidate is
     * left out).
     */
    @Override
    public List<Placement> candidates(Netlist netlist, Placement placement, long seed, ProgressListener progress) {
        return candidates(netlist, placement, seed, progress, options.densityWeights().size());
    }

    private List<Placement> candidates(Netlist netlist, Placement placement, long seed, ProgressListener progress,
                                       int count) {
        int n = netlist.numNodes();
        Placement base = placement.copy();
        inner.placeMacros(netlist, base, seed, progress);
        boolean[] macros = new boolean[n];
        int m = 0;
        for (int v = 0; v < n; v++) {
            macros[v] = netlist.isMacro(v);
            m += macros[v] ? 1 : 0;
        }
        List<Placement> out = new ArrayList<>();
        if (m == 0 || options.maxPasses() == 0) {
            out.add(base);
            return out;
        }
        MacroLegalizer.legalize(netlist, base, macros, LegalizerOptions.defaults().withThreads(1));
        int[] ids = new int[m];
        int k = 0;
        for (int v = 0; v < n; v++) {
            if (macros[v]) {
                ids[k++] = v;
            }
        }
        int g = options.grid();
        double cw = (netlist.coreXh() - netlist.coreXl()) / g;
        double ch = (netlist.coreYh() - netlist.coreYl()) / g;
        double[] area = CellDensityKernel.cellArea(netlist, base, g, netlist.coreXl(), netlist.coreYl(), cw, ch);
        double[] prefix = new double[(g + 1) * (g + 1)];
        CellDensityKernel.prefixSums(area, g, prefix);
        double rowHeight = netlist.rowHeight() > 0 ? netlist.rowHeight() : ch;
        for (int i = 0; i < count; i++) {
            Placement c = base.copy();
            int moves = MacroSlide.refine(netlist, c, ids, placement.x(), placement.y(), prefix, g,
                    options.densityWeights().get(i) / rowHeight, options.pulls().get(i), options.maxPasses());
            progress.report("macro", moves, 1.0, Double.NaN, Double.NaN);
            boolean seen = false;
            for (Placement o : out) {
                seen |= Arrays.equals(o.x(), c.x()) && Arrays.equals(o.y(), c.y());
            }
            if (!seen) {
                out.add(c);
            }
        }
        return out;
    }
}
