package org.chipplace.placer;

import java.util.List;
import org.chipplace.netlist.Netlist;
import org.chipplace.placer.global.GlobalPlacementResult;

/**
 * A macro candidate after the cell stages ({@link Placer#finishCandidate}).
 *
 * @param netlist    the design with the pin offsets of the final macro and cell orientations
 * @param stages     {@code macro}, {@code global}, {@code legalize} and (when enabled) {@code detailed},
 *                   each with its seconds and the HPWL after it (design units)
 * @param cellGlobal the cells' global placement around the fixed macros (its traces)
 */
public record FinishedCandidate(Netlist netlist, List<StageReport> stages, GlobalPlacementResult cellGlobal) {
    /** The final HPWL: that after the last stage (design units). */
    public double hpwl() {
        return stages.get(stages.size() - 1).hpwl();
    }
}
