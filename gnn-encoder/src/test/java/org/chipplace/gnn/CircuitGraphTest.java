package org.chipplace.gnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Row;
import org.chipplace.netlist.graph.GraphOptions;
import org.chipplace.netlist.graph.NetlistGraphs;
import org.chipplace.netlist.synthetic.SyntheticCircuits;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;

class CircuitGraphTest {

    /** Two macros and three cells on a 100 x 100 core, one pad; net n2 has 5 pins. */
    static Netlist tinyDesign() {
        NetlistBuilder b = new NetlistBuilder("tiny");
        int m0 = b.addMovable("m0", 20, 30);
        int m1 = b.addMovable("m1", 10, 40);
        int c0 = b.addMovable("c0", 4, 10);
        int c1 = b.addMovable("c1", 2, 10);
        int c2 = b.addMovable("c2", 3, 10);
        int p = b.addFixed("p", 1, 1, false);
        b.setPosition(p, 49.5, 99, "N");
        for (int r = 0; r < 10; r++) {
            b.addRow(new Row(r * 10, 10, 1, 1, 0, 100, "N"));
        }
        b.addNet("n0", 1);
        b.addPin(m0, 0, 0, Netlist.DIR_OUTPUT);
        b.addPin(c0, 0, 0, Netlist.DIR_INPUT);
        b.addNet("n1", 2);
        b.addPin(c0, 0, 0, Netlist.DIR_OUTPUT);
        b.addPin(m1, 0, 0, Netlist.DIR_INPUT);
        b.addNet("n2", 1);
        b.addPin(m0, 0, 0, Netlist.DIR_OUTPUT);
        b.addPin(m1, 0, 0, Netlist.DIR_INPUT);
        b.addPin(c1, 0, 0, Netlist.DIR_INPUT);
        b.addPin(c2, 0, 0, Netlist.DIR_INPUT);
        b.addPin(p, 0, 0, Netlist.DIR_INPUT);
        return b.build();
    }

    private static Map<Long, Float> edgeMap(CircuitGraph g) {
        Map<Long, Float> m = new HashMap<>();
        for (int k = 0; k < g.numEdges(); k++) {
            assertThat(g.src()[k]).isLessThan(g.dst()[k]);
            Float old = m.put(LinkPrediction.key(g.vertex()[g.src()[k]], g.vertex()[g.dst()[k]]), g.weight()[k]);
            assertThat(old).as("duplicate edge").isNull();
        }
        return m;
    }

    @Test
    void arrayFullGraphEqualsJGraphTWeightedGraph() {
        GraphOptions opt = GraphOptions.defaults().withCliqueMaxDegree(4);
        for (Netlist nl : new Netlist[] {tinyDesign(),
                SyntheticCircuits.generate("s", CircuitEncoderTest.BIG_GLOBAL, 3)}) {
            Graph<Integer, DefaultWeightedEdge> jg = NetlistGraphs.weightedGraph(nl, opt);
            CircuitGraph ref = CircuitGraph.fromJGraphT(nl, jg);
            CircuitGraph fast = FullGraphArrays.build(nl, opt);
            assertThat(fast.vertex()).containsExactly(ref.vertex());
            Map<Long, Float> a = edgeMap(ref);
            Map<Long, Float> b = edgeMap(fast);
            assertThat(b.keySet()).isEqualTo(a.keySet());
            for (Map.Entry<Long, Float> e : a.entrySet()) {
                assertThat(b.get(e.getKey())).isCloseTo(e.getValue(), within(1e-5f));
            }
            assertThat(fast.macroVertex()).containsExactly(ref.macroVertex());
            assertThat(fast.features()).containsExactly(ref.features());
        }
    }

    @Test
    void tinyDesignHasHubAndExpectedFeatures() {
        Netlist nl = tinyDesign();
        EncoderGraphOptions full = new EncoderGraphOptions(GraphMode.AUTO, 8,
                GraphOptions.defaults().withCliqueMaxDegree(4));
        CircuitGraph g = CircuitGraph.of(nl, full); // 2 macros < 8: full graph
        assertThat(g.numNodes()).isEqualTo(7); // 6 nodes + hub of n2
        assertThat(g.vertex()[6]).isEqualTo(6 + 2);
        int f = CircuitGraph.NUM_FEATURES;
        float[] x = g.features();
        // m0: 20 x 30 on a 100 x 100 core, 2 pins, neighbours c0 and the hub
        assertThat(x[0]).isEqualTo(0.2f);
        assertThat(x[1]).isEqualTo(0.3f);
        assertThat(x[2]).isCloseTo(0.06f, within(1e-7f));
        assertThat(x[4]).isCloseTo((float) (Math.log(3) / Math.log(1001)), within(1e-6f));
        assertThat(x[6]).isCloseTo((float) (Math.log(3) / Math.log(1001)), within(1e-6f));
        assertThat(x[7]).isEqualTo(1f);
        assertThat(x[8]).isEqualTo(0f);
        // pad p (node 5): fixed, centre (50, 99.5) of the core
        assertThat(x[5 * f + 8]).isEqualTo(1f);
        assertThat(x[5 * f + 9]).isCloseTo(0.5f, within(1e-6f));
        assertThat(x[5 * f + 10]).isCloseTo(0.995f, within(1e-6f));
        // hub: is-hub, pin count 5
        assertThat(x[6 * f + 11]).isEqualTo(1f);
        assertThat(x[6 * f + 6]).isCloseTo((float) (Math.log(6) / Math.log(1001)), within(1e-6f));
        // name features depend on the name only
        float[] r = new float[CircuitGraph.NUM_RANDOM];
        CircuitGraph.nameFeatures("m0", r, 0);
        for (int k = 0; k < r.length; k++) {
            assertThat(x[f - CircuitGraph.NUM_RANDOM + k]).isEqualTo(r[k]);
        }
    }

    @Test
    void macroGraphLinksMacrosThroughSharedNetsAndCellPaths() {
        Netlist nl = tinyDesign();
        EncoderGraphOptions macro = new EncoderGraphOptions(GraphMode.MACRO, 2, GraphOptions.defaults());
        CircuitGraph g = CircuitGraph.of(nl, macro);
        assertThat(g.numNodes()).isEqualTo(2);
        assertThat(g.macroVertex()).containsExactly(0, 1);
        assertThat(g.numEdges()).isEqualTo(1);
        // direct: n2 (5 pins) gives 1/4; each distinct non-macro node joining both macros adds
        // hopDecay = 0.5: c0 (through n0 and n1), c1, c2 and the pad p (through n2)
        assertThat(g.weight()[0]).isCloseTo(0.25f + 4 * 0.5f, within(1e-6f));
    }

    @Test
    void normalisedAdjacencyMatchesDenseDefinition() {
        CircuitGraph g = GcnLayerTest.tinyGraph(3);
        int n = g.numNodes();
        int nnz = 2 * g.numEdges() + n;
        long[] rows = new long[nnz];
        long[] cols = new long[nnz];
        float[] vals = new float[nnz];
        CircuitGraph.normalisedAdjacency(n, g.src(), g.dst(), g.weight(), rows, cols, vals);
        double[][] dense = new double[n][n];
        for (int k = 0; k < nnz; k++) {
            dense[(int) rows[k]][(int) cols[k]] += vals[k];
        }
        double[][] ref = GcnLayerTest.denseNormalised();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(dense[i][j]).isCloseTo(ref[i][j], within(1e-6));
            }
        }
    }
}
