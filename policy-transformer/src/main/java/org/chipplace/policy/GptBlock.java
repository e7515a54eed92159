package org.chipplace.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Pre-LayerNorm GPT block (Radford et al. 2019, as in the decision transformer of Chen et al. 2021):
 * {@code x += attn(LN(x)); x += drop(W2 gelu(W1 LN(x)))} with a 4x MLP. Input and output {@code (B, T, W)}.
 */
final class GptBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    private final LayerNorm ln1;
    private final CausalSelfAttention attn;
    private final LayerNorm ln2;
    private final Linear fc1;
    private final Linear fc2;
    private final Dropout drop;

    GptBlock(int width, int heads, float dropout) {
        super(VERSION);
        ln1 = addChildBlock("ln1", LayerNorm.builder().axis(2).build());
        attn = addChildBlock("attn", new CausalSelfAttention(width, heads, dropout));
        ln2 = addChildBlock("ln2", LayerNorm.builder().axis(2).build());
        fc1 = addChildBlock("fc1", Linear.builder().setUnits(4L * width).build());
        fc2 = addChildBlock("fc2", Linear.builder().setUnits(width).build());
        drop = addChildBlock("drop", Dropout.builder().optRate(dropout).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow(); // (B, T, W)
        NDArray a = ln1.forward(ps, new NDList(x), training).singletonOrThrow();
        x = x.add(attn.forward(ps, new NDList(a), training).singletonOrThrow()); // (B, T, W)
        NDArray h = ln2.forward(ps, new NDList(x), training).singletonOrThrow();
        h = Activation.gelu(fc1.forward(ps, new NDList(h), training).singletonOrThrow()); // (B, T, 4W)
        h = fc2.forward(ps, new NDList(h), training).singletonOrThrow(); // (B, T, W)
        h = drop.forward(ps, new NDList(h), training).singletonOrThrow();
        return new NDList(x.add(h));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        ln1.initialize(manager, dataType, in);
        attn.initialize(manager, dataType, in);
        ln2.initialize(manager, dataType, in);
        fc1.initialize(manager, dataType, in);
        fc2.initialize(manager, dataType, fc1.getOutputShapes(new Shape[] {in}));
        drop.initialize(manager, dataType, in);
    }
}
