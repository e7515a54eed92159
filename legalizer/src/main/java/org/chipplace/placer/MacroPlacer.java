package org.chipplace.placer;

import java.util.List;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;

/**
 * Places the movable macros of a design before the analytic stage places the standard cells.
 * Implementations: greedy and evolutionary search (offline-data), decision transformer
 * (policy-transformer). The placement returned must keep every macro inside the core; overlap
 * is removed afterwards by macro legalization, after which macros are fixed for global placement.
 */
public interface MacroPlacer {

    /** Short name as used by {@code --macro-placer} (for example {@code greedy}). */
    String name();

    /**
     * Writes positions for the movable macros of {@code netlist} into {@code placement} (lower-left
     * corners); positions of other nodes must be left as they are.
     *
     * @param netlist   the design
     * @param placement current placement (fixed objects at their final positions); updated in place
     * @param seed      random seed; the same seed gives the same result
     * @param progress  receives progress reports; never null
     */
    void placeMacros(Netlist netlist, Placement placement, long seed, ProgressListener progress);

    /**
     * Macro placements for the pipeline to choose from: {@link Placer} runs macro legalization and the
     * cell stages (cell-only global placement, legalization, detailed placement) on each and keeps the
     * one with the least final HPWL (the first on ties). Each is a separate placement (the given one is
     * not changed), macros placed as by {@link #placeMacros}, other nodes as given. The default is the
     * single result of {@link #placeMacros} on a copy.
     *
     * @return at least one candidate, in order of preference
     */
    default List<Placement> candidates(Netlist netlist, Placement placement, long seed, ProgressListener progress) {
        Placement c = placement.copy();
        placeMacros(netlist, c, seed, progress);
        return List.of(c);
    }
}
