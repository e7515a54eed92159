package org.chipplace.placer;

import java.util.List;
import org.chipplace.metrics.MetricsReport;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;

/**
 * Result of {@link Placer#place}: the final placement, its metrics, a report per stage and the
 * global-placement traces.
 *
 * @param placement           the final placement (lower-left corners)
 * @param metrics             metrics of the final placement
 * @param stages              the stages in the order they ran
 * @param globalHpwlTrace     HPWL per global-placement iteration (empty when it did not run)
 * @param globalOverflowTrace density overflow per global-placement iteration
 * @param options             the options used
 * @param globalKeptIteration the 0-based iteration of the traces whose placement the global placement
 *                            returned (a guard may stop it and return an earlier iterate); -1 when none ran
 * @param globalPasses        every global-placement pass in the order it ran (mixed-size, then cells-only;
 *                            with a macro placer the cells-only pass of the candidate kept)
 * @param netlist             the design as placed: the input netlist, or, when macros were flipped
 *                            ({@link PlacerOptions#macroFlipping()}), the same netlist with the pin offsets
 *                            of the placement's orientations ({@link Netlist#reoriented}); measure the
 *                            placement against this one
 */
public record PlacementResult(Placement placement, MetricsReport metrics, List<StageReport> stages,
                              double[] globalHpwlTrace, double[] globalOverflowTrace, PlacerOptions options,
                              int globalKeptIteration, List<GlobalPass> globalPasses, Netlist netlist) {
    public PlacementResult {
        stages = List.copyOf(stages);
        globalPasses = List.copyOf(globalPasses);
    }

    /** Total wall time of all stages in seconds. */
    public double totalSeconds() {
        double s = 0;
        for (StageReport r : stages) {
            s += r.seconds();
        }
        return s;
    }
}
