package org.chipplace.policy;

import ai.djl.ndarray.NDArray;
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
 *   map    = Linear(LN(h))                                   (N, 1, G, G)  absolute cell scores
 *   feats  = relu(Conv3x3([wire, occupancy, position]))      (N, 8, G, G)  translation-equivariant
 *   film   = 1 + Linear(LN(h))                               (N, 8, 1, 1)  hidden state modulates the features
 *   logits = mapScale * map + Conv1x1(feats * film) + wireScale * wire
 * </pre>
 * then illegal cells (position mask 0) get {@link #ILLEGAL} added, so argmax and sampling never
 * pick them while any cell is legal. At initialisation the wire term dominates (a greedy prior);
 * {@code mapScale} starts at {@link #MAP_INIT} so the absolute map, which transfers worst to
 * unseen circuits, enters gradually.
 *
 * <p>Inputs: hidden {@code (N, W)}, masks {@code (N, 3, G, G)} (occupancy, wire, position).
 * Output: logits {@code (N, G*G)} with cell {@code ix*G+iy}.
 */
final class ActionHead extends AbstractBlock {
    private static final byte VERSION = 2;
    /** Offset added to the logits of illegal cells (finite, so cross-entropy stays finite). */
    static final float ILLEGAL = -1e4f;
    /** Initial weight of the wire mask (a strong greedy prior). */
    static final float WIRE_PRIOR = -8f;
    /** Initial weight of the absolute cell map. */
    static final float MAP_INIT = 0.1f;
    private static final int FEATURES = 8;
    private final int grid;
    private final LayerNorm ln;
    private final Linear cells;
    private final Conv2d fuse;
    private final Conv2d merge;
    private final Linear film;
    private final Parameter wireScale;
    private final Parameter mapScale;

    ActionHead(int grid) {
        super(VERSION);
        this.grid = grid;
        ln = addChildBlock("ln", LayerNorm.builder().axis(1).build());
        cells = addChildBlock("cells", Linear.builder().setUnits((long) grid * grid).build());
        fuse = addChildBlock("fuse", Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                .setFilters(FEATURES).build());
        film = addChildBlock("film", Linear.builder().setUnits(FEATURES).build());
        merge = addChildBlock("merge", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(1).build());
        wireScale = addParameter(Parameter.builder().setName("wireScale").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1)).optInitializer(new ConstantInitializer(WIRE_PRIOR)).build());
        mapScale = addParameter(Parameter.builder().setName("mapScale").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1)).optInitializer(new ConstantInitializer(MAP_INIT)).build());
    }

    /** Sets the greedy prior: wire weight {@link #WIRE_PRIOR}, fused path starting at zero. */
    void resetPrior() {
        wireScale.getArray().set(new float[] {WIRE_PRIOR});
        mapScale.getArray().set(new float[] {MAP_INIT});
        NDArray w = merge.getParameters().get("weight").getArray();
        w.set(new float[(int) w.size()]);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = inputs.get(0); // (N, W)
        NDArray masks = inputs.get(1); // (N, 3, G, G)
        long n = h.getShape().get(0);
        NDArray hn = ln.forward(ps, new NDList(h), training).singletonOrThrow(); // (N, W)
        NDArray map = cells.forward(ps, new NDList(hn), training).singletonOrThrow()
                .reshape(n, 1, grid, grid); // (N, 1, G, G)
        NDArray wire = masks.get(":, 1:2"); // (N, 1, G, G)
        NDArray pos = masks.get(":, 2:3");
        NDArray f = fuse.forward(ps, new NDList(masks), training).singletonOrThrow().maximum(0f); // (N, 8, G, G)
        NDArray mod = film.forward(ps, new NDList(hn), training).singletonOrThrow().add(1f)
                .reshape(n, FEATURES, 1, 1); // (N, 8, 1, 1)
        NDArray g = merge.forward(ps, new NDList(f.mul(mod)), training).singletonOrThrow(); // (N, 1, G, G)
        NDArray ws = ps.getValue(wireScale, h.getDevice(), training); // (1)
        NDArray ms = ps.getValue(mapScale, h.getDevice(), training); // (1)
        NDArray logits = map.mul(ms).add(g).add(wire.mul(ws)); // (N, 1, G, G)
        logits = logits.add(pos.sub(1f).mul(-ILLEGAL)); // illegal: + ILLEGAL
        return new NDList(logits.reshape(n, (long) grid * grid)); // (N, G*G)
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), (long) grid * grid)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape h = inputShapes[0];
        long n = h.get(0);
        ln.initialize(manager, dataType, h);
        cells.initialize(manager, dataType, h);
        fuse.initialize(manager, dataType, new Shape(n, 3, grid, grid));
        merge.initialize(manager, dataType, new Shape(n, FEATURES, grid, grid));
        film.initialize(manager, dataType, h);
    }
}
