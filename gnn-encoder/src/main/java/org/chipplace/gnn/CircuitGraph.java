package org.chipplace.gnn;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.graph.NetlistGraphs;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * Graph tensors of one design as primitive arrays (no DJL): node features and an undirected,
 * weighted edge list taken from a JGraphT view of the netlist.
 *
 * <p>Layout: graph vertex {@code i} in {@code 0..numNodes-1} stands for JGraphT vertex
 * {@code vertex[i]} (a netlist node index, or {@code netlist.numNodes() + e} for the virtual hub
 * of a large net {@code e}); vertices are in ascending id order. {@code features[i * NUM_FEATURES + f]}
 * is row-major {@code (N, F)}. Edges {@code k} join {@code src[k] < dst[k]} with weight {@code weight[k] > 0},
 * each unordered pair once. {@code macroVertex[j]} is the vertex of the {@code j}-th macro in netlist
 * order ({@link Netlist#isMacro}), or -1 when the graph does not contain it.
 */
record CircuitGraph(String name, int numNodes, int[] vertex, float[] features, int[] src, int[] dst, float[] weight,
                    int[] macroVertex) {

    /** Features per vertex (see {@link #computeFeatures}). */
    static final int NUM_FEATURES = 20;
    /** Name-seeded random features per vertex (features 12..19). */
    static final int NUM_RANDOM = 8;
    private static final double LOG_SCALE = 1.0 / Math.log(1001.0);

    int numEdges() {
        return src.length;
    }

    /**
     * The graph of {@code nl} chosen by {@code opt}: the JGraphT macro graph
     * ({@link NetlistGraphs#subsetGraph} over the macros), or the full netlist graph built by
     * {@link FullGraphArrays} (same graph as {@link NetlistGraphs#weightedGraph}, without boxing).
     */
    static CircuitGraph of(Netlist nl, EncoderGraphOptions opt) {
        if (opt.resolve(nl.numMacros()) == GraphMode.MACRO) {
            boolean[] keep = new boolean[nl.numNodes()];
            for (int v = 0; v < keep.length; v++) {
                keep[v] = nl.isMacro(v);
            }
            return fromJGraphT(nl, NetlistGraphs.subsetGraph(nl, keep, opt.graph()));
        }
        return FullGraphArrays.build(nl, opt.graph());
    }

    /** Converts a JGraphT view of {@code nl} (vertex ids as in {@link NetlistGraphs}) into arrays. */
    static CircuitGraph fromJGraphT(Netlist nl, Graph<Integer, DefaultWeightedEdge> g) {
        int n = g.vertexSet().size();
        int[] vertex = new int[n];
        int i = 0;
        int maxId = -1;
        for (Integer v : g.vertexSet()) {
            vertex[i++] = v;
            maxId = Math.max(maxId, v);
        }
        Arrays.sort(vertex);
        int[] local = new int[maxId + 1];
        Arrays.fill(local, -1);
        for (int k = 0; k < n; k++) {
            local[vertex[k]] = k;
        }
        int m = g.edgeSet().size();
        int[] src = new int[m];
        int[] dst = new int[m];
        float[] w = new float[m];
        int k = 0;
        for (DefaultWeightedEdge e : g.edgeSet()) {
            int a = local[g.getEdgeSource(e)];
            int b = local[g.getEdgeTarget(e)];
            src[k] = Math.min(a, b);
            dst[k] = Math.max(a, b);
            w[k] = (float) g.getEdgeWeight(e);
            k++;
        }
        int[] macroVertex = new int[nl.numMacros()];
        int j = 0;
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.isMacro(v)) {
                macroVertex[j++] = v <= maxId ? local[v] : -1;
            }
        }
        float[] feats = new float[n * NUM_FEATURES];
        computeFeatures(nl, vertex, src, dst, w, feats);
        return new CircuitGraph(nl.name(), n, vertex, feats, src, dst, w, macroVertex);
    }

    /**
     * Node features, row-major {@code (N, 20)}: 0 width / core width, 1 height / core height,
     * 2 area / core area, 3 log-area {@code clamp((log10(area / core area) + 8) / 8, 0, 1)},
     * 4 graph degree and 5 weighted degree and 6 pin count, each as {@code log(1 + x) / log(1001)},
     * 7 is-macro, 8 is-fixed, 9-10 centre of a fixed node relative to the core (0 for movable nodes),
     * 11 is-hub (virtual star vertex of a large net; its pin count is the net degree), 12-19
     * {@link #nameFeatures}.
     */
    static void computeFeatures(Netlist nl, int[] vertex, int[] src, int[] dst, float[] w, float[] out) {
        int n = vertex.length;
        int numNodes = nl.numNodes();
        double cw = Math.max(nl.coreXh() - nl.coreXl(), 1e-9);
        double ch = Math.max(nl.coreYh() - nl.coreYl(), 1e-9);
        double carea = cw * ch;
        int[] deg = new int[n];
        double[] wdeg = new double[n];
        for (int k = 0; k < src.length; k++) {
            deg[src[k]]++;
            deg[dst[k]]++;
            wdeg[src[k]] += w[k];
            wdeg[dst[k]] += w[k];
        }
        Placement pl = nl.initialPlacement();
        double[] px = pl.x();
        double[] py = pl.y();
        int[] nodePinStart = nl.nodePinStart();
        for (int i = 0; i < n; i++) {
            int v = vertex[i];
            int o = i * NUM_FEATURES;
            out[o + 4] = (float) (Math.log1p(deg[i]) * LOG_SCALE);
            out[o + 5] = (float) (Math.log1p(wdeg[i]) * LOG_SCALE);
            String id = v >= numNodes ? "net:" + nl.netNames()[v - numNodes] : nl.nodeNames()[v];
            nameFeatures(id, out, o + NUM_FEATURES - NUM_RANDOM);
            if (v >= numNodes) {
                out[o + 6] = (float) (Math.log1p(nl.netDegree(v - numNodes)) * LOG_SCALE);
                out[o + 11] = 1f;
                continue;
            }
            double wv = nl.widths()[v];
            double hv = nl.heights()[v];
            double area = wv * hv / carea;
            out[o] = (float) (wv / cw);
            out[o + 1] = (float) (hv / ch);
            out[o + 2] = (float) area;
            out[o + 3] = (float) Math.min(1, Math.max(0, (Math.log10(Math.max(area, 1e-12)) + 8) / 8));
            out[o + 6] = (float) (Math.log1p(nodePinStart[v + 1] - nodePinStart[v]) * LOG_SCALE);
            out[o + 7] = nl.isMacro(v) ? 1f : 0f;
            if (!nl.isMovable(v)) {
                out[o + 8] = 1f;
                out[o + 9] = (float) clamp((px[v] + wv / 2 - nl.coreXl()) / cw);
                out[o + 10] = (float) clamp((py[v] + hv / 2 - nl.coreYl()) / ch);
            }
        }
    }

    /**
     * {@link #NUM_RANDOM} standard-normal values seeded by a 64-bit hash of the node (or net) name:
     * random node features (Sato et al., SDM 2021; Abboud et al., IJCAI 2021) that let the GCN tell
     * apart structurally alike nodes for link prediction, yet do not depend on node numbering.
     */
    static void nameFeatures(String name, float[] out, int off) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x100000001b3L;
        }
        SplittableRandom rnd = new SplittableRandom(h);
        for (int k = 0; k < NUM_RANDOM; k++) {
            out[off + k] = (float) rnd.nextGaussian();
        }
    }

    private static double clamp(double t) {
        return Math.min(1.5, Math.max(-0.5, t));
    }

    /**
     * Symmetric normalised adjacency with self loops, {@code D^-1/2 (A + I) D^-1/2} with
     * {@code D_ii = 1 + sum_j A_ij}, as COO triplets: both directions of every edge, then one self
     * loop per vertex. {@code rows}, {@code cols} and {@code vals} must have {@code 2 * numEdges + n} entries.
     */
    static void normalisedAdjacency(int n, int[] src, int[] dst, float[] w, long[] rows, long[] cols, float[] vals) {
        double[] d = new double[n];
        Arrays.fill(d, 1.0);
        for (int k = 0; k < src.length; k++) {
            d[src[k]] += w[k];
            d[dst[k]] += w[k];
        }
        double[] inv = new double[n];
        for (int i = 0; i < n; i++) {
            inv[i] = 1.0 / Math.sqrt(d[i]);
        }
        int m = src.length;
        for (int k = 0; k < m; k++) {
            float v = (float) (w[k] * inv[src[k]] * inv[dst[k]]);
            rows[2 * k] = src[k];
            cols[2 * k] = dst[k];
            vals[2 * k] = v;
            rows[2 * k + 1] = dst[k];
            cols[2 * k + 1] = src[k];
            vals[2 * k + 1] = v;
        }
        for (int i = 0; i < n; i++) {
            rows[2 * m + i] = i;
            cols[2 * m + i] = i;
            vals[2 * m + i] = (float) (inv[i] * inv[i]);
        }
    }
}
