package org.chipplace.gnn;

import ai.djl.engine.Engine;
import java.util.function.Supplier;

/**
 * The DJL PyTorch engine as this project uses it: offline, one intra-op thread unless configured
 * (see the package description), and a clear {@link EngineUnavailableException} instead of DJL's
 * own exception or a linkage error when the native library does not load.
 */
public final class PyTorch {
    static {
        Djl.init();
    }

    private PyTorch() {
    }

    /**
     * The engine, started on first use.
     *
     * @throws EngineUnavailableException when its native library cannot be loaded
     */
    public static Engine engine() {
        return engine(Engine::getInstance);
    }

    static Engine engine(Supplier<Engine> start) {
        try {
            return start.get();
        } catch (RuntimeException | LinkageError e) {
            throw new EngineUnavailableException(e);
        }
    }
}
