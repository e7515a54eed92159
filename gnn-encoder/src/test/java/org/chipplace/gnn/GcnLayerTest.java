package org.chipplace.gnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GcnLayerTest {
    static {
        Djl.init();
    }

    private static final int N = 5;
    private static final int F = CircuitGraph.NUM_FEATURES;
    private static final int H = 3;
    // a path 0-1-2-3 with weights, a chord 0-2, node 4 isolated
    private static final int[] SRC = {0, 1, 2, 0};
    private static final int[] DST = {1, 2, 3, 2};
    private static final float[] W = {1f, 2f, 0.5f, 1.5f};

    static CircuitGraph tinyGraph(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[N * F];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return new CircuitGraph("tiny", N, new int[] {0, 1, 2, 3, 4}, x, SRC, DST, W, new int[0]);
    }

    /** Dense D^-1/2 (A + I) D^-1/2 straight from the definition. */
    static double[][] denseNormalised() {
        double[][] a = new double[N][N];
        for (int k = 0; k < SRC.length; k++) {
            a[SRC[k]][DST[k]] += W[k];
            a[DST[k]][SRC[k]] += W[k];
        }
        for (int i = 0; i < N; i++) {
            a[i][i] += 1;
        }
        double[] d = new double[N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                d[i] += a[i][j];
            }
        }
        double[][] out = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                out[i][j] = a[i][j] / Math.sqrt(d[i] * d[j]);
            }
        }
        return out;
    }

    private static void setRandom(Parameter p, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] v = new float[(int) p.getArray().getShape().size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        p.getArray().set(v);
    }

    @Test
    void sparseLayerMatchesDenseComputationOnTinyGraph() {
        CircuitGraph g = tinyGraph(1);
        GcnLayer layer = GcnLayer.builder().setUnits(H).build();
        try (NDManager m = NDManager.newBaseManager()) {
            layer.initialize(m, DataType.FLOAT32, new Shape(N, F), new Shape(N, N));
            Parameter w = layer.getParameters().get("weight");
            Parameter b = layer.getParameters().get("bias");
            setRandom(w, 2);
            setRandom(b, 3);
            NDList in = Djl.inputs(m, g, g.src(), g.dst(), g.weight());
            float[] y = layer.forward(new ParameterStore(m, false), in, false).get(0).toFloatArray();
            assertThat(layer.getOutputShapes(new Shape[] {new Shape(N, F), new Shape(N, N)})[0]).isEqualTo(new Shape(N, H));
            float[] wv = w.getArray().toFloatArray();
            float[] bv = b.getArray().toFloatArray();
            double[][] a = denseNormalised();
            for (int i = 0; i < N; i++) {
                for (int h = 0; h < H; h++) {
                    double s = bv[h];
                    for (int j = 0; j < N; j++) {
                        for (int f = 0; f < F; f++) {
                            s += a[i][j] * g.features()[j * F + f] * wv[f * H + h];
                        }
                    }
                    assertThat((double) y[i * H + h]).isCloseTo(s, within(1e-5));
                }
            }
        }
    }

    @Test
    void weightGradientThroughSparseProductMatchesFiniteDifferences() {
        CircuitGraph g = tinyGraph(5);
        GcnLayer layer = GcnLayer.builder().setUnits(H).optBias(false).build();
        SplittableRandom rnd = new SplittableRandom(9);
        float[] r = new float[N * H];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            layer.initialize(m, DataType.FLOAT32, new Shape(N, F), new Shape(N, N));
            Parameter w = layer.getParameters().get("weight");
            setRandom(w, 4);
            NDList in = Djl.inputs(m, g, g.src(), g.dst(), g.weight());
            NDArray rArr = m.create(r, new Shape(N, H));
            float[] grad;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = layer.forward(new ParameterStore(m, false), in, true).get(0);
                gc.backward(y.mul(rArr).sum()); // loss = sum(Y * R)
                grad = w.getArray().getGradient().toFloatArray();
            }
            float[] wv = w.getArray().toFloatArray();
            double[][] a = denseNormalised();
            double step = 1e-3;
            for (int f = 0; f < F; f += 3) {
                for (int h = 0; h < H; h++) {
                    double up = denseLoss(a, g.features(), wv, r, f * H + h, step);
                    double down = denseLoss(a, g.features(), wv, r, f * H + h, -step);
                    assertThat((double) grad[f * H + h]).isCloseTo((up - down) / (2 * step), within(1e-3));
                }
            }
        }
    }

    /** sum(Â X W' R) in double with W'[k] = W[k] + delta. */
    private static double denseLoss(double[][] a, float[] x, float[] w, float[] r, int k, double delta) {
        double s = 0;
        for (int i = 0; i < N; i++) {
            for (int h = 0; h < H; h++) {
                double y = 0;
                for (int j = 0; j < N; j++) {
                    for (int f = 0; f < F; f++) {
                        double wf = w[f * H + h] + (f * H + h == k ? delta : 0);
                        y += a[i][j] * x[j * F + f] * wf;
                    }
                }
                s += y * r[i * H + h];
            }
        }
        return s;
    }
}
