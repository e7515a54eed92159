package org.chipplace.netlist.graph;

import java.util.Arrays;
import org.chipplace.netlist.Netlist;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * JGraphT views of a {@link Netlist} for graph algorithms and GNN feature building (not for hot
 * loops: vertices are boxed node indices). All graphs are undirected {@link SimpleWeightedGraph}s
 * without self loops; several contributions to the same vertex pair are summed into one edge.
 */
public final class NetlistGraphs {
    private NetlistGraphs() {
    }

    /**
     * Weighted graph of all nodes (vertex {@code v} = node index). A net {@code e} with weight
     * {@code w} and {@code d >= 2} pins contributes:
     * <ul>
     *   <li>if {@code d <= opt.cliqueMaxDegree()} (clique model): {@code w / (d - 1)} for every pair of
     *       its pins on different nodes;</li>
     *   <li>otherwise (star model): a virtual vertex {@code numNodes + e} and, for every pin,
     *       {@code w * d / (d - 1)} on the edge between the pin's node and that vertex. This is the
     *       star weight that makes the star's quadratic wirelength equal to the clique's once the
     *       virtual vertex sits at the mean of the pins (Viswanathan and Chu, FastPlace, ISPD 2004).</li>
     * </ul>
     * Nets with fewer than two pins contribute nothing. Vertex ids {@code >= numNodes} exist only
     * for star nets.
     */
    public static Graph<Integer, DefaultWeightedEdge> weightedGraph(Netlist nl, GraphOptions opt) {
        Graph<Integer, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        int n = nl.numNodes();
        for (int v = 0; v < n; v++) {
            g.addVertex(v);
        }
        int[] nps = nl.netPinStart();
        int[] pinNode = nl.pinNode();
        double[] weight = nl.netWeights();
        for (int e = 0; e < nl.numNets(); e++) {
            int d = nps[e + 1] - nps[e];
            if (d < 2) {
                continue;
            }
            if (d <= opt.cliqueMaxDegree()) {
                double w = weight[e] / (d - 1);
                for (int p = nps[e]; p < nps[e + 1]; p++) {
                    for (int q = p + 1; q < nps[e + 1]; q++) {
                        add(g, pinNode[p], pinNode[q], w);
                    }
                }
            } else {
                double w = weight[e] * d / (d - 1);
                int hub = n + e;
                g.addVertex(hub);
                for (int p = nps[e]; p < nps[e + 1]; p++) {
                    add(g, pinNode[p], hub, w);
                }
            }
        }
        return g;
    }

    /**
     * Graph over the nodes with {@code keep[v]} true (for example the macros). Weight of the edge
     * between kept nodes {@code s} and {@code t}:
     * <ul>
     *   <li>direct part: {@code w / (d - 1)} for every pair of pins of {@code s} and {@code t} on a
     *       shared net (weight {@code w}, {@code d} pins, any degree: the cost is quadratic in the kept
     *       pins of a net, fine for macro subsets);</li>
     *   <li>indirect part (when {@code opt.maxHops() >= 2}): a breadth-first search from {@code s}
     *       through non-kept nodes only, over nets of at most {@code opt.maxNetDegree()} pins, finds
     *       each non-kept {@code u} at its least net distance {@code h} ({@code 1 <= h < maxHops}).
     *       Every distinct non-kept {@code u} that shares such a net with {@code t} adds
     *       {@code hopDecay^h / 2} (the path has {@code h + 1} nets); the search from {@code t} adds
     *       its own half, so the weight does not depend on which end is searched. Example: two macros joined only through
     *       one standard cell get {@code hopDecay}; through three distinct cells {@code 3 * hopDecay}.</li>
     * </ul>
     * Pairs with zero total weight get no edge. Cost: one search of depth {@code maxHops - 1} per kept
     * node, bounded by the degree cap (milliseconds for the macros of ibm01).
     */
    public static Graph<Integer, DefaultWeightedEdge> subsetGraph(Netlist nl, boolean[] keep, GraphOptions opt) {
        int n = nl.numNodes();
        if (keep.length != n) {
            throw new IllegalArgumentException("keep has " + keep.length + " entries, netlist " + n + " nodes");
        }
        Graph<Integer, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (int v = 0; v < n; v++) {
            if (keep[v]) {
                g.addVertex(v);
            }
        }
        int[] nps = nl.netPinStart();
        int[] pinNode = nl.pinNode();
        double[] weight = nl.netWeights();
        for (int e = 0; e < nl.numNets(); e++) {
            int d = nps[e + 1] - nps[e];
            if (d < 2) {
                continue;
            }
            double w = weight[e] / (d - 1);
            for (int p = nps[e]; p < nps[e + 1]; p++) {
                if (keep[pinNode[p]]) {
                    for (int q = p + 1; q < nps[e + 1]; q++) {
                        if (keep[pinNode[q]]) {
                            add(g, pinNode[p], pinNode[q], w);
                        }
                    }
                }
            }
        }
        if (opt.maxHops() >= 2) {
            addIndirect(nl, keep, opt, g);
        }
        return g;
    }

    private static void addIndirect(Netlist nl, boolean[] keep, GraphOptions opt, Graph<Integer, DefaultWeightedEdge> g) {
        int n = nl.numNodes();
        int[] nps = nl.netPinStart();
        int[] pinNode = nl.pinNode();
        int[] nodePinStart = nl.nodePinStart();
        int[] nodePins = nl.nodePins();
        int[] netOfPin = new int[nl.numPins()];
        for (int e = 0; e < nl.numNets(); e++) {
            Arrays.fill(netOfPin, nps[e], nps[e + 1], e);
        }
        int cap = opt.maxNetDegree();
        int[] visitStamp = new int[n]; // == stamp when reached in the search from the current source
        int[] dist = new int[n];
        int[] queue = new int[n];
        int[] tStamp = new int[n]; // (u, t) pairs already counted for the current u
        int stamp = 0;
        int uStamp = 0;
        double[] decayPow = new double[opt.maxHops()];
        decayPow[0] = 1;
        for (int h = 1; h < decayPow.length; h++) {
            decayPow[h] = decayPow[h - 1] * opt.hopDecay();
        }
        for (int s = 0; s < n; s++) {
            if (!keep[s]) {
                continue;
            }
            stamp++;
            int head = 0;
            int tail = 0;
            visitStamp[s] = stamp;
            dist[s] = 0;
            queue[tail++] = s;
            while (head < tail) {
                int a = queue[head++];
                int h = dist[a];
                if (a != s) {
                    // count kept neighbours t of the non-kept node a, once per (a, t)
                    uStamp++;
                    for (int k = nodePinStart[a]; k < nodePinStart[a + 1]; k++) {
                        int e = netOfPin[nodePins[k]];
                        if (nps[e + 1] - nps[e] > cap) {
                            continue;
                        }
                        for (int q = nps[e]; q < nps[e + 1]; q++) {
                            int t = pinNode[q];
                            if (keep[t] && t != s && tStamp[t] != uStamp) {
                                tStamp[t] = uStamp;
                                add(g, s, t, 0.5 * decayPow[h]);
                            }
                        }
                    }
                }
                if (h + 1 >= opt.maxHops()) {
                    continue;
                }
                for (int k = nodePinStart[a]; k < nodePinStart[a + 1]; k++) {
                    int e = netOfPin[nodePins[k]];
                    if (nps[e + 1] - nps[e] > cap) {
                        continue;
                    }
                    for (int q = nps[e]; q < nps[e + 1]; q++) {
                        int b = pinNode[q];
                        if (!keep[b] && visitStamp[b] != stamp) {
                            visitStamp[b] = stamp;
                            dist[b] = h + 1;
                            queue[tail++] = b;
                        }
                    }
                }
            }
        }
    }

    private static void add(Graph<Integer, DefaultWeightedEdge> g, int u, int v, double w) {
        if (u == v) {
            return;
        }
        DefaultWeightedEdge edge = g.getEdge(u, v);
        if (edge == null) {
            edge = g.addEdge(u, v);
            g.setEdgeWeight(edge, w);
        } else {
            g.setEdgeWeight(edge, g.getEdgeWeight(edge) + w);
        }
    }
}
