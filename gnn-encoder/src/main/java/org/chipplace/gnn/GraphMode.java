package org.chipplace.gnn;

/**
 * Which graph of a design the encoder reads.
 *
 * <ul>
 *   <li>{@link #MACRO}: the movable macros, linked through shared nets and short standard-cell paths
 *       ({@link org.chipplace.netlist.graph.NetlistGraphs#subsetGraph}).</li>
 *   <li>{@link #FULL}: every node plus one virtual hub per large net
 *       ({@link org.chipplace.netlist.graph.NetlistGraphs#weightedGraph}).</li>
 *   <li>{@link #AUTO}: {@link #MACRO} when the design has at least
 *       {@link EncoderGraphOptions#minMacros()} macros, otherwise {@link #FULL}.</li>
 * </ul>
 */
public enum GraphMode {
    AUTO, MACRO, FULL
}
