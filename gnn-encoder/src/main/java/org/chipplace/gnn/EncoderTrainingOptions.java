package org.chipplace.gnn;

/**
 * Options of {@link EncoderTrainer#train}.
 *
 * @param epochs          passes over all designs, one Adam step per design and pass (default 150, at least 1)
 * @param learningRate    Adam learning rate (default 0.01, positive)
 * @param hiddenDim       width of the first GCN layer (default 64, at least 1)
 * @param latentDim       size of node embeddings and of the circuit token (default 32, at least 1)
 * @param seed            seeds parameter init, edge splits, sampling and the engine (default 1)
 * @param holdoutFraction fraction of each design's edges held out for the AUC (default 0.1, in [0, 0.5])
 * @param maxEdgesPerStep positive edges sampled per step, as many negatives (default 4096, at least 1)
 * @param klWeight        weight of the KL term, applied as {@code klWeight / N} as in the VGAE paper (default 1, >= 0)
 * @param evalEvery       held-out AUC every this many epochs and after the last (default 10, at least 1)
 * @param graphOptions    how designs become graphs (default {@link EncoderGraphOptions#defaults()})
 */
public record EncoderTrainingOptions(int epochs, double learningRate, int hiddenDim, int latentDim, long seed,
                                     double holdoutFraction, int maxEdgesPerStep, double klWeight, int evalEvery,
                                     EncoderGraphOptions graphOptions) {

    public EncoderTrainingOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive, got " + learningRate);
        }
        if (hiddenDim < 1 || latentDim < 1) {
            throw new IllegalArgumentException("hiddenDim and latentDim must be >= 1, got " + hiddenDim + ", " + latentDim);
        }
        if (!(holdoutFraction >= 0 && holdoutFraction <= 0.5)) {
            throw new IllegalArgumentException("holdoutFraction must be in [0, 0.5], got " + holdoutFraction);
        }
        if (maxEdgesPerStep < 1) {
            throw new IllegalArgumentException("maxEdgesPerStep must be >= 1, got " + maxEdgesPerStep);
        }
        if (!(klWeight >= 0) || Double.isInfinite(klWeight)) {
            throw new IllegalArgumentException("klWeight must be >= 0, got " + klWeight);
        }
        if (evalEvery < 1) {
            throw new IllegalArgumentException("evalEvery must be >= 1, got " + evalEvery);
        }
        if (graphOptions == null) {
            throw new IllegalArgumentException("graphOptions must not be null");
        }
    }

    /** 150 epochs, lr 0.01, 64 hidden, 32 latent, seed 1, 10% held out, 4096 edges per step, KL 1, AUC every 10. */
    public static EncoderTrainingOptions defaults() {
        return new EncoderTrainingOptions(150, 0.01, 64, 32, 1L, 0.1, 4096, 1.0, 10, EncoderGraphOptions.defaults());
    }

    public EncoderTrainingOptions withEpochs(int e) {
        return new EncoderTrainingOptions(e, learningRate, hiddenDim, latentDim, seed, holdoutFraction, maxEdgesPerStep,
                klWeight, evalEvery, graphOptions);
    }

    public EncoderTrainingOptions withLearningRate(double lr) {
        return new EncoderTrainingOptions(epochs, lr, hiddenDim, latentDim, seed, holdoutFraction, maxEdgesPerStep,
                klWeight, evalEvery, graphOptions);
    }

    public EncoderTrainingOptions withSeed(long s) {
        return new EncoderTrainingOptions(epochs, learningRate, hiddenDim, latentDim, s, holdoutFraction, maxEdgesPerStep,
                klWeight, evalEvery, graphOptions);
    }

    public EncoderTrainingOptions withDims(int hidden, int latent) {
        return new EncoderTrainingOptions(epochs, learningRate, hidden, latent, seed, holdoutFraction, maxEdgesPerStep,
                klWeight, evalEvery, graphOptions);
    }

    public EncoderTrainingOptions withGraphOptions(EncoderGraphOptions g) {
        return new EncoderTrainingOptions(epochs, learningRate, hiddenDim, latentDim, seed, holdoutFraction,
                maxEdgesPerStep, klWeight, evalEvery, g);
    }
}
