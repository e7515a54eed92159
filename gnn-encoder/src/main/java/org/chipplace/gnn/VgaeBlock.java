package org.chipplace.gnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Encoder of a variational graph auto-encoder (Kipf and Welling, "Variational Graph
 * Auto-Encoders", NIPS 2016 workshop): {@code H = relu(GCN_1(X))}, {@code mu = GCN_mu(H)},
 * {@code logvar = GCN_logvar(H)}.
 *
 * <p>Inputs: {@code X} {@code (N, F)} and sparse {@code Â} {@code (N, N)}. Outputs {@code mu}
 * {@code (N, L)} and {@code logvar} {@code (N, L)}. Sampling and the inner-product decoder live in
 * the trainer, since inference only needs {@code mu}.
 */
final class VgaeBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    private final GcnLayer hidden;
    private final GcnLayer mu;
    private final GcnLayer logvar;

    VgaeBlock(int hiddenDim, int latentDim) {
        super(VERSION);
        hidden = addChildBlock("gcn1", GcnLayer.builder().setUnits(hiddenDim).build());
        mu = addChildBlock("gcnMu", GcnLayer.builder().setUnits(latentDim).build());
        logvar = addChildBlock("gcnLogvar", GcnLayer.builder().setUnits(latentDim).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList h = hidden.forward(ps, inputs, training); // (N, F) -> (N, H)
        NDArray act = h.get(0).maximum(0f); // relu, (N, H)
        NDList in2 = new NDList(act, inputs.get(1));
        NDArray m = mu.forward(ps, in2, training).get(0); // (N, H) -> (N, L)
        NDArray lv = logvar.forward(ps, in2, training).get(0); // (N, H) -> (N, L)
        return new NDList(m, lv);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] h = hidden.getOutputShapes(inputShapes);
        Shape out = mu.getOutputShapes(h)[0];
        return new Shape[] {out, out};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        hidden.initialize(manager, dataType, inputShapes);
        Shape[] h = hidden.getOutputShapes(inputShapes);
        mu.initialize(manager, dataType, h);
        logvar.initialize(manager, dataType, h);
    }
}
