package org.chipplace.gnn;

import java.util.Arrays;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.graph.GraphOptions;

/**
 * Primitive-array twin of {@link org.chipplace.netlist.graph.NetlistGraphs#weightedGraph}: the same
 * vertices (all nodes, then one hub {@code numNodes + e} per net with more than
 * {@code cliqueMaxDegree} pins) and the same summed edge weights (clique {@code w / (d - 1)} per pin
 * pair on different nodes, star {@code w d / (d - 1)} per pin), built with a sparse accumulator per
 * node instead of a boxed JGraphT graph (ibm05: tens of milliseconds instead of seconds). Checked
 * edge by edge against the JGraphT view in the tests.
 */
final class FullGraphArrays {
    private FullGraphArrays() {
    }

    /** The full graph of {@code nl} as a {@link CircuitGraph}. */
    static CircuitGraph build(Netlist nl, GraphOptions opt) {
        int n = nl.numNodes();
        int[] nps = nl.netPinStart();
        int[] pinNode = nl.pinNode();
        double[] netW = nl.netWeights();
        int numNets = nl.numNets();
        int cap = opt.cliqueMaxDegree();
        int[] hubLocal = new int[numNets];
        int numHubs = 0;
        for (int e = 0; e < numNets; e++) {
            int d = nps[e + 1] - nps[e];
            hubLocal[e] = d >= 2 && d > cap ? n + numHubs++ : -1;
        }
        int total = n + numHubs;
        int[] vertex = new int[total];
        for (int v = 0; v < n; v++) {
            vertex[v] = v;
        }
        for (int e = 0; e < numNets; e++) {
            if (hubLocal[e] >= 0) {
                vertex[hubLocal[e]] = n + e;
            }
        }
        int[] netOfPin = new int[nl.numPins()];
        for (int e = 0; e < numNets; e++) {
            Arrays.fill(netOfPin, nps[e], nps[e + 1], e);
        }
        int[] nodePinStart = nl.nodePinStart();
        int[] nodePins = nl.nodePins();
        double[] acc = new double[total];
        int[] stamp = new int[total];
        Arrays.fill(stamp, -1);
        int[] touched = new int[total];
        int cap0 = Math.max(16, nl.numPins() * 2);
        int[] src = new int[cap0];
        int[] dst = new int[cap0];
        float[] w = new float[cap0];
        int m = 0;
        for (int u = 0; u < n; u++) {
            int nt = 0;
            for (int k = nodePinStart[u]; k < nodePinStart[u + 1]; k++) {
                int e = netOfPin[nodePins[k]];
                int d = nps[e + 1] - nps[e];
                if (d < 2) {
                    continue;
                }
                if (hubLocal[e] < 0) {
                    double ww = netW[e] / (d - 1);
                    for (int q = nps[e]; q < nps[e + 1]; q++) {
                        int v = pinNode[q];
                        if (v > u) {
                            if (stamp[v] != u) {
                                stamp[v] = u;
                                acc[v] = 0;
                                touched[nt++] = v;
                            }
                            acc[v] += ww;
                        }
                    }
                } else {
                    int h = hubLocal[e];
                    if (stamp[h] != u) {
                        stamp[h] = u;
                        acc[h] = 0;
                        touched[nt++] = h;
                    }
                    acc[h] += netW[e] * d / (d - 1);
                }
            }
            if (m + nt > src.length) {
                int c = Math.max(src.length * 2, m + nt);
                src = Arrays.copyOf(src, c);
                dst = Arrays.copyOf(dst, c);
                w = Arrays.copyOf(w, c);
            }
            for (int t = 0; t < nt; t++) {
                int v = touched[t];
                if (acc[v] != 0) {
                    src[m] = u;
                    dst[m] = v;
                    w[m++] = (float) acc[v];
                }
            }
        }
        src = Arrays.copyOf(src, m);
        dst = Arrays.copyOf(dst, m);
        w = Arrays.copyOf(w, m);
        int[] macroVertex = new int[nl.numMacros()];
        int j = 0;
        for (int v = 0; v < n; v++) {
            if (nl.isMacro(v)) {
                macroVertex[j++] = v;
            }
        }
        float[] feats = new float[total * CircuitGraph.NUM_FEATURES];
        CircuitGraph.computeFeatures(nl, vertex, src, dst, w, feats);
        return new CircuitGraph(nl.name(), total, vertex, feats, src, dst, w, macroVertex);
    }
}
