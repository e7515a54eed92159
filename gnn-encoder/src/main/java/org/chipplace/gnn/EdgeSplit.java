package org.chipplace.gnn;

import java.util.SplittableRandom;

/**
 * Held-out edge split of one {@link CircuitGraph} for link prediction: the encoder sees only the
 * training edges; the held-out edges and as many sampled non-edges measure reconstruction.
 *
 * @param graph    the full graph
 * @param trainSrc training edges (message passing and positives), {@code trainSrc[k] < trainDst[k]}
 * @param testSrc  held-out edges
 * @param negSrc   sampled non-edges of the full graph, one per held-out edge
 * @param allKeys  sorted keys of all edges ({@link LinkPrediction#sortedKeys})
 */
record EdgeSplit(CircuitGraph graph, int[] trainSrc, int[] trainDst, float[] trainW, int[] testSrc, int[] testDst,
                 int[] negSrc, int[] negDst, long[] allKeys) {

    /** The split seed of a design: depends only on the run seed and the design name. */
    static long seedFor(long seed, String designName) {
        return seed * 0x9E3779B97F4A7C15L + designName.hashCode();
    }

    /**
     * Holds out {@code floor(fraction * numEdges)} edges chosen by a seeded shuffle (none when the
     * graph has fewer than 10 edges).
     */
    static EdgeSplit of(CircuitGraph g, double fraction, long seed) {
        int m = g.numEdges();
        int[] perm = new int[m];
        for (int i = 0; i < m; i++) {
            perm[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = m - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int h = m < 10 ? 0 : (int) Math.floor(fraction * m);
        // keep the training edges in their original order (deterministic message passing)
        boolean[] test = new boolean[m];
        for (int i = 0; i < h; i++) {
            test[perm[i]] = true;
        }
        int[] ts = new int[m - h];
        int[] td = new int[m - h];
        float[] tw = new float[m - h];
        int[] hs = new int[h];
        int[] hd = new int[h];
        int a = 0;
        int b = 0;
        for (int k = 0; k < m; k++) {
            if (test[k]) {
                hs[b] = g.src()[k];
                hd[b++] = g.dst()[k];
            } else {
                ts[a] = g.src()[k];
                td[a] = g.dst()[k];
                tw[a++] = g.weight()[k];
            }
        }
        long[] keys = LinkPrediction.sortedKeys(g.src(), g.dst());
        int[] ns = new int[h];
        int[] nd = new int[h];
        if (g.numNodes() >= 2) {
            LinkPrediction.sampleNegatives(g.numNodes(), keys, h, rnd, ns, nd, 0);
        }
        return new EdgeSplit(g, ts, td, tw, hs, hd, ns, nd, keys);
    }

    /** ROC AUC of held-out edges against the sampled non-edges, for node embeddings {@code z} {@code (N, dim)}. */
    double auc(float[] z, int dim) {
        return LinkPrediction.rocAuc(LinkPrediction.scores(z, dim, testSrc, testDst),
                LinkPrediction.scores(z, dim, negSrc, negDst));
    }
}
