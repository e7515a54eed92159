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
 * positions in the given placement. The model is either loaded in the constructor and owned (closed
 * with the placer), or loaded elsewhere and shared ({@link #DecisionTransformerPlacer(DecisionTransformer,
 * DtOptions)}, for example by a service that keeps it across jobs). Each call fine-tunes a private copy,
 * so calls do not influence each other, and calls on one model, by any of its placers, run one at a
 * time (the model is not thread-safe). A placer keeps its {@link #lastResult()}: use one per thread.
 */
public final class DecisionTransformerPlacer implements MacroPlacer, AutoCloseable {
    private final DtOptions options;
    private final DecisionTransformer model;
    private final boolean ownsModel;
    private DtResult last;

    /**
     * Loads {@code options.checkpoint()} (or the bundled model) on {@code options.device()}.
     *
     * @throws IllegalArgumentException when the checkpoint folder is not one
     * @throws IllegalStateException for device gpu without a CUDA device
     *                               ({@link org.chipplace.gnn.NoCudaDeviceException}), and
     *                               {@link org.chipplace.gnn.EngineUnavailableException} (a subclass)
     *                               when the PyTorch engine cannot start on this machine
     */
    public DecisionTransformerPlacer(DtOptions options) {
        this.options = options;
        this.model = options.checkpoint() == null ? DecisionTransformer.loadDefault(options.device())
                : DecisionTransformer.load(options.checkpoint(), options.device());
        this.ownsModel = true;
    }

    /**
     * A placer on a model loaded elsewhere, which {@link #close()} leaves open (its owner closes it
     * after its last placer). {@code options.checkpoint()} and {@code options.device()} are not used:
     * the model is where it was loaded.
     */
    public DecisionTransformerPlacer(DecisionTransformer shared, DtOptions options) {
        this.options = options;
        this.model = shared;
        this.ownsModel = false;
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
        DtResult r;
        synchronized (model) { // one call at a time on a model, whichever placer holds it
            r = model.place(netlist, placement, options, seed, progress);
        }
        last = r;
    }

    /** Statistics of the last {@link #placeMacros} call, or null before the first. */
    public DtResult lastResult() {
        return last;
    }

    /** Closes the model when this placer loaded it; a shared one stays open. */
    @Override
    public void close() {
        if (ownsModel) {
            model.close();
        }
    }
}
