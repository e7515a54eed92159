package org.chipplace.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * CNN state encoder (ChiPFormer / MaskPlace): three stride-2 3x3 convolutions with ReLU over the
 * environment's occupancy, wire and position masks, flattened, concatenated with the scalar
 * features (macro width / G, height / G, step / steps) and projected to the embedding width.
 *
 * <p>Inputs: masks {@code (N, 3, G, G)}, extras {@code (N, 3)}. Output {@code (N, W)}.
 */
final class StateEncoder extends AbstractBlock {
    private static final byte VERSION = 1;
    private final Conv2d c1;
    private final Conv2d c2;
    private final Conv2d c3;
    private final Linear out;

    StateEncoder(int width) {
        super(VERSION);
        c1 = addChildBlock("conv1", conv(8));
        c2 = addChildBlock("conv2", conv(16));
        c3 = addChildBlock("conv3", conv(16));
        out = addChildBlock("proj", Linear.builder().setUnits(width).build());
    }

    private static Conv2d conv(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2)).optPadding(new Shape(1, 1))
                .setFilters(filters).build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0); // (N, 3, G, G)
        x = c1.forward(ps, new NDList(x), training).singletonOrThrow().maximum(0f); // (N, 8, G/2, G/2)
        x = c2.forward(ps, new NDList(x), training).singletonOrThrow().maximum(0f); // (N, 16, G/4, G/4)
        x = c3.forward(ps, new NDList(x), training).singletonOrThrow().maximum(0f); // (N, 16, G/8, G/8)
        NDArray flat = x.reshape(x.getShape().get(0), -1); // (N, F)
        NDArray cat = NDArrays.concat(new NDList(flat, inputs.get(1)), 1); // (N, F + 3)
        return out.forward(ps, new NDList(cat), training); // (N, W)
    }

    private Shape flatShape(Shape masks) {
        Shape s = c1.getOutputShapes(new Shape[] {masks})[0];
        s = c2.getOutputShapes(new Shape[] {s})[0];
        s = c3.getOutputShapes(new Shape[] {s})[0];
        return new Shape(masks.get(0), s.get(1) * s.get(2) * s.get(3));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape f = flatShape(inputShapes[0]);
        return out.getOutputShapes(new Shape[] {new Shape(f.get(0), f.get(1) + inputShapes[1].get(1))});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        c1.initialize(manager, dataType, s);
        s = c1.getOutputShapes(new Shape[] {s})[0];
        c2.initialize(manager, dataType, s);
        s = c2.getOutputShapes(new Shape[] {s})[0];
        c3.initialize(manager, dataType, s);
        Shape f = flatShape(inputShapes[0]);
        out.initialize(manager, dataType, new Shape(f.get(0), f.get(1) + inputShapes[1].get(1)));
    }
}
