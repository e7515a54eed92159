package org.chipplace.offline.datasets;

import java.util.Objects;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.offline.env.Trajectory;
import org.chipplace.placer.Placer;
import org.chipplace.placer.PlacerOptions;
import org.chipplace.placer.ProgressListener;

/**
 * Labels macro placements of one design with the HPWL that the whole flow ends at when their macros
 * are kept: the macro-placement label that decides what a user gets, rather than the macro HPWL of
 * the environment. The cells start where the cell-aware flow has them when a macro placer runs (the
 * mixed-size global placement, {@link Placer#mixedGlobal}, computed once per labeller with the
 * options' seed); each placement is then finished exactly as the flow finishes a macro placer's
 * candidate ({@link Placer#finishCandidate}: macro legalization, flips, the cells' global placement,
 * legalization, detailed placement). The label of a trajectory is the final HPWL of its macros so
 * finished, in design units. Deterministic for given options.
 */
public final class FlowLabeller {
    private final Netlist netlist;
    private final PlacerOptions options;
    private final Placement context;

    /**
     * Runs the design's mixed-size global placement once (fixed nodes at their initial positions).
     *
     * @param options flow options (seed, threads, target densities)
     */
    public FlowLabeller(Netlist netlist, PlacerOptions options, ProgressListener progress) {
        this.netlist = Objects.requireNonNull(netlist, "netlist");
        this.options = Objects.requireNonNull(options, "options");
        this.context = Placer.mixedGlobal(netlist, netlist.initialPlacement(), options, progress);
    }

    public Netlist netlist() {
        return netlist;
    }

    /** The mixed-size global placement the labels start from (a copy). */
    public Placement context() {
        return context.copy();
    }

    /** The flow's final HPWL with the macros where the analytic context has them (the analytic candidate). */
    public double analytic() {
        return Placer.finishCandidate(netlist, context.copy(), options, ProgressListener.NONE).hpwl();
    }

    /**
     * The flow's final HPWL with the macros where {@code t} puts them (replayed on the design at its
     * grid and order; lower-left corners on the grid as {@link MacroEnv#writePlacement} writes them).
     *
     * @throws DatasetFormatException when {@code t} was recorded on another design (its hash differs)
     */
    public double label(Trajectory t) {
        MacroEnv env = new MacroEnv(netlist, netlist.initialPlacement(), EnvOptions.defaults().withGrid(t.grid()));
        if (!env.designHash().equals(t.designHash())) {
            throw new DatasetFormatException("trajectory of " + t.designName() + " was recorded on another design "
                    + "than " + netlist.name() + " (design hash differs)");
        }
        env.reset(t.order());
        for (int a : t.actions()) {
            env.step(a);
        }
        Placement q = context.copy();
        env.writePlacement(q);
        return Placer.finishCandidate(netlist, q, options, ProgressListener.NONE).hpwl();
    }

    /** {@code t} with its {@link Trajectory#flowHpwl()} label set by {@link #label}. */
    public Trajectory labelled(Trajectory t) {
        return t.withFlowHpwl(label(t));
    }
}
