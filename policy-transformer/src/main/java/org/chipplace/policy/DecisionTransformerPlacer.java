package org.chipplace.policy;

import org.chipplace.gnn.PyTorch;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.placer.MacroPlacer;
import org.chipplace.placer.ProgressListener;

/**
 * Macro placer {@code dt}: the pretrained decision transformer (ChiPFormer) placing macros zero-shot,
 * optionally best-of-K sampling and online fine-tuning on the design (see {@link DtOptions}). The
 * environment runs at the model's grid; macros go to cell corners inside the core (overlap only when
 * no legal cell remains; macro legalization follows in the pipeline). Fixed nodes are taken at their
 * positions in the given placement. The model is loaded in the constructor and kept; each call
 * fine-tunes a private copy, so calls do not influence each other. Not thread-safe.
 */
public final class DecisionTransformerPlacer implements MacroPlacer, AutoCloseable {
    private final DtOptions options;
    private final DecisionTransformer model;
    private DtResult last;

    /**
     * Loads {@code options.checkpoint()} (or the bundled model) on {@code options.device()}.
     *
     * @throws IllegalStateException for device gpu without a visible GPU, and
     *                               {@link org.chipplace.gnn.EngineUnavailableException} (a subclass)
     *                               when the PyTorch engine cannot start on this machine
     */
    public DecisionTransformerPlacer(DtOptions options) {
        this.options = options;
        this.model = options.checkpoint() == null ? DecisionTransformer.loadDefault(options.device())
                : DecisionTransformer.load(options.checkpoint(), options.device());
    }

    /** Number of GPUs the PyTorch engine sees (0 on CPU-only builds or machines). */
    public static int gpuCount() {
        Engines.init();
        return PyTorch.engine().getGpuCount();
    }

    /** The bundled model with {@link DtOptions#defaults()}. */
    public DecisionTransformerPlacer() {
        this(DtOptions.defaults());
    }

    @Override
    public String name() {
        return "dt";
    }

    public DtOptions options() {
        return options;
    }

    @Override
    public void placeMacros(Netlist netlist, Placement placement, long seed, ProgressListener progress) {
        last = model.place(netlist, placement, options, seed, progress);
    }

    /** Statistics of the last {@link #placeMacros} call, or null before the first. */
    public DtResult lastResult() {
        return last;
    }

    @Override
    public void close() {
        model.close();
    }
}
