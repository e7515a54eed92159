package org.chipplace.policy;

import ai.djl.Device;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.chipplace.gnn.CircuitEncoder;
import org.chipplace.gnn.EncoderTrainer;
import org.chipplace.gnn.EncoderTrainingOptions;
import org.chipplace.netlist.Netlist;
import org.chipplace.offline.datasets.DatasetLoader;
import org.chipplace.offline.datasets.Datasets;
import org.chipplace.offline.datasets.TrainingWindow;
import org.chipplace.offline.env.DesignHash;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.offline.env.Trajectory;

/**
 * Offline pretraining of the {@link DecisionTransformer} on a trajectory dataset of offline-data
 * (ChiPFormer, Lai et al. 2023, section 4): windows of K steps sampled uniformly (random trajectory,
 * random start, seeded) from the trajectories within {@link TrainOptions#keepWithin()} of their
 * design's best (by the flow label when all of a design's trajectories have one, else by macro HPWL), with
 * returns-to-go divided by each design's greedy macro HPWL; masked
 * cross-entropy of the recorded cells; AdamW with linear warm-up then cosine decay to 10% of the
 * peak, gradient clipping. Designs given without trajectories in the dataset are held out and
 * evaluated by greedy rollouts every {@code evalEvery} steps. When no encoder is given, a circuit
 * encoder is trained first on the training designs only. Seeded, with one intra-op thread; MKL's
 * kernels may still round differently from run to run (their code path depends on buffer alignment),
 * so two runs agree closely but not always bit for bit.
 */
public final class PolicyTrainer {
    static {
        Engines.init();
    }

    private PolicyTrainer() {
    }

    /**
     * Pretrains a model.
     *
     * @param dataset  trajectory file written by {@link Datasets#generate}
     * @param designs  the dataset's designs (fixed nodes at their initial positions) plus held-out ones
     * @param progress receives every report (may be null)
     * @throws IllegalArgumentException when {@code o.encoder()} is not an encoder checkpoint folder
     * @throws org.chipplace.gnn.NoCudaDeviceException for device {@code gpu} without a CUDA device
     */
    public static TrainReport train(Path dataset, List<Netlist> designs, TrainOptions o, Consumer<TrainStats> progress) {
        long t0 = System.nanoTime();
        // the cheap checks first: a missing GPU or encoder fails before any work
        Device device = Engines.device(o.device());
        if (o.encoder() != null) {
            CircuitEncoder.checkCheckpoint(o.encoder());
        }
        List<Trajectory> trajs;
        try {
            trajs = Datasets.read(dataset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + dataset, e);
        }
        if (trajs.isEmpty()) {
            throw new IllegalArgumentException("dataset " + dataset + " holds no trajectories");
        }
        int grid = trajs.get(0).grid();
        for (Trajectory t : trajs) {
            if (t.grid() != grid) {
                throw new IllegalArgumentException("dataset mixes grids " + grid + " and " + t.grid());
            }
        }
        DatasetLoader loader = new DatasetLoader(trajs, designs);
        List<String> hashes = loader.designHashes();
        List<Netlist> train = new ArrayList<>();
        List<Netlist> heldOut = new ArrayList<>();
        Map<String, Netlist> byHash = new LinkedHashMap<>();
        for (Netlist nl : designs) {
            String h = DesignHash.of(nl, nl.initialPlacement());
            byHash.put(h, nl);
            if (!hashes.contains(h)) {
                heldOut.add(nl);
            }
        }
        for (String h : hashes) {
            train.add(byHash.get(h));
        }
        CircuitEncoder enc = o.encoder() != null ? CircuitEncoder.load(o.encoder())
                : EncoderTrainer.train(train, EncoderTrainingOptions.defaults().withEpochs(o.encoderEpochs())
                        .withSeed(o.seed()), null).encoder();
        DecisionTransformer dt = null;
        try {
            float[][] tokens = new float[train.size()][];
            double[] scales = new double[train.size()];
            double[] bestRet = new double[train.size()];
            java.util.Arrays.fill(bestRet, Double.NEGATIVE_INFINITY);
            for (int c = 0; c < train.size(); c++) {
                tokens[c] = enc.embed(train.get(c));
                Netlist nl = train.get(c);
                scales[c] = Placing.scale(new MacroEnv(nl, nl.initialPlacement(), Placing.envOptions(grid)));
            }
            for (int i = 0; i < trajs.size(); i++) {
                int c = loader.circuitId(i);
                bestRet[c] = Math.max(bestRet[c], trajs.get(i).ret() / scales[c]);
            }
            double target = 0;
            for (double r : bestRet) {
                target += r / bestRet.length;
            }
            List<Integer> kept = keep(trajs, loader, bestRet, scales, train.size(), o.keepWithin());
            DtConfig cfg = new DtConfig(grid, o.context(), o.layers(), o.heads(), o.width(), o.dropout(),
                    TrainOptions.MAX_STEPS, enc.latentDim(), target, o.residualBound());
            dt = DecisionTransformer.create(cfg, enc, true, device, o.seed());
            enc = null;
            dt.block().head().freezePrior(o.freezePrior());
            TrainReport report = loop(dt, loader, trajs, kept, tokens, scales, heldOut, o, progress, t0);
            dt = null;
            return report;
        } finally {
            if (dt != null) {
                dt.close();
            } else if (enc != null) {
                enc.close();
            }
        }
    }

    /**
     * Return filtering: the trajectories within {@code keepWithin} of their design's best. A design whose
     * trajectories all carry a flow label ({@link Trajectory#flowHpwl()}, dataset format 2) is filtered by
     * it, the final HPWL after the cell stages; any other design by its macro HPWL ({@code -ret}).
     */
    static List<Integer> keep(List<Trajectory> trajs, DatasetLoader loader, double[] bestRet, double[] scales,
                              int designs, double keepWithin) {
        boolean[] flow = new boolean[designs];
        java.util.Arrays.fill(flow, true);
        double[] bestFlow = new double[designs];
        java.util.Arrays.fill(bestFlow, Double.POSITIVE_INFINITY);
        for (int i = 0; i < trajs.size(); i++) {
            int c = loader.circuitId(i);
            Trajectory t = trajs.get(i);
            flow[c] &= t.labelled();
            if (t.labelled()) {
                bestFlow[c] = Math.min(bestFlow[c], t.flowHpwl());
            }
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < trajs.size(); i++) {
            int c = loader.circuitId(i);
            double best = flow[c] ? bestFlow[c] : -bestRet[c] * scales[c];
            double value = flow[c] ? trajs.get(i).flowHpwl() : -trajs.get(i).ret();
            if (value <= (1 + keepWithin) * best + 1e-9 * Math.abs(best)) {
                kept.add(i);
            }
        }
        return kept;
    }

    private static TrainReport loop(DecisionTransformer dt, DatasetLoader loader, List<Trajectory> trajs,
                                    List<Integer> kept,
                                    float[][] tokens, double[] scales, List<Netlist> heldOut, TrainOptions o,
                                    Consumer<TrainStats> progress, long t0) {
        DtConfig cfg = dt.config();
        int decay = Math.max(1, o.steps() - o.warmupSteps());
        Tracker lr = Tracker.warmUp().optWarmUpSteps(o.warmupSteps())
                .setMainTracker(Tracker.cosine().setBaseValue((float) o.learningRate())
                        .optFinalValue((float) (0.1 * o.learningRate())).setMaxUpdates(decay).build())
                .build();
        DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adamW().optLearningRateTracker(lr).optWeightDecays((float) o.weightDecay())
                        .optClipGrad((float) o.clipGrad()).build())
                .optDevices(new Device[] {dt.manager().getDevice()});
        List<TrainStats> history = new ArrayList<>();
        Map<String, Double> hpwl = new LinkedHashMap<>();
        Map<String, Double> greedy = new LinkedHashMap<>();
        SplittableRandom rnd = new SplittableRandom(o.seed() ^ 0x9E3779B97F4A7C15L);
        long deadline = o.timeLimitSeconds() > 0 ? t0 + (long) (o.timeLimitSeconds() * 1e9) : Long.MAX_VALUE;
        int step = 0;
        Best best = new Best();
        try (Trainer trainer = dt.model().newTrainer(tc); BufferedWriter log = openLog(o.logCsv())) {
            trainer.initialize(DecisionTransformer.inputShapes(cfg));
            double lossSum = 0;
            int lossN = 0;
            if (!heldOut.isEmpty()) {
                // the untrained policy (the greedy wire-mask prior) as the reference point
                double ratio = evaluate(dt, heldOut, hpwl, greedy);
                best.offer(ratio, 0, dt, hpwl);
                TrainStats st = new TrainStats(0, Double.NaN, lr.getNewValue(0), ratio,
                        (System.nanoTime() - t0) / 1_000_000);
                history.add(st);
                write(log, st);
                if (progress != null) {
                    progress.accept(st);
                }
            }
            while (step < o.steps() && System.nanoTime() < deadline) {
                Batch batch = new Batch(o.batchSize(), cfg.context(), cfg.grid(), cfg.tokenDim(), cfg.maxSteps());
                for (int i = 0; i < o.batchSize(); i++) {
                    int ti = kept.get(rnd.nextInt(kept.size()));
                    int n = trajs.get(ti).actions().length;
                    int len = Math.min(cfg.context(), n);
                    TrainingWindow w = loader.window(ti, rnd.nextInt(n - len + 1), len);
                    double s = scales[w.circuitId()];
                    float[] rtg = new float[w.startStep() + len];
                    float[][] states = new float[w.startStep() + len][];
                    int[] acts = new int[w.startStep() + len];
                    for (int k = 0; k < len; k++) {
                        rtg[w.startStep() + k] = (float) (w.returnsToGo()[k] / s);
                        states[w.startStep() + k] = w.states()[k];
                        acts[w.startStep() + k] = w.actions()[k];
                    }
                    batch.add(tokens[w.circuitId()], rtg, states, acts, w.startStep(), len, len);
                }
                double l = FineTuner.update(trainer, dt.manager(), batch, 0f);
                if (Double.isFinite(l)) { // non-finite batches are skipped by update
                    lossSum += l;
                    lossN++;
                }
                step++;
                boolean eval = !heldOut.isEmpty() && (step % o.evalEvery() == 0 || step == o.steps());
                if (step % 10 == 0 || eval) {
                    double ratio = eval ? evaluate(dt, heldOut, hpwl, greedy) : Double.NaN;
                    if (eval) {
                        best.offer(ratio, step, dt, hpwl);
                    }
                    TrainStats st = new TrainStats(step, lossSum / lossN, lr.getNewValue(step), ratio,
                            (System.nanoTime() - t0) / 1_000_000);
                    lossSum = 0;
                    lossN = 0;
                    history.add(st);
                    write(log, st);
                    if (progress != null) {
                        progress.accept(st);
                    }
                }
            }
            if (!heldOut.isEmpty() && (hpwl.isEmpty() || step % o.evalEvery() != 0)) {
                double ratio = evaluate(dt, heldOut, hpwl, greedy);
                best.offer(ratio, step, dt, hpwl);
                TrainStats st = new TrainStats(step, Double.NaN, lr.getNewValue(step), ratio,
                        (System.nanoTime() - t0) / 1_000_000);
                history.add(st);
                write(log, st);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write training log " + o.logCsv(), e);
        }
        int bestStep = step;
        if (best.params != null) {
            best.restore(dt);
            hpwl = best.hpwl;
            bestStep = best.step;
        }
        return new TrainReport(history, hpwl, greedy, step, bestStep, (System.nanoTime() - t0) / 1_000_000, dt);
    }

    /** Parameters of the best held-out evaluation so far (model selection). */
    private static final class Best {
        double ratio = Double.POSITIVE_INFINITY;
        int step;
        byte[] params;
        Map<String, Double> hpwl;

        void offer(double r, int s, DecisionTransformer dt, Map<String, Double> h) {
            if (r < ratio) {
                ratio = r;
                step = s;
                hpwl = new LinkedHashMap<>(h);
                params = dt.parameterBytes();
            }
        }

        void restore(DecisionTransformer dt) {
            dt.loadParameterBytes(params);
        }
    }

    /** Greedy rollouts on the held-out designs; returns the mean ratio to the greedy placer. */
    static double evaluate(DecisionTransformer dt, List<Netlist> heldOut, Map<String, Double> hpwl,
                           Map<String, Double> greedy) {
        double sum = 0;
        for (Netlist nl : heldOut) {
            MacroEnv env = new MacroEnv(nl, nl.initialPlacement(), Placing.envOptions(dt.grid()));
            if (env.numSteps() == 0) {
                continue;
            }
            double scale = Placing.scale(env);
            Episode e = Rollouts.run(dt, env, dt.encoder().embed(nl), scale, dt.targetReturn(), 0,
                    new SplittableRandom(0));
            hpwl.put(nl.name(), e.hpwl());
            greedy.put(nl.name(), scale);
            sum += e.hpwl() / scale;
        }
        return sum / heldOut.size();
    }

    private static BufferedWriter openLog(Path csv) throws IOException {
        if (csv == null) {
            return null;
        }
        if (csv.getParent() != null) {
            Files.createDirectories(csv.getParent());
        }
        BufferedWriter w = Files.newBufferedWriter(csv);
        w.write("step,elapsed_s,loss,learning_rate,heldout_hpwl_over_greedy\n");
        w.flush();
        return w;
    }

    private static void write(BufferedWriter log, TrainStats s) throws IOException {
        if (log == null) {
            return;
        }
        log.write(String.format(Locale.ROOT, "%d,%.1f,%.5f,%.6g,%.5f%n", s.step(), s.elapsedMillis() / 1000.0,
                s.loss(), s.learningRate(), s.heldOutRatio()));
        log.flush();
    }
}
