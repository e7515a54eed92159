package org.chipplace.netlist.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Row;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.chipplace.netlist.testing.BenchmarkDesigns;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;

class NetlistGraphsTest {

    /** Six 1x1 cells; nets: {0,1,2} w3, {0,1} w1, {2,3,4,5} w2, {5} w1. */
    private static Netlist tiny() {
        NetlistBuilder b = new NetlistBuilder("g");
        for (int v = 0; v < 6; v++) {
            b.addMovable("c" + v, 1, 1);
        }
        int[][] nets = {{0, 1, 2}, {0, 1}, {2, 3, 4, 5}, {5}};
        double[] w = {3, 1, 2, 1};
        for (int e = 0; e < nets.length; e++) {
            b.addNet("e" + e, w[e]);
            for (int v : nets[e]) {
                b.addPin(v, 0, 0, Netlist.DIR_INPUT);
            }
        }
        return b.build();
    }

    private static double weight(Graph<Integer, DefaultWeightedEdge> g, int u, int v) {
        DefaultWeightedEdge e = g.getEdge(u, v);
        return e == null ? 0 : g.getEdgeWeight(e);
    }

    @Test
    void cliqueWeightsAreNetWeightOverDegreeMinusOneAndSummed() {
        Graph<Integer, DefaultWeightedEdge> g = NetlistGraphs.weightedGraph(tiny(), GraphOptions.defaults());

        assertThat(g.vertexSet()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        assertThat(weight(g, 0, 1)).isEqualTo(3.0 / 2 + 1.0);
        assertThat(weight(g, 0, 2)).isEqualTo(1.5);
        assertThat(weight(g, 1, 2)).isEqualTo(1.5);
        assertThat(weight(g, 3, 5)).isEqualTo(2.0 / 3);
        assertThat(weight(g, 2, 4)).isEqualTo(2.0 / 3);
        assertThat(g.edgeSet()).hasSize(3 + 6);
    }

    @Test
    void netsAboveCliqueMaxDegreeBecomeStarsWithAVirtualVertex() {
        Netlist nl = tiny();
        Graph<Integer, DefaultWeightedEdge> g = NetlistGraphs.weightedGraph(nl, GraphOptions.defaults()
                .withCliqueMaxDegree(3));

        int hub = nl.numNodes() + 2;
        assertThat(g.vertexSet()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, hub);
        for (int v = 2; v <= 5; v++) {
            assertThat(weight(g, v, hub)).isEqualTo(2.0 * 4 / 3);
        }
        assertThat(weight(g, 3, 5)).isZero();
        assertThat(weight(g, 0, 1)).isEqualTo(2.5);
        assertThat(g.edgeSet()).hasSize(3 + 4);
    }

    /** Macros M0, M1 (tall) and cells; M0 - c2 - M1 through two 2-pin nets; c3 on a big net with both. */
    private static Netlist macrosThroughCell(int bigNetExtra) {
        NetlistBuilder b = new NetlistBuilder("m");
        b.addRow(new Row(0, 1, 1, 1, 0, 100, "N"));
        b.addMovable("M0", 4, 4);
        b.addMovable("M1", 4, 4);
        b.addMovable("c2", 1, 1);
        b.addMovable("c3", 1, 1);
        for (int k = 0; k < bigNetExtra; k++) {
            b.addMovable("x" + k, 1, 1);
        }
        b.addNet("a", 1);
        b.addPin(0, 0, 0, Netlist.DIR_OUTPUT);
        b.addPin(2, 0, 0, Netlist.DIR_INPUT);
        b.addNet("b", 1);
        b.addPin(2, 0, 0, Netlist.DIR_OUTPUT);
        b.addPin(1, 0, 0, Netlist.DIR_INPUT);
        b.addNet("big", 1);
        b.addPin(0, 0, 0, Netlist.DIR_OUTPUT);
        b.addPin(3, 0, 0, Netlist.DIR_INPUT);
        for (int k = 0; k < bigNetExtra; k++) {
            b.addPin(4 + k, 0, 0, Netlist.DIR_INPUT);
        }
        b.addNet("c", 1);
        b.addPin(3, 0, 0, Netlist.DIR_OUTPUT);
        b.addPin(1, 0, 0, Netlist.DIR_INPUT);
        return b.build();
    }

    private static boolean[] macros(Netlist nl) {
        boolean[] keep = new boolean[nl.numNodes()];
        for (int v = 0; v < keep.length; v++) {
            keep[v] = nl.isMacro(v);
        }
        return keep;
    }

    @Test
    void subsetGraphConnectsTwoMacrosThroughStandardCells() {
        Netlist nl = macrosThroughCell(0);
        assertThat(nl.numMacros()).isEqualTo(2);
        Graph<Integer, DefaultWeightedEdge> g = NetlistGraphs.subsetGraph(nl, macros(nl), GraphOptions.defaults());

        assertThat(g.vertexSet()).containsExactlyInAnyOrder(0, 1);
        assertThat(weight(g, 0, 1)).isEqualTo(2 * 0.5); // via c2 and via c3, hopDecay each

        Graph<Integer, DefaultWeightedEdge> direct = NetlistGraphs.subsetGraph(nl, macros(nl),
                GraphOptions.defaults().withMaxHops(1));
        assertThat(direct.edgeSet()).isEmpty();
    }

    @Test
    void subsetGraphDoesNotExpandThroughNetsAboveTheDegreeCap() {
        Netlist nl = macrosThroughCell(5); // net "big" has 7 pins
        Graph<Integer, DefaultWeightedEdge> g = NetlistGraphs.subsetGraph(nl, macros(nl),
                GraphOptions.defaults().withMaxNetDegree(6));
        assertThat(weight(g, 0, 1)).isEqualTo(0.5); // only via c2
    }

    @Test
    void subsetGraphOnIbm01MacrosMatchesBruteForceTwoHopCount() {
        Netlist nl = Bookshelf.read(BenchmarkDesigns.auxOrSkip("ibm01"));
        boolean[] keep = macros(nl);
        GraphOptions opt = GraphOptions.defaults();
        Graph<Integer, DefaultWeightedEdge> g = NetlistGraphs.subsetGraph(nl, keep, opt);

        // reference: direct pin pairs, plus hopDecay per non-kept node adjacent (capped nets) to both
        Map<Long, Double> ref = new HashMap<>();
        int[] nps = nl.netPinStart();
        for (int e = 0; e < nl.numNets(); e++) {
            for (int p = nps[e]; p < nps[e + 1]; p++) {
                for (int q = p + 1; q < nps[e + 1]; q++) {
                    int a = nl.pinNode()[p];
                    int c = nl.pinNode()[q];
                    if (keep[a] && keep[c] && a != c) {
                        ref.merge(key(a, c), nl.netWeights()[e] / (nl.netDegree(e) - 1), Double::sum);
                    }
                }
            }
        }
        for (int u = 0; u < nl.numNodes(); u++) {
            if (keep[u]) {
                continue;
            }
            Set<Integer> kept = new HashSet<>();
            for (int e = 0; e < nl.numNets(); e++) {
                if (nl.netDegree(e) > opt.maxNetDegree()) {
                    continue;
                }
                boolean hasU = false;
                for (int p = nps[e]; p < nps[e + 1]; p++) {
                    hasU |= nl.pinNode()[p] == u;
                }
                for (int p = nps[e]; hasU && p < nps[e + 1]; p++) {
                    if (keep[nl.pinNode()[p]]) {
                        kept.add(nl.pinNode()[p]);
                    }
                }
            }
            for (int s : kept) {
                for (int t : kept) {
                    if (s < t) {
                        ref.merge(key(s, t), opt.hopDecay(), Double::sum);
                    }
                }
            }
        }

        assertThat(g.vertexSet()).hasSize(246);
        assertThat(g.edgeSet()).hasSize(ref.size()).isNotEmpty();
        for (Map.Entry<Long, Double> r : ref.entrySet()) {
            int s = (int) (r.getKey() >>> 32);
            int t = (int) (long) r.getKey();
            assertThat(weight(g, s, t)).as("%d-%d", s, t).isCloseTo(r.getValue(), within(1e-9));
        }
    }

    private static long key(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    @Test
    void optionsRejectInvalidValues() {
        assertThatThrownBy(() -> new GraphOptions(1, 2, 100, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GraphOptions(10, 0, 100, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GraphOptions(10, 2, 1, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GraphOptions(10, 2, 100, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NetlistGraphs.subsetGraph(tiny(), new boolean[2], GraphOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
