/**
 * LEF/DEF reader and writer (the Si2 LEF/DEF 5.8 language reference, as written by OpenROAD):
 * technology and cell LEF ({@link org.chipplace.netlist.lefdef.LefLibrary}: sites, macros, pins)
 * and a DEF's die area, rows, components, pins and nets, turned into the same
 * {@link org.chipplace.netlist.Netlist} model as Bookshelf
 * ({@link org.chipplace.netlist.lefdef.DefDesign}), and the placed DEF written back. The facade is
 * {@link org.chipplace.netlist.lefdef.LefDef}.
 */
package org.chipplace.netlist.lefdef;
