/**
 * Seeded synthetic mixed-size designs ({@link org.chipplace.netlist.synthetic.SyntheticCircuits}
 * with {@link org.chipplace.netlist.synthetic.SyntheticOptions}): rows, movable macros and cells,
 * boundary pads, and nets with Rent's-rule-like locality (Landman and Russo, 1971: a net spans an
 * aligned block of a recursive bisection with probability falling with the block size). The one
 * generator of the project: the {@code generate} command, {@code dataset generate --synthetic} and
 * the tests of every module use it.
 */
package org.chipplace.netlist.synthetic;
