/**
 * JGraphT views of a netlist ({@link org.chipplace.netlist.graph.NetlistGraphs} with
 * {@link org.chipplace.netlist.graph.GraphOptions}): the weighted clique/star graph of all nodes and
 * the macro subset graph (shared nets plus standard-cell hops), the graphs the circuit encoder of
 * ChiPFormer (Lai et al., ICML 2023) reads.
 */
package org.chipplace.netlist.graph;
