/**
 * The netlist model shared by every module: {@link org.chipplace.netlist.Netlist} (structure of
 * arrays, nets as CSR pin ranges), built with {@link org.chipplace.netlist.NetlistBuilder}, with
 * {@link org.chipplace.netlist.Placement}, {@link org.chipplace.netlist.Row},
 * {@link org.chipplace.netlist.NodeKind}, the parse error {@link org.chipplace.netlist.NetlistParseException}
 * and the benchmark folder lookup {@link org.chipplace.netlist.Benchmarks}.
 *
 * <p>Formats and views live in sub-packages: {@code bookshelf} (GSRC/ISPD Bookshelf),
 * {@code lefdef} (LEF/DEF 5.8), {@code circuittraining} (Circuit Training {@code .pb.txt} netlists and
 * {@code .plc} placements), {@code graph} (JGraphT views) and {@code synthetic} (seeded Rent's-rule
 * designs).
 */
package org.chipplace.netlist;
