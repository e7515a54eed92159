package org.chipplace.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.chipplace.offline.env.MacroEnv;

/**
 * Host-side buffers of a batch of {@code B} windows of {@code L} steps, filled window by window and
 * turned into the {@link DtBlock} inputs. Windows shorter than {@code L} are padded at the end with
 * zero-weight steps (the causal mask keeps padding from affecting real steps).
 */
final class Batch {
    final int b;
    final int l;
    final int g;
    final int tokenDim;
    final float[] token;
    final float[] rtg;
    final float[] masks;
    final float[] extras;
    final float[] actions;
    final int[] steps;
    final int[] targets;
    final float[] weights;
    private final int maxSteps;
    private int filled;

    Batch(int b, int l, int g, int tokenDim, int maxSteps) {
        this.b = b;
        this.l = l;
        this.g = g;
        this.tokenDim = tokenDim;
        this.maxSteps = maxSteps;
        token = new float[b * tokenDim];
        rtg = new float[b * l];
        masks = new float[b * l * 3 * g * g];
        extras = new float[b * l * MacroEnv.STATE_EXTRA];
        actions = new float[b * l * 2];
        steps = new int[b * l];
        targets = new int[b * l];
        weights = new float[b * l];
    }

    /**
     * Adds the window {@code [start, start+len)} of an episode; {@code known} actions (the first
     * {@code known} of the window) are fed as inputs, later ones as zeros. Loss weight 1 where the
     * recorded action is a legal cell of its state.
     */
    void add(float[] circuit, float[] rtgNorm, float[][] states, int[] acts, int start, int len, int known) {
        if (filled >= b || len > l) {
            throw new IllegalStateException("batch full or window too long");
        }
        int gg = g * g;
        int row = filled++;
        System.arraycopy(circuit, 0, token, row * tokenDim, tokenDim);
        for (int i = 0; i < len; i++) {
            int t = start + i;
            int k = row * l + i;
            float[] s = states[t];
            rtg[k] = rtgNorm[t];
            System.arraycopy(s, 0, masks, k * 3 * gg, 3 * gg);
            System.arraycopy(s, 3 * gg, extras, k * MacroEnv.STATE_EXTRA, MacroEnv.STATE_EXTRA);
            steps[k] = Math.min(t, maxSteps - 1);
            if (i < known) {
                int a = acts[t];
                actions[2 * k] = (a / g) / (float) g;
                actions[2 * k + 1] = (a % g) / (float) g;
                targets[k] = a;
                weights[k] = s[2 * gg + a] > 0.5f ? 1f : 0f;
            }
        }
    }

    int size() {
        return filled;
    }

    /** Model inputs on {@code m} (see {@link DtBlock}). */
    NDList toNd(NDManager m) {
        NDArray tk = m.create(token, new Shape(b, tokenDim));
        NDArray r = m.create(rtg, new Shape(b, l, 1));
        NDArray ms = m.create(masks, new Shape(b, l, 3, g, g));
        NDArray ex = m.create(extras, new Shape(b, l, MacroEnv.STATE_EXTRA));
        NDArray ac = m.create(actions, new Shape(b, l, 2));
        NDArray st = m.create(steps, new Shape(b, l));
        return new NDList(tk, r, ms, ex, ac, st);
    }

    /** Targets {@code (B, L)} int32 and loss weights {@code (B, L)} on {@code m}. */
    NDList labels(NDManager m) {
        return new NDList(m.create(targets, new Shape(b, l)), m.create(weights, new Shape(b, l)));
    }
}
