package org.chipplace.policy;

import java.nio.file.Path;
import java.util.Locale;
import org.chipplace.gnn.PyTorch;

/**
 * Options of {@link PolicyTrainer#train} (offline pretraining). The grid is the dataset's.
 *
 * @param context          context window K in steps (&gt;= 1); default 16
 * @param layers           GPT blocks (&gt;= 1); default 4
 * @param heads            attention heads (&gt;= 1, divides width); default 4
 * @param width            embedding width (&gt;= 1); default 128
 * @param dropout          dropout in [0, 1); default 0.1
 * @param batchSize        windows per step (&gt;= 1); default 16
 * @param steps            optimizer steps (&gt;= 1); default 2000
 * @param learningRate     AdamW peak learning rate (&gt; 0); default 3e-4
 * @param weightDecay      AdamW weight decay (&gt;= 0); default 1e-4
 * @param warmupSteps      linear warm-up steps before cosine decay to 10% (&gt;= 0); default 100
 * @param clipGrad         gradient clipping bound (&gt; 0); default 1
 * @param seed             seeds initialisation, dropout, window sampling and the encoder; default 1
 * @param evalEvery        held-out greedy rollouts every this many steps and at the end (&gt;= 1); default 250
 * @param encoderEpochs    epochs of the circuit encoder trained on the training designs when
 *                         {@code encoder} is null (&gt;= 1); default 100
 * @param encoder          an existing {@link org.chipplace.gnn.CircuitEncoder} checkpoint folder, or null
 * @param logCsv           CSV log of loss and held-out HPWL (one row per 10 steps and per evaluation), or null
 * @param timeLimitSeconds stop early after this wall time (0 = no limit); default 0
 * @param keepWithin       train only on trajectories whose macro HPWL is at most {@code 1 + keepWithin}
 *                         times the best of their design in the dataset (return filtering, &gt;= 0;
 *                         infinity keeps all); a design whose trajectories all carry flow labels
 *                         (dataset format 2) is filtered by the label, the final HPWL; default 0.1
 * @param freezePrior      keep the action head's greedy prior (wire-mask weight and lower-left
 *                         tie-break) fixed and train only the rest, whose fused residual starts at 0;
 *                         default true (training them moved the policy away from greedy within 40
 *                         steps, see docs/models/decision-transformer.md)
 * @param residualBound    bound of the head's learned residual path ({@code ActionHead}), finite and
 *                         &gt; 0; default 0.1 (re-ranks only near-ties of the wire mask; large values
 *                         give the unbounded head, as the tiny test model uses to show its capacity)
 * @param device           {@code cpu} or {@code gpu} (any case): where the policy trains; {@code gpu} is
 *                         the PyTorch engine's CUDA device (the {@code cuda} Maven profile on a machine
 *                         with an NVIDIA GPU; {@link PolicyTrainer#train} fails first with a one-line
 *                         {@link org.chipplace.gnn.NoCudaDeviceException} without one); the circuit
 *                         encoder, when trained here, stays on the CPU; default {@code cpu}
 */
public record TrainOptions(int context, int layers, int heads, int width, double dropout, int batchSize, int steps,
                           double learningRate, double weightDecay, int warmupSteps, double clipGrad, long seed,
                           int evalEvery, int encoderEpochs, Path encoder, Path logCsv, double timeLimitSeconds,
                           double keepWithin, boolean freezePrior,
                           double residualBound, String device) {
    /** Size of the step-embedding table (later steps share the last row). */
    static final int MAX_STEPS = 512;

    public TrainOptions {
        if (context < 1 || layers < 1 || heads < 1 || width < 1 || batchSize < 1 || steps < 1 || evalEvery < 1
                || encoderEpochs < 1 || warmupSteps < 0) {
            throw new IllegalArgumentException("sizes and counts must be positive");
        }
        if (width % heads != 0) {
            throw new IllegalArgumentException("width " + width + " must be divisible by heads " + heads);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1): " + dropout);
        }
        if (!(learningRate > 0) || !(weightDecay >= 0) || !(clipGrad > 0) || !(timeLimitSeconds >= 0)
                || Double.isInfinite(learningRate) || Double.isInfinite(timeLimitSeconds)) {
            throw new IllegalArgumentException("learningRate and clipGrad must be > 0, weightDecay and "
                    + "timeLimitSeconds >= 0 and finite");
        }
        if (!(residualBound > 0) || Double.isInfinite(residualBound)) {
            throw new IllegalArgumentException("residualBound must be finite and > 0: " + residualBound);
        }
        if (!(keepWithin >= 0)) {
            throw new IllegalArgumentException("keepWithin must be >= 0: " + keepWithin);
        }
        if (device == null) {
            throw new IllegalArgumentException("device must be cpu or gpu, got null");
        }
        device = device.trim().toLowerCase(Locale.ROOT);
        if (!PyTorch.DEVICES.contains(device)) {
            throw new IllegalArgumentException("device must be cpu or gpu, got " + device);
        }
    }

    /** The options on the CPU (as before the device was an option). */
    public TrainOptions(int context, int layers, int heads, int width, double dropout, int batchSize, int steps,
                        double learningRate, double weightDecay, int warmupSteps, double clipGrad, long seed,
                        int evalEvery, int encoderEpochs, Path encoder, Path logCsv, double timeLimitSeconds,
                        double keepWithin, boolean freezePrior, double residualBound) {
        this(context, layers, heads, width, dropout, batchSize, steps, learningRate, weightDecay, warmupSteps,
                clipGrad, seed, evalEvery, encoderEpochs, encoder, logCsv, timeLimitSeconds, keepWithin, freezePrior,
                residualBound, "cpu");
    }

    public static TrainOptions defaults() {
        return new TrainOptions(16, 4, 4, 128, 0.1, 16, 2000, 3e-4, 1e-4, 100, 1.0, 1L, 250, 100, null, null, 0, 0.1, true, 0.1,
                "cpu");
    }

    /** A tiny model for tests: K 4, 1 layer, 2 heads, width 16, no dropout, batch 4. */
    public static TrainOptions tiny(int steps) {
        return new TrainOptions(4, 1, 2, 16, 0, 4, steps, 3e-3, 0, 5, 1.0, 1L, steps, 5, null, null, 0,
                Double.POSITIVE_INFINITY, false, 1e3, "cpu");
    }

    public TrainOptions withSteps(int s) {
        return new TrainOptions(context, layers, heads, width, dropout, batchSize, s, learningRate, weightDecay,
                warmupSteps, clipGrad, seed, evalEvery, encoderEpochs, encoder, logCsv, timeLimitSeconds, keepWithin, freezePrior,
                residualBound, device);
    }

    public TrainOptions withSeed(long s) {
        return new TrainOptions(context, layers, heads, width, dropout, batchSize, steps, learningRate, weightDecay,
                warmupSteps, clipGrad, s, evalEvery, encoderEpochs, encoder, logCsv, timeLimitSeconds, keepWithin, freezePrior,
                residualBound, device);
    }

    public TrainOptions withLog(Path csv) {
        return new TrainOptions(context, layers, heads, width, dropout, batchSize, steps, learningRate, weightDecay,
                warmupSteps, clipGrad, seed, evalEvery, encoderEpochs, encoder, csv, timeLimitSeconds, keepWithin, freezePrior,
                residualBound, device);
    }

    public TrainOptions withEncoder(Path dir) {
        return new TrainOptions(context, layers, heads, width, dropout, batchSize, steps, learningRate, weightDecay,
                warmupSteps, clipGrad, seed, evalEvery, encoderEpochs, dir, logCsv, timeLimitSeconds, keepWithin, freezePrior,
                residualBound, device);
    }

    public TrainOptions withTimeLimit(double seconds) {
        return new TrainOptions(context, layers, heads, width, dropout, batchSize, steps, learningRate, weightDecay,
                warmupSteps, clipGrad, seed, evalEvery, encoderEpochs, encoder, logCsv, seconds, keepWithin, freezePrior,
                residualBound, device);
    }

    public TrainOptions withKeepWithin(double k) {
        return new TrainOptions(context, layers, heads, width, dropout, batchSize, steps, learningRate, weightDecay,
                warmupSteps, clipGrad, seed, evalEvery, encoderEpochs, encoder, logCsv, timeLimitSeconds, k, freezePrior,
                residualBound, device);
    }

    public TrainOptions withEvalEvery(int n) {
        return new TrainOptions(context, layers, heads, width, dropout, batchSize, steps, learningRate, weightDecay,
                warmupSteps, clipGrad, seed, n, encoderEpochs, encoder, logCsv, timeLimitSeconds, keepWithin, freezePrior,
                residualBound, device);
    }

    public TrainOptions withFreezePrior(boolean f) {
        return new TrainOptions(context, layers, heads, width, dropout, batchSize, steps, learningRate, weightDecay,
                warmupSteps, clipGrad, seed, evalEvery, encoderEpochs, encoder, logCsv, timeLimitSeconds, keepWithin, f,
                residualBound, device);
    }

    public TrainOptions withResidualBound(double b) {
        return new TrainOptions(context, layers, heads, width, dropout, batchSize, steps, learningRate, weightDecay,
                warmupSteps, clipGrad, seed, evalEvery, encoderEpochs, encoder, logCsv, timeLimitSeconds, keepWithin,
                freezePrior, b, device);
    }

    public TrainOptions withDevice(String d) {
        return new TrainOptions(context, layers, heads, width, dropout, batchSize, steps, learningRate, weightDecay,
                warmupSteps, clipGrad, seed, evalEvery, encoderEpochs, encoder, logCsv, timeLimitSeconds, keepWithin,
                freezePrior, residualBound, d);
    }
}
