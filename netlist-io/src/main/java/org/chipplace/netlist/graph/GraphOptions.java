package org.chipplace.netlist.graph;

/**
 * Options of the {@link NetlistGraphs} views.
 *
 * @param cliqueMaxDegree nets with at most this many pins use the clique model in
 *                        {@link NetlistGraphs#weightedGraph}, larger ones a star (default 10, at least 2)
 * @param maxHops         {@link NetlistGraphs#subsetGraph}: two kept nodes are linked when a path of at
 *                        most this many nets joins them through non-kept nodes (default 2, at least 1;
 *                        1 means only directly shared nets)
 * @param maxNetDegree    {@link NetlistGraphs#subsetGraph}: nets with more pins are not expanded through
 *                        (default 100, at least 2)
 * @param hopDecay        {@link NetlistGraphs#subsetGraph}: a link through {@code h} nets weighs
 *                        {@code hopDecay^(h-1)} per path end (default 0.5, in (0, 1])
 */
public record GraphOptions(int cliqueMaxDegree, int maxHops, int maxNetDegree, double hopDecay) {

    public GraphOptions {
        if (cliqueMaxDegree < 2) {
            throw new IllegalArgumentException("cliqueMaxDegree must be >= 2, got " + cliqueMaxDegree);
        }
        if (maxHops < 1) {
            throw new IllegalArgumentException("maxHops must be >= 1, got " + maxHops);
        }
        if (maxNetDegree < 2) {
            throw new IllegalArgumentException("maxNetDegree must be >= 2, got " + maxNetDegree);
        }
        if (!(hopDecay > 0 && hopDecay <= 1)) {
            throw new IllegalArgumentException("hopDecay must be in (0, 1], got " + hopDecay);
        }
    }

    /** cliqueMaxDegree 10, maxHops 2, maxNetDegree 100, hopDecay 0.5. */
    public static GraphOptions defaults() {
        return new GraphOptions(10, 2, 100, 0.5);
    }

    public GraphOptions withCliqueMaxDegree(int v) {
        return new GraphOptions(v, maxHops, maxNetDegree, hopDecay);
    }

    public GraphOptions withMaxHops(int v) {
        return new GraphOptions(cliqueMaxDegree, v, maxNetDegree, hopDecay);
    }

    public GraphOptions withMaxNetDegree(int v) {
        return new GraphOptions(cliqueMaxDegree, maxHops, v, hopDecay);
    }
}
