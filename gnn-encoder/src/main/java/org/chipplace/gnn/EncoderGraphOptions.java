package org.chipplace.gnn;

import org.chipplace.netlist.graph.GraphOptions;

/**
 * How a design becomes a graph for the encoder (stored with every checkpoint, so a loaded
 * encoder reads designs the way it was trained).
 *
 * @param mode      graph choice (default {@link GraphMode#AUTO})
 * @param minMacros {@link GraphMode#AUTO} uses the macro graph from this many macros on (default 8, at least 2)
 * @param graph     clique/star and hop settings of the JGraphT views (default {@link GraphOptions#defaults()})
 */
public record EncoderGraphOptions(GraphMode mode, int minMacros, GraphOptions graph) {

    public EncoderGraphOptions {
        if (mode == null || graph == null) {
            throw new IllegalArgumentException("mode and graph must not be null");
        }
        if (minMacros < 2) {
            throw new IllegalArgumentException("minMacros must be >= 2, got " + minMacros);
        }
    }

    /** AUTO, 8 macros, {@link GraphOptions#defaults()}. */
    public static EncoderGraphOptions defaults() {
        return new EncoderGraphOptions(GraphMode.AUTO, 8, GraphOptions.defaults());
    }

    public EncoderGraphOptions withMode(GraphMode m) {
        return new EncoderGraphOptions(m, minMacros, graph);
    }

    /** The concrete mode ({@link GraphMode#MACRO} or {@link GraphMode#FULL}) for a design with {@code numMacros} macros. */
    GraphMode resolve(int numMacros) {
        if (mode != GraphMode.AUTO) {
            return mode;
        }
        return numMacros >= minMacros ? GraphMode.MACRO : GraphMode.FULL;
    }
}
