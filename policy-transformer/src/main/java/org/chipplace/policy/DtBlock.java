package org.chipplace.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * The decision transformer of ChiPFormer (Lai et al., ICML 2023), after Chen et al. (2021): the
 * sequence {@code [circuit, R_0, s_0, a_0, R_1, s_1, a_1, ...]} of {@code T = 3L + 1} tokens
 * (circuit token from the GNN encoder, return-to-go, CNN state embedding, action embedding, each
 * plus a learned step embedding) goes through causal pre-LN GPT blocks; the hidden state at
 * {@code s_i} predicts {@code a_i} with the fused {@link ActionHead}.
 *
 * <p>Inputs ({@link Batch#toNd}): token {@code (B, C)}, returns-to-go {@code (B, L, 1)}, masks
 * {@code (B, L, 3, G, G)}, extras {@code (B, L, 3)}, actions {@code (B, L, 2)} (cell x / G, y / G),
 * steps {@code (B, L)} int32 (clamped to {@code maxSteps - 1}). Output: logits {@code (B, L, G*G)}.
 */
final class DtBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    private final DtConfig cfg;
    private final Linear circuitEmb;
    private final Linear rtgEmb;
    private final Linear actionEmb;
    private final StateEncoder stateEnc;
    private final Parameter stepTable;
    private final Dropout embDrop;
    private final GptBlock[] blocks;
    private final LayerNorm lnFinal;
    private final ActionHead head;

    DtBlock(DtConfig cfg) {
        super(VERSION);
        this.cfg = cfg;
        float p = (float) cfg.dropout();
        circuitEmb = addChildBlock("circuitEmb", Linear.builder().setUnits(cfg.width()).build());
        rtgEmb = addChildBlock("rtgEmb", Linear.builder().setUnits(cfg.width()).build());
        actionEmb = addChildBlock("actionEmb", Linear.builder().setUnits(cfg.width()).build());
        stateEnc = addChildBlock("stateEnc", new StateEncoder(cfg.width()));
        stepTable = addParameter(Parameter.builder().setName("stepTable").setType(Parameter.Type.OTHER)
                .optShape(new Shape(cfg.maxSteps(), cfg.width())).optInitializer(new NormalInitializer(0.02f)).build());
        embDrop = addChildBlock("embDrop", Dropout.builder().optRate(p).build());
        blocks = new GptBlock[cfg.layers()];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = addChildBlock("gpt" + i, new GptBlock(cfg.width(), cfg.heads(), p));
        }
        lnFinal = addChildBlock("lnFinal", LayerNorm.builder().axis(2).build());
        head = addChildBlock("head", new ActionHead(cfg.grid(), (float) cfg.residualBound()));
    }

    DtConfig config() {
        return cfg;
    }

    ActionHead head() {
        return head;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        NDArray masks = in.get(2); // (B, L, 3, G, G)
        long b = masks.getShape().get(0);
        long l = masks.getShape().get(1);
        int g = cfg.grid();
        NDArray hs = hidden(ps, in, training).reshape(b * l, cfg.width()); // hidden at s_i: (B*L, W)
        NDArray flatMasks = masks.reshape(b * l, 3, g, g); // (B*L, 3, G, G)
        NDArray flatExtras = in.get(3).reshape(b * l, -1); // (B*L, 3)
        NDArray logits = head.forward(ps, new NDList(hs, flatMasks, flatExtras), training).singletonOrThrow();
        return new NDList(logits.reshape(b, l, (long) g * g));
    }

    /**
     * Inference only: the logits {@code (B, G*G)} of the last step of each window, equal to
     * {@code forward(...)[:, L-1]} (the head is row-wise, so it runs on the last step alone instead
     * of all {@code L}; rollouts need no other step's logits).
     */
    NDArray lastStepLogits(ParameterStore ps, NDList in) {
        NDArray masks = in.get(2); // (B, L, 3, G, G)
        long last = masks.getShape().get(1) - 1;
        NDArray hs = hidden(ps, in, false).get(":, " + last + ", :"); // (B, W)
        NDArray lastMasks = masks.get(":, " + last); // (B, 3, G, G)
        NDArray lastExtras = in.get(3).get(":, " + last); // (B, 3)
        return head.forward(ps, new NDList(hs, lastMasks, lastExtras), false).singletonOrThrow(); // (B, G*G)
    }

    /** Final-layer-normed hidden states at the state tokens {@code s_i}: {@code (B, L, W)}. */
    private NDArray hidden(ParameterStore ps, NDList in, boolean training) {
        NDArray token = in.get(0); // (B, C)
        NDArray masks = in.get(2); // (B, L, 3, G, G)
        long b = masks.getShape().get(0);
        long l = masks.getShape().get(1);
        int g = cfg.grid();
        int w = cfg.width();
        NDArray flatMasks = masks.reshape(b * l, 3, g, g); // (B*L, 3, G, G)
        NDArray s = stateEnc.forward(ps, new NDList(flatMasks, in.get(3).reshape(b * l, -1)), training)
                .singletonOrThrow().reshape(b, l, w); // (B, L, W)
        NDArray r = rtgEmb.forward(ps, new NDList(in.get(1)), training).singletonOrThrow(); // (B, L, W)
        NDArray a = actionEmb.forward(ps, new NDList(in.get(4)), training).singletonOrThrow(); // (B, L, W)
        NDArray table = ps.getValue(stepTable, token.getDevice(), training); // (S, W)
        NDArray steps = in.get(5).oneHot(cfg.maxSteps()).toType(DataType.FLOAT32, false).matMul(table); // (B, L, W)
        NDArray seq = NDArrays.stack(new NDList(r.add(steps), s.add(steps), a.add(steps)), 2)
                .reshape(b, 3 * l, w); // (B, 3L, W): R_0, s_0, a_0, R_1, ...
        NDArray c = circuitEmb.forward(ps, new NDList(token), training).singletonOrThrow().reshape(b, 1, w); // (B, 1, W)
        NDArray x = NDArrays.concat(new NDList(c, seq), 1); // (B, 3L+1, W)
        x = embDrop.forward(ps, new NDList(x), training).singletonOrThrow();
        for (GptBlock blk : blocks) {
            x = blk.forward(ps, new NDList(x), training).singletonOrThrow(); // (B, 3L+1, W)
        }
        x = lnFinal.forward(ps, new NDList(x), training).singletonOrThrow();
        return x.get(":, 2::3, :"); // (B, L, W)
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape m = inputShapes[2];
        return new Shape[] {new Shape(m.get(0), m.get(1), (long) cfg.grid() * cfg.grid())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape m = inputShapes[2]; // (B, L, 3, G, G)
        long b = m.get(0);
        long l = m.get(1);
        long w = cfg.width();
        circuitEmb.initialize(manager, dataType, inputShapes[0]);
        rtgEmb.initialize(manager, dataType, inputShapes[1]);
        actionEmb.initialize(manager, dataType, inputShapes[4]);
        Shape flat = new Shape(b * l, 3, cfg.grid(), cfg.grid());
        stateEnc.initialize(manager, dataType, flat, new Shape(b * l, inputShapes[3].get(2)));
        Shape seq = new Shape(b, 3 * l + 1, w);
        embDrop.initialize(manager, dataType, seq);
        for (GptBlock blk : blocks) {
            blk.initialize(manager, dataType, seq);
        }
        lnFinal.initialize(manager, dataType, seq);
        head.initialize(manager, dataType, new Shape(b * l, w), flat, new Shape(b * l, inputShapes[3].get(2)));
    }
}
