package org.chipplace.gnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One graph convolution (Kipf and Welling, "Semi-Supervised Classification with Graph
 * Convolutional Networks", ICLR 2017): {@code Y = Â X W + b} with {@code Â = D^-1/2 (A + I) D^-1/2}.
 *
 * <p>Inputs: {@code X} dense {@code (N, F)} and {@code Â} sparse COO {@code (N, N)}; outputs
 * {@code Y} {@code (N, H)} and {@code Â} unchanged, so layers chain. Message passing is a sparse
 * times dense product ({@code torch.matmul} on a COO tensor): cost {@code O(nnz * H)}, never a dense
 * {@code N x N} matrix. No activation (the caller applies it).
 */
final class GcnLayer extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int units;
    private final Parameter weight;
    private final Parameter bias;

    private GcnLayer(Builder b) {
        super(VERSION);
        this.units = b.units;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        bias = b.bias ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build()) : null;
    }

    static Builder builder() {
        return new Builder();
    }

    int units() {
        return units;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0); // (N, F)
        NDArray adj = inputs.get(1); // sparse (N, N)
        NDArray w = ps.getValue(weight, x.getDevice(), training); // (F, H)
        NDArray y = adj.matMul(x.matMul(w)); // (N, F) x (F, H) -> (N, H); (N, N) x (N, H) -> (N, H)
        if (bias != null) {
            y = y.add(ps.getValue(bias, x.getDevice(), training)); // + (H)
        }
        return new NDList(y, adj);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), units), inputShapes[1]};
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        weight.setShape(new Shape(inputShapes[0].get(1), units));
        if (bias != null) {
            bias.setShape(new Shape(units));
        }
    }

    /** Builder: {@link #setUnits} is required; bias is on by default. */
    static final class Builder {
        private int units = -1;
        private boolean bias = true;

        Builder setUnits(int u) {
            this.units = u;
            return this;
        }

        Builder optBias(boolean b) {
            this.bias = b;
            return this;
        }

        GcnLayer build() {
            if (units <= 0) {
                throw new IllegalArgumentException("units must be > 0, got " + units);
            }
            return new GcnLayer(this);
        }
    }
}
