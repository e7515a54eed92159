package org.chipplace.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * Action head over the {@code G x G} cells fused with a convolutional path over the wire mask, as in
 * ChiPFormer (whose actor merges the transformer output with the MaskPlace wire-mask features):
 * <pre>
 *   feats  = relu(Conv3x3([occupancy, wire, position, x/G, y/G]))  (N, F, G, G)  CoordConv features
 *   film   = 1 + Linear(LN(h))                                   (N, F, 1, 1)  hidden state modulates them (FiLM)
 *   logits = b * tanh(Conv1x1(feats * film)) + wireScale * wire - lexScale * (ix*G+iy) / G^2
 *            - centreWeight * |macro centre at the cell - canvas centre|^2   (canvas units, [0, 0.5])
 * </pre>
 * with {@code b} the residual bound (default {@link #RESIDUAL_BOUND}; the wire mask is min-max normalised to [0, 1]),
 * then illegal cells (position mask 0) get {@link #ILLEGAL} added, so argmax and sampling never
 * pick them while any cell is legal. An absolute per-cell map {@code Linear(h) -> G*G} (the
 * plain decision-transformer head) was tried and dropped: it memorised the training circuits'
 * placements (held-out HPWL rose from 1.00x to 1.41x greedy within 180 steps), whereas this head
 * only re-weights translation-equivariant features. Initialisation reproduces the greedy wire-mask
 * placer: the fused path starts at 0, the wire weight at {@link #WIRE_PRIOR} and a small
 * lexicographic term ({@link #LEX_PRIOR}) breaks the frequent exact ties of the wire mask towards
 * the lower-left as the greedy expert does (random tie-breaking scatters macros and costs ~30%);
 * at 0.125 it also trades a little wire for compactness, which on the validation circuits matched
 * or beat pure greedy.
 *
 * The centre weight starts at 0 (greedy) and is learned in pretraining: it is the one prior term
 * that is not frozen ({@link #freezePrior}), a preference for the canvas centre (a tie-break when
 * small, a soft trade against wire length when large; the bundled model learned 1.79, i.e. up to
 * 0.89 logits) motivated by the greedy expert's centre tie-break ({@code TieBreak.CENTRE}), which
 * beats the lower-left one on most circuits.
 *
 * <p>Inputs: hidden {@code (N, W)}, masks {@code (N, 3, G, G)} (occupancy, wire, position),
 * extras {@code (N, 3)} (macro width / G, height / G, step fraction).
 * Output: logits {@code (N, G*G)} with cell {@code ix*G+iy}.
 */
final class ActionHead extends AbstractBlock {
    private static final byte VERSION = 5;
    /** Offset added to the logits of illegal cells (finite, so cross-entropy stays finite). */
    static final float ILLEGAL = -1e4f;
    /** Initial weight of the wire mask (a strong greedy prior). */
    static final float WIRE_PRIOR = -8f;
    /** Initial weight of the lexicographic tie-break. */
    static final float LEX_PRIOR = 0.125f;
    /**
     * Default bound of the learned residual path ({@code DtConfig#residualBound}): it can re-rank
     * only cells whose prior logits differ by less than twice this (exact and near ties of the wire
     * mask: 0.2 is 2.5% of the range of the greedy prior's wire term), so the residual changes the
     * tie-break but cannot trade wire length for learned features. Unbounded, it re-ranked non-tied
     * cells and pretraining made held-out circuits worse within 30 steps
     * (docs/models/decision-transformer.md).
     */
    static final float RESIDUAL_BOUND = 0.1f;
    private final float bound;
    /**
     * The centre weight is {@code CENTRE_UNIT * centreScale}: the scale factor lets a single scalar
     * move by about {@code CENTRE_UNIT * lr} per AdamW step, so it can reach useful values (0.1-1)
     * within a few hundred steps at the small learning rates the rest of the model needs.
     */
    static final float CENTRE_UNIT = 30f;
    private static final int FEATURES = 16;
    private final int grid;
    private final LayerNorm ln;
    private final Conv2d fuse;
    private final Conv2d merge;
    private final Linear film;
    private final Parameter wireScale;
    private final Parameter lexScale;
    private final Parameter centreScale;

    ActionHead(int grid, float bound) {
        super(VERSION);
        this.grid = grid;
        this.bound = bound;
        ln = addChildBlock("ln", LayerNorm.builder().axis(1).build());
        fuse = addChildBlock("fuse", Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                .setFilters(FEATURES).build());
        film = addChildBlock("film", Linear.builder().setUnits(FEATURES).build());
        merge = addChildBlock("merge", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(1).build());
        wireScale = addParameter(Parameter.builder().setName("wireScale").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1)).optInitializer(new ConstantInitializer(WIRE_PRIOR)).build());
        lexScale = addParameter(Parameter.builder().setName("lexScale").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1)).optInitializer(new ConstantInitializer(LEX_PRIOR)).build());
        centreScale = addParameter(Parameter.builder().setName("centreScale").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1)).optInitializer(new ConstantInitializer(0f)).build());
    }

    /** Sets the greedy prior: wire weight {@link #WIRE_PRIOR}, fused path starting at zero. */
    void resetPrior() {
        wireScale.getArray().set(new float[] {WIRE_PRIOR});
        lexScale.getArray().set(new float[] {LEX_PRIOR});
        centreScale.getArray().set(new float[] {0f});
        NDArray w = merge.getParameters().get("weight").getArray();
        w.set(new float[(int) w.size()]);
    }

    /**
     * Freezes (or unfreezes) the greedy prior, the wire-mask weight and the lower-left tie-break:
     * frozen, they get no gradient and the optimizer leaves them unchanged, so training only moves
     * the fused residual path (and the transformer feeding it).
     */
    void freezePrior(boolean freeze) {
        wireScale.freeze(freeze);
        lexScale.freeze(freeze);
    }

    /** Current wire-mask weight and tie-break weight (for tests and logs). */
    float[] priorWeights() {
        return new float[] {wireScale.getArray().getFloat(0), lexScale.getArray().getFloat(0)};
    }

    /** Current weight of the centre term (in logits per unit squared distance). */
    float centreWeight() {
        return CENTRE_UNIT * centreScale.getArray().getFloat(0);
    }

    /**
     * Tests only: gives the hidden state influence at initialisation (random fused path), so that
     * causality can be observed on an untrained model.
     */
    void perturbForTests(long seed) {
        NDArray w = merge.getParameters().get("weight").getArray();
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        float[] v = new float[(int) w.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        w.set(v);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = inputs.get(0); // (N, W)
        NDArray masks = inputs.get(1); // (N, 3, G, G)
        NDArray extras = inputs.get(2); // (N, 3): macro width / G, height / G, step fraction
        long n = h.getShape().get(0);
        NDArray hn = ln.forward(ps, new NDList(h), training).singletonOrThrow(); // (N, W)
        NDArray wire = masks.get(":, 1:2"); // (N, 1, G, G)
        NDArray pos = masks.get(":, 2:3");
        NDManager m = h.getManager();
        NDArray lex = m.arange(0f, (float) grid * grid).div((float) grid * grid).reshape(1, 1, grid, grid); // (1, 1, G, G)
        NDArray xs = m.arange(0f, (float) grid).div((float) grid).reshape(1, 1, grid, 1)
                .broadcast(new Shape(n, 1, grid, grid)); // (N, 1, G, G)
        NDArray ys = m.arange(0f, (float) grid).div((float) grid).reshape(1, 1, 1, grid)
                .broadcast(new Shape(n, 1, grid, grid));
        NDArray in = NDArrays.concat(new NDList(masks, xs, ys), 1); // (N, 5, G, G)
        NDArray f = fuse.forward(ps, new NDList(in), training).singletonOrThrow().maximum(0f); // (N, F, G, G)
        NDArray mod = film.forward(ps, new NDList(hn), training).singletonOrThrow().add(1f)
                .reshape(n, FEATURES, 1, 1); // (N, F, 1, 1)
        NDArray g = merge.forward(ps, new NDList(f.mul(mod)), training).singletonOrThrow()
                .tanh().mul(bound); // (N, 1, G, G), in (-bound, bound)
        NDArray ws = ps.getValue(wireScale, h.getDevice(), training); // (1)
        NDArray ls = ps.getValue(lexScale, h.getDevice(), training); // (1)
        NDArray cs = ps.getValue(centreScale, h.getDevice(), training).mul(CENTRE_UNIT); // (1)
        NDArray dx = xs.add(extras.get(":, 0:1").div(2f).reshape(n, 1, 1, 1)).sub(0.5f); // (N, 1, G, G)
        NDArray dy = ys.add(extras.get(":, 1:2").div(2f).reshape(n, 1, 1, 1)).sub(0.5f);
        NDArray centre = dx.square().add(dy.square()); // squared distance of the macro centre to the canvas centre
        NDArray logits = g.add(wire.mul(ws)).sub(lex.mul(ls)).sub(centre.mul(cs)); // (N, 1, G, G)
        logits = logits.add(pos.sub(1f).mul(-ILLEGAL)); // illegal: + ILLEGAL
        return new NDList(logits.reshape(n, (long) grid * grid)); // (N, G*G)
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), (long) grid * grid)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape h = inputShapes[0]; // inputShapes[2], the extras (N, 3), feed only the centre term
        long n = h.get(0);
        ln.initialize(manager, dataType, h);
        fuse.initialize(manager, dataType, new Shape(n, 5, grid, grid));
        merge.initialize(manager, dataType, new Shape(n, FEATURES, grid, grid));
        film.initialize(manager, dataType, h);
    }
}
