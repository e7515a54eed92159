package org.chipplace.placer;

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
}
