package org.chipplace.api.service.jobs;

import org.chipplace.netlist.Netlist;
import org.chipplace.placer.MacroPlacer;
import org.chipplace.placer.PlacementResult;
import org.chipplace.placer.Placer;
import org.chipplace.placer.PlacerOptions;
import org.chipplace.placer.ProgressListener;
import org.springframework.stereotype.Component;

/** The one place where the service calls the placement pipeline ({@link Placer#place}). */
@Component
public class PlacementEngine {

    /** Runs the whole pipeline; {@code macroPlacer} null lets global placement move the macros. */
    public PlacementResult place(Netlist netlist, PlacerOptions options, MacroPlacer macroPlacer,
                                 ProgressListener progress) {
        return Placer.place(netlist, options, macroPlacer, progress);
    }
}
