package org.chipplace.policy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.chipplace.offline.env.MacroEnv;

/**
 * Policy rollouts of a {@link DtBlock} on a {@link MacroEnv}: at step t the last K steps
 * (returns-to-go, states, actions) and the circuit token are fed, illegal cells are excluded by the
 * position mask, and the cell is the argmax or a sample of {@code softmax(logits / temperature)}.
 * Returns-to-go start at {@code targetReturn} (normalised by {@code scale}) and are decreased by
 * each step's normalised reward, as in the decision transformer.
 */
final class Rollouts {
    private Rollouts() {
    }

    /**
     * Runs one episode from a reset of {@code env} (default order).
     *
     * @param temperature 0 for argmax, else the sampling temperature
     */
    static Episode run(DecisionTransformer dt, MacroEnv env, float[] token, double scale, double targetReturn,
                       double temperature, SplittableRandom rnd) {
        return run(dt, env, token, scale, targetReturn, temperature, 1.0, rnd);
    }

    /**
     * As {@link #run(DecisionTransformer, MacroEnv, float[], double, double, double, SplittableRandom)},
     * sampling only at a random {@code sampleFraction} of the steps (argmax at the others).
     */
    static Episode run(DecisionTransformer dt, MacroEnv env, float[] token, double scale, double targetReturn,
                       double temperature, double sampleFraction, SplittableRandom rnd) {
        DtConfig cfg = dt.config();
        int g = cfg.grid();
        int gg = g * g;
        int k = cfg.context();
        env.reset();
        int n = env.numSteps();
        float[][] states = new float[n][];
        int[] actions = new int[n];
        double[] rewards = new double[n];
        float[] rtg = new float[n];
        double r = targetReturn;
        double[] wm = new double[gg];
        int[] ov = new int[gg];
        for (int t = 0; t < n; t++) {
            states[t] = new float[MacroEnv.stateSize(g)];
            env.observe(states[t]);
            rtg[t] = (float) r;
            int start = Math.max(0, t - k + 1);
            int len = t - start + 1;
            Batch batch = new Batch(1, len, g, cfg.tokenDim(), cfg.maxSteps());
            batch.add(token, rtg, states, actions, start, len, len - 1);
            float[] logits = lastLogits(dt, batch);
            boolean sample = temperature > 0 && (sampleFraction >= 1 || rnd.nextDouble() < sampleFraction);
            int a = choose(logits, states[t], gg, sample ? temperature : 0, rnd);
            if (a < 0) {
                a = leastOverlap(env, wm, ov);
            }
            actions[t] = a;
            rewards[t] = env.step(a);
            r -= rewards[t] / scale;
        }
        return new Episode(states, actions, rewards, env.hpwl());
    }

    /** Logits {@code (G*G)} of the last step of a one-window batch. */
    static float[] lastLogits(DecisionTransformer dt, Batch batch) {
        try (NDManager m = dt.manager().newSubManager()) {
            NDList in = batch.toNd(m);
            return dt.block().lastStepLogits(new ParameterStore(m, false), in).get(0).toFloatArray(); // (G*G)
        }
    }

    /**
     * Argmax (temperature 0; ties to the lower cell) or a sample over the legal cells of
     * {@code state} (position-mask channel); -1 when no cell is legal.
     */
    static int choose(float[] logits, float[] state, int gg, double temperature, SplittableRandom rnd) {
        int best = -1;
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < gg; c++) {
            if (state[2 * gg + c] > 0.5f && logits[c] > max) {
                max = logits[c];
                best = c;
            }
        }
        if (best < 0 || temperature <= 0) {
            return best;
        }
        double sum = 0;
        for (int c = 0; c < gg; c++) {
            if (state[2 * gg + c] > 0.5f) {
                sum += Math.exp((logits[c] - max) / temperature);
            }
        }
        double u = rnd.nextDouble() * sum;
        for (int c = 0; c < gg; c++) {
            if (state[2 * gg + c] > 0.5f) {
                u -= Math.exp((logits[c] - max) / temperature);
                if (u <= 0) {
                    return c;
                }
            }
        }
        return best;
    }

    /** When no cell is legal: the in-canvas cell with the fewest occupied cells, ties by wire mask. */
    static int leastOverlap(MacroEnv env, double[] wm, int[] ov) {
        env.overlapCounts(ov);
        env.wireMask(wm);
        int best = 0;
        int bestO = Integer.MAX_VALUE;
        double bestW = Double.POSITIVE_INFINITY;
        for (int c = 0; c < ov.length; c++) {
            if (ov[c] >= 0 && (ov[c] < bestO || (ov[c] == bestO && wm[c] < bestW))) {
                best = c;
                bestO = ov[c];
                bestW = wm[c];
            }
        }
        return best;
    }
}
