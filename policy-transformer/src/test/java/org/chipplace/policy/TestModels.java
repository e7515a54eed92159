package org.chipplace.policy;

import ai.djl.Device;
import java.util.List;
import java.util.SplittableRandom;
import org.chipplace.gnn.CircuitEncoder;
import org.chipplace.gnn.EncoderTrainer;
import org.chipplace.gnn.EncoderTrainingOptions;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.synthetic.SyntheticCircuits;
import org.chipplace.netlist.synthetic.SyntheticOptions;
import org.chipplace.offline.env.MacroEnv;

/** Tiny designs, encoders, models and batches for fast tests. */
final class TestModels {
    private TestModels() {
    }

    static Netlist tinyDesign(int macros, long seed) {
        return SyntheticCircuits.generate("tiny" + macros + "_" + seed, SyntheticOptions.small(macros), seed);
    }

    static CircuitEncoder tinyEncoder(List<Netlist> designs) {
        return EncoderTrainer.train(designs, EncoderTrainingOptions.defaults().withEpochs(2), null).encoder();
    }

    static DtConfig tinyConfig(int grid, int context, int tokenDim) {
        return new DtConfig(grid, context, 2, 2, 16, 0, 64, tokenDim, -1.0, ActionHead.RESIDUAL_BOUND);
    }

    /**
     * A randomly initialised model without an encoder (block-level tests only) whose head depends
     * on the hidden state (the greedy initialisation alone ignores it).
     */
    static DecisionTransformer randomModel(DtConfig cfg, long seed) {
        DecisionTransformer dt = DecisionTransformer.create(cfg, null, false, Device.cpu(), seed);
        dt.block().head().perturbForTests(seed);
        return dt;
    }

    /** A batch of one window with random contents, states observed along a random legal episode. */
    static Batch randomWindow(DtConfig cfg, Netlist nl, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        MacroEnv env = new MacroEnv(nl, nl.initialPlacement(), Placing.envOptions(cfg.grid()));
        int l = Math.min(cfg.context(), env.numSteps());
        float[][] states = new float[l][];
        int[] acts = new int[l];
        float[] rtg = new float[l];
        boolean[] pm = new boolean[cfg.grid() * cfg.grid()];
        for (int t = 0; t < l; t++) {
            states[t] = new float[MacroEnv.stateSize(cfg.grid())];
            env.observe(states[t]);
            rtg[t] = (float) -rnd.nextDouble();
            int legal = env.positionMask(pm);
            int pick = legal == 0 ? 0 : rnd.nextInt(legal);
            int a = 0;
            for (int c = 0; c < pm.length; c++) {
                if (pm[c] && pick-- == 0) {
                    a = c;
                    break;
                }
            }
            acts[t] = a;
            env.step(a);
        }
        float[] token = new float[cfg.tokenDim()];
        for (int i = 0; i < token.length; i++) {
            token[i] = (float) rnd.nextGaussian();
        }
        Batch b = new Batch(1, l, cfg.grid(), cfg.tokenDim(), cfg.maxSteps());
        b.add(token, rtg, states, acts, 0, l, l);
        return b;
    }

    /** Logits {@code [L][G*G]} of a one-window batch. */
    static float[][] logits(DecisionTransformer dt, Batch b) {
        try (ai.djl.ndarray.NDManager m = dt.manager().newSubManager()) {
            float[] flat = dt.block().forward(new ai.djl.training.ParameterStore(m, false), b.toNd(m), false)
                    .singletonOrThrow().toFloatArray();
            int gg = b.g * b.g;
            float[][] out = new float[b.l][gg];
            for (int t = 0; t < b.l; t++) {
                System.arraycopy(flat, t * gg, out[t], 0, gg);
            }
            return out;
        }
    }
}
