package org.chipplace.policy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
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
     * The device named {@code cpu} or {@code gpu}.
     *
     * @throws IllegalArgumentException for another name
     * @throws IllegalStateException    for {@code gpu} when PyTorch sees no GPU
     * @throws org.chipplace.gnn.EngineUnavailableException when the engine cannot start
     */
    static Device device(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        switch (n) {
            case "cpu":
                return Device.cpu();
            case "gpu":
                Engine engine = PyTorch.engine();
                if (engine.getGpuCount() < 1) {
                    throw new IllegalStateException("device gpu requested but PyTorch sees no GPU (engine "
                            + engine.getEngineName() + ", GPU count 0); build with the cuda Maven "
                            + "profile (-Pcuda) on a machine with an NVIDIA GPU, or use device cpu");
                }
                return Device.gpu();
            default:
                throw new IllegalArgumentException("device must be cpu or gpu, got " + name);
        }
    }
}
