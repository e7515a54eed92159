package org.chipplace.api.service.designs;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.lefdef.DefDesign;

/**
 * A design read for a job or for the viewer.
 *
 * @param netlist the netlist (database units of its format)
 * @param def     for a LEF/DEF design, the DEF as read (to write the placed DEF into); null for Bookshelf
 */
public record LoadedDesign(Netlist netlist, DefDesign def) {
}
