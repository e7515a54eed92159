package org.chipplace.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head causal self-attention (Vaswani et al. 2017; GPT-2 layout): token {@code t} attends to
 * tokens {@code 0..t} only. Input and output {@code (B, T, W)}.
 */
final class CausalSelfAttention extends AbstractBlock {
    private static final byte VERSION = 1;
    /** Added to masked scores; finite so that softmax never sees -inf - -inf. */
    static final float MASKED = -1e9f;
    private final int heads;
    private final int width;
    private final Linear qkv;
    private final Linear proj;
    private final Dropout attnDrop;
    private final Dropout residDrop;

    CausalSelfAttention(int width, int heads, float dropout) {
        super(VERSION);
        this.width = width;
        this.heads = heads;
        qkv = addChildBlock("qkv", Linear.builder().setUnits(3L * width).build());
        proj = addChildBlock("proj", Linear.builder().setUnits(width).build());
        attnDrop = addChildBlock("attnDrop", Dropout.builder().optRate(dropout).build());
        residDrop = addChildBlock("residDrop", Dropout.builder().optRate(dropout).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow(); // (B, T, W)
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        int d = width / heads;
        NDArray h = qkv.forward(ps, new NDList(x), training).singletonOrThrow(); // (B, T, 3W)
        h = h.reshape(b, t, 3, heads, d).transpose(2, 0, 3, 1, 4); // (3, B, H, T, D)
        NDArray q = h.get(0); // (B, H, T, D)
        NDArray k = h.get(1);
        NDArray v = h.get(2);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div((float) Math.sqrt(d)); // (B, H, T, T)
        scores = scores.add(causalMask(x.getManager(), t)); // broadcast (T, T)
        NDArray att = scores.softmax(-1); // (B, H, T, T)
        att = attnDrop.forward(ps, new NDList(att), training).singletonOrThrow();
        NDArray y = att.matMul(v).transpose(0, 2, 1, 3).reshape(b, t, width); // (B, T, W)
        y = proj.forward(ps, new NDList(y), training).singletonOrThrow(); // (B, T, W)
        return residDrop.forward(ps, new NDList(y), training);
    }

    /** {@code (T, T)}: 0 on and below the diagonal, {@link #MASKED} above. */
    static NDArray causalMask(NDManager m, long t) {
        int n = (int) t;
        float[] mask = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                mask[i * n + j] = MASKED;
            }
        }
        return m.create(mask, new Shape(n, n));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0]; // (B, T, W)
        qkv.initialize(manager, dataType, in);
        proj.initialize(manager, dataType, in);
        attnDrop.initialize(manager, dataType, in);
        residDrop.initialize(manager, dataType, in);
    }
}
