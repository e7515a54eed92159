package org.chipplace.gnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/** DJL glue: offline engine setup and graph tensors on a manager. */
final class Djl {
    static {
        // the bundled pytorch-native jar is used; never download anything
        System.setProperty("ai.djl.offline", "true");
        // PyTorch's multi-threaded CPU kernels reduce in a varying order; one intra-op thread keeps
        // training bit-for-bit reproducible (an explicit setting by the application wins)
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
    }

    private Djl() {
    }

    /** Forces the static initializer (call before touching the engine). */
    static void init() {
        // nothing else to do
    }

    /**
     * Encoder inputs on {@code m}: features {@code (N, F)} and the sparse normalised adjacency
     * {@code (N, N)} of the given edges (see {@link CircuitGraph#normalisedAdjacency}).
     */
    static NDList inputs(NDManager m, CircuitGraph g, int[] src, int[] dst, float[] w) {
        int n = g.numNodes();
        int nnz = 2 * src.length + n;
        long[] rows = new long[nnz];
        long[] cols = new long[nnz];
        float[] vals = new float[nnz];
        CircuitGraph.normalisedAdjacency(n, src, dst, w, rows, cols, vals);
        NDArray x = m.create(g.features(), new Shape(n, CircuitGraph.NUM_FEATURES));
        // NDManager.createCoo closes its index and value tensors although the sparse tensor shares their
        // memory (DJL 0.33); keep both alive on the manager instead
        long[] idx = new long[2 * nnz];
        System.arraycopy(rows, 0, idx, 0, nnz);
        System.arraycopy(cols, 0, idx, nnz, nnz);
        PtNDArray indices = (PtNDArray) m.create(idx, new Shape(2, nnz));
        PtNDArray values = (PtNDArray) m.create(vals, new Shape(nnz));
        NDArray adj = JniUtils.createSparseCoo(indices, values, new Shape(n, n));
        return new NDList(x, adj);
    }
}
