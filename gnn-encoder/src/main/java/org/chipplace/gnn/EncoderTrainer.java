package org.chipplace.gnn;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.chipplace.netlist.Netlist;

/**
 * Trains the {@link CircuitEncoder} VGAE across many designs (Kipf and Welling 2016; ChiPFormer,
 * Lai et al. 2023): per epoch, one Adam step per design in a seeded random order; each step
 * samples up to {@code maxEdgesPerStep} training edges as positives and as many non-edges as
 * negatives, reparameterises {@code z = mu + eps * exp(logvar / 2)} with seeded Gaussian
 * {@code eps}, decodes {@code sigmoid(<z_u, z_v>)} and minimises BCE plus weighted KL.
 * Deterministic for a seed on the same machine and thread count.
 */
public final class EncoderTrainer {
    static {
        Djl.init();
    }

    private EncoderTrainer() {
    }

    /**
     * Trains a fresh encoder on {@code designs}.
     *
     * @param progress called after every epoch (may be null)
     * @return statistics and the trained encoder (the caller closes the report)
     */
    public static TrainingReport train(List<Netlist> designs, EncoderTrainingOptions o, Consumer<EpochStats> progress) {
        if (designs.isEmpty()) {
            throw new IllegalArgumentException("no designs to train on");
        }
        long t0 = System.nanoTime();
        PyTorch.engine().setRandomSeed((int) o.seed());
        List<EdgeSplit> splits = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Netlist nl : designs) {
            CircuitGraph g = CircuitGraph.of(nl, o.graphOptions());
            splits.add(EdgeSplit.of(g, o.holdoutFraction(), EdgeSplit.seedFor(o.seed(), nl.name())));
            names.add(nl.name());
        }
        EncoderConfig config = new EncoderConfig(o.hiddenDim(), o.latentDim(), o.graphOptions(), o.seed(),
                o.holdoutFraction());
        VgaeBlock block = new VgaeBlock(o.hiddenDim(), o.latentDim());
        Model model = Model.newInstance("gnn-encoder");
        boolean ok = false;
        try {
            model.setBlock(block);
            List<EpochStats> stats = new ArrayList<>();
            double[] finalAuc;
            DefaultTrainingConfig tc = new DefaultTrainingConfig(new VgaeLoss(o.klWeight()))
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) o.learningRate())).build())
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(tc); NDManager data = model.getNDManager().newSubManager()) {
                trainer.initialize(new Shape(1, CircuitGraph.NUM_FEATURES), new Shape(1, 1));
                initWeights(block, o.seed());
                List<NDList> inputs = new ArrayList<>();
                for (EdgeSplit s : splits) {
                    inputs.add(s.graph().numNodes() == 0 ? null
                            : Djl.inputs(data, s.graph(), s.trainSrc(), s.trainDst(), s.trainW()));
                }
                SplittableRandom rnd = new SplittableRandom(o.seed() ^ 0x5DEECE66DL);
                int[] order = new int[splits.size()];
                finalAuc = new double[splits.size()];
                for (int epoch = 1; epoch <= o.epochs(); epoch++) {
                    shuffle(order, rnd);
                    double lossSum = 0;
                    int steps = 0;
                    for (int gi : order) {
                        EdgeSplit s = splits.get(gi);
                        if (inputs.get(gi) == null || s.trainSrc().length == 0) {
                            continue;
                        }
                        lossSum += step(trainer, inputs.get(gi), s, o, rnd);
                        steps++;
                    }
                    double auc = Double.NaN;
                    if (epoch % o.evalEvery() == 0 || epoch == o.epochs()) {
                        auc = evaluate(trainer, inputs, splits, o.latentDim(), finalAuc);
                    }
                    EpochStats es = new EpochStats(epoch, steps == 0 ? Double.NaN : lossSum / steps, auc,
                            (System.nanoTime() - t0) / 1_000_000);
                    stats.add(es);
                    if (progress != null) {
                        progress.accept(es);
                    }
                }
            }
            double mean = meanFinite(finalAuc);
            TrainingReport r = new TrainingReport(List.copyOf(stats), List.copyOf(names), finalAuc, mean,
                    (System.nanoTime() - t0) / 1_000_000, new CircuitEncoder(model, block, config));
            ok = true;
            return r;
        } finally {
            if (!ok) {
                model.close();
            }
        }
    }

    private static double step(Trainer trainer, NDList in, EdgeSplit s, EncoderTrainingOptions o, SplittableRandom rnd) {
        int n = s.graph().numNodes();
        int m = s.trainSrc().length;
        int p = Math.min(m, o.maxEdgesPerStep());
        long[] u = new long[2 * p];
        long[] v = new long[2 * p];
        float[] label = new float[2 * p];
        for (int i = 0; i < p; i++) {
            int k = p == m ? i : rnd.nextInt(m);
            u[i] = s.trainSrc()[k];
            v[i] = s.trainDst()[k];
            label[i] = 1f;
        }
        int[] nu = new int[p];
        int[] nv = new int[p];
        LinkPrediction.sampleNegatives(n, s.allKeys(), p, rnd, nu, nv, 0);
        for (int i = 0; i < p; i++) {
            u[p + i] = nu[i];
            v[p + i] = nv[i];
        }
        int dim = o.latentDim();
        float[] eps = new float[n * dim];
        for (int i = 0; i < eps.length; i++) {
            eps[i] = (float) rnd.nextGaussian();
        }
        double loss;
        try (NDManager sub = trainer.getManager().newSubManager(); GradientCollector gc = trainer.newGradientCollector()) {
            in.tempAttach(sub); // every intermediate of this step lands on sub and is freed with it
            NDList out = trainer.forward(in); // mu (N, L), logvar (N, L)
            NDArray mu = out.get(0);
            NDArray lv = out.get(1);
            NDArray z = mu.add(sub.create(eps, new Shape(n, dim)).mul(lv.mul(0.5f).exp())); // (N, L)
            NDArray zu = z.get(new NDIndex("{}", sub.create(u))); // (2P, L)
            NDArray zv = z.get(new NDIndex("{}", sub.create(v))); // (2P, L)
            NDArray logits = zu.mul(zv).sum(new int[] {1}); // (2P)
            NDArray l = trainer.getLoss().evaluate(new NDList(sub.create(label)), new NDList(logits, mu, lv));
            gc.backward(l);
            loss = l.getFloat();
        }
        trainer.step();
        return loss;
    }

    private static double evaluate(Trainer trainer, List<NDList> inputs, List<EdgeSplit> splits, int dim, double[] auc) {
        for (int i = 0; i < splits.size(); i++) {
            EdgeSplit s = splits.get(i);
            if (inputs.get(i) == null || s.testSrc().length == 0) {
                auc[i] = Double.NaN;
                continue;
            }
            float[] z;
            try (NDManager sub = trainer.getManager().newSubManager()) {
                inputs.get(i).tempAttach(sub);
                z = trainer.evaluate(inputs.get(i)).get(0).toFloatArray();
            }
            auc[i] = s.auc(z, dim);
        }
        return meanFinite(auc);
    }

    /** Glorot-uniform weights and zero biases from a seeded generator, in parameter order. */
    static void initWeights(VgaeBlock block, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            Shape sh = a.getShape();
            float[] vals = new float[(int) sh.size()];
            if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                double lim = Math.sqrt(6.0 / (sh.get(0) + sh.get(sh.dimension() - 1)));
                for (int i = 0; i < vals.length; i++) {
                    vals[i] = (float) ((rnd.nextDouble() * 2 - 1) * lim);
                }
            }
            a.set(vals);
            if (a.getDataType() != DataType.FLOAT32) {
                throw new IllegalStateException("expected float32 parameters");
            }
        }
    }

    private static void shuffle(int[] order, SplittableRandom rnd) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static double meanFinite(double[] a) {
        double s = 0;
        int c = 0;
        for (double x : a) {
            if (Double.isFinite(x)) {
                s += x;
                c++;
            }
        }
        return c == 0 ? Double.NaN : s / c;
    }
}
