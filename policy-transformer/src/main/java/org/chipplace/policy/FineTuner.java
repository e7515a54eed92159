package org.chipplace.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.placer.ProgressListener;

/**
 * Online fine-tuning on the target circuit in the style of ChiPFormer's online decision transformer
 * (Zheng et al. 2022): each iteration samples a rollout with the current policy conditioned on a
 * return {@link #TARGET_GAIN} better than the best seen, keeps the {@link #BUFFER} best episodes in a
 * replay buffer (with hindsight returns-to-go) and takes one AdamW step on windows from the buffer,
 * minimising cross-entropy minus {@link #ENTROPY} times the policy entropy. The best episode seen
 * (including those passed in) is returned, so the result is never worse than the input.
 */
final class FineTuner {
    static final float LEARNING_RATE = 2e-4f;
    static final float ENTROPY = 0.01f;
    static final int BUFFER = 8;
    static final int BATCH = 4;
    static final double TARGET_GAIN = 0.03;

    private FineTuner() {
    }

    /** Best episode and the number of iterations done. */
    record Outcome(Episode best, int steps) {
    }

    static Outcome run(DecisionTransformer dt, MacroEnv env, float[] token, double scale, List<Episode> start,
                       DtOptions o, long deadline, SplittableRandom rnd, List<Double> seen, ProgressListener progress) {
        DtConfig cfg = dt.config();
        List<Episode> buffer = new ArrayList<>(start);
        buffer.sort(Comparator.comparingDouble(Episode::hpwl));
        Episode best = buffer.get(0);
        DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adamW().optLearningRateTracker(Tracker.fixed(LEARNING_RATE))
                        .optWeightDecays(1e-4f).optClipGrad(1f).build())
                .optDevices(new ai.djl.Device[] {dt.manager().getDevice()});
        int it = 0;
        try (Trainer trainer = dt.model().newTrainer(tc)) {
            trainer.initialize(DecisionTransformer.inputShapes(cfg));
            for (; it < o.fineTuneSteps() && System.nanoTime() < deadline; it++) {
                double target = -best.hpwl() / scale * (1 - TARGET_GAIN);
                Episode e = Rollouts.run(dt, env, token, scale, target, o.temperature(), o.sampleFraction(), rnd);
                seen.add(e.hpwl());
                if (e.hpwl() < best.hpwl()) {
                    best = e;
                }
                buffer.add(e);
                buffer.sort(Comparator.comparingDouble(Episode::hpwl));
                while (buffer.size() > BUFFER) {
                    buffer.remove(buffer.size() - 1);
                }
                step(trainer, dt, buffer, token, scale, rnd);
                progress.report("macro", seen.size(), (it + 1) / (double) o.fineTuneSteps(), best.hpwl(), Double.NaN);
            }
        }
        return new Outcome(best, it);
    }

    /** One AdamW step on {@link #BATCH} random windows of the buffer; returns the loss. */
    static double step(Trainer trainer, DecisionTransformer dt, List<Episode> buffer, float[] token, double scale,
                       SplittableRandom rnd) {
        DtConfig cfg = dt.config();
        int k = cfg.context();
        Batch batch = new Batch(BATCH, k, cfg.grid(), cfg.tokenDim(), cfg.maxSteps());
        for (int i = 0; i < BATCH; i++) {
            Episode e = buffer.get(rnd.nextInt(buffer.size()));
            int len = Math.min(k, e.length());
            int s = rnd.nextInt(e.length() - len + 1);
            batch.add(token, e.returnsToGo(scale), e.states(), e.actions(), s, len, len);
        }
        return update(trainer, dt.manager(), batch, ENTROPY);
    }

    /**
     * Forward, backward and optimizer step on one batch; returns the loss. A batch whose loss or any
     * gradient is not finite is skipped (no optimizer step; NaN returned), so one bad batch cannot
     * turn the parameters into NaN (a finite loss with NaN gradients ended a pretraining run).
     */
    static double update(Trainer trainer, NDManager parent, Batch batch, float entropyWeight) {
        double loss;
        try (NDManager m = parent.newSubManager(); GradientCollector gc = trainer.newGradientCollector()) {
            NDList in = batch.toNd(m);
            NDList lab = batch.labels(m);
            NDArray logits = trainer.forward(in).singletonOrThrow(); // (B, K, G*G)
            NDArray l = Losses.policyLoss(logits, lab.get(0), lab.get(1), entropyWeight);
            loss = l.getFloat();
            if (!Double.isFinite(loss)) {
                return loss;
            }
            gc.backward(l);
            if (!gradientsFinite(trainer)) {
                return Double.NaN;
            }
        }
        trainer.step();
        return loss;
    }

    /** Whether every gradient of the trainer's trainable parameters is finite. */
    static boolean gradientsFinite(Trainer trainer) {
        for (Pair<String, Parameter> p : trainer.getModel().getBlock().getParameters()) {
            Parameter par = p.getValue();
            if (par.requiresGradient() && par.isInitialized()) {
                NDArray g = par.getArray().getGradient();
                if (g.isNaN().any().getBoolean() || g.isInfinite().any().getBoolean()) {
                    return false;
                }
            }
        }
        return true;
    }
}
