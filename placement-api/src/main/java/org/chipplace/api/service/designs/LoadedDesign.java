package org.chipplace.api.service.designs;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.circuittraining.CtDesign;
import org.chipplace.netlist.lefdef.DefDesign;

/**
 * A design read for a job or for the viewer.
 *
 * @param netlist the netlist (database units of its format)
 * @param def     for a LEF/DEF design, the DEF as read (to write the placed DEF into); null otherwise
 * @param ct      for a Circuit Training netlist, the design as read (for the {@code .plc} and, with a
 *                floorplan, the placed DEF); null otherwise
 */
public record LoadedDesign(Netlist netlist, DefDesign def, CtDesign ct) {
    /** A Bookshelf or LEF/DEF design. */
    public LoadedDesign(Netlist netlist, DefDesign def) {
        this(netlist, def, null);
    }
}
