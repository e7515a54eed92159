package org.chipplace.policy;

import ai.djl.Device;
import org.chipplace.gnn.PyTorch;

/** DJL setup: offline engine, single intra-op thread unless configured, device choice. */
final class Engines {
    static {
        // the bundled pytorch-native jar is used; never download anything
        System.setProperty("ai.djl.offline", "true");
        // one intra-op thread keeps reductions in one order (MKL may still round by buffer alignment);
        // -Dai.djl.pytorch.num_threads=N overrides
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
    }

    private Engines() {
    }

    /** Forces the static initializer (call before touching the engine). */
    static void init() {
        // nothing else to do
    }

    /**
     * The device named {@code cpu} or {@code gpu} ({@link PyTorch#device}, shared with the command line
     * and the service).
     *
     * @throws IllegalArgumentException for another name
     * @throws org.chipplace.gnn.NoCudaDeviceException for {@code gpu} when PyTorch has no CUDA device
     * @throws org.chipplace.gnn.EngineUnavailableException when the engine cannot start
     */
    static Device device(String name) {
        return PyTorch.device(name);
    }
}
