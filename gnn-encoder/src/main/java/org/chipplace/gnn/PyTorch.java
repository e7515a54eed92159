package org.chipplace.gnn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The DJL PyTorch engine as this project uses it: offline, one intra-op thread unless configured
 * (see the package description), and a clear {@link EngineUnavailableException} instead of DJL's
 * own exception or a linkage error when the native library does not load. {@link #device} is the one
 * place that turns {@code cpu} or {@code gpu} into a DJL device ({@code place --device},
 * {@code train --device}, service jobs), with a one-line {@link NoCudaDeviceException} when there is
 * no CUDA device.
 */
public final class PyTorch {
    static {
        Djl.init();
    }

    /** Device names accepted by {@link #device}. */
    public static final List<String> DEVICES = List.of("cpu", "gpu");

    /** The one-line reason of {@link #device} for {@code gpu} on a build with the CPU engine. */
    static final String CPU_BUILD = "no CUDA device: this build has the CPU PyTorch engine (build with -Pcuda)";

    /** Class path resource of the bundled native library ({@code pytorch-native-*.jar}) naming its flavour. */
    private static final String NATIVE_PROPERTIES = "/native/lib/pytorch.properties";

    private PyTorch() {
    }

    /**
     * The device named {@code cpu} or {@code gpu} (any case): {@code gpu} is the engine's first CUDA
     * device, and starts the engine to find it.
     *
     * @throws IllegalArgumentException   for another name
     * @throws NoCudaDeviceException      for {@code gpu} when the engine has no CUDA device; the message
     *                                    says why in one line ({@value #CPU_BUILD} on the default build)
     * @throws EngineUnavailableException when the engine cannot start at all
     */
    public static Device device(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (engine().getGpuCount() < 1) {
                    throw new NoCudaDeviceException(noCudaReason(nativeFlavor()));
                }
                return Device.gpu();
            default:
                throw new IllegalArgumentException("device must be cpu or gpu, got " + name);
        }
    }

    /** Why there is no CUDA device, given the bundled native library's flavour (null when unknown). */
    static String noCudaReason(String flavor) {
        if (flavor != null && flavor.startsWith("cpu")) {
            return CPU_BUILD;
        }
        return "no CUDA device: the PyTorch engine (" + (flavor == null ? "native library of unknown flavour" : flavor)
                + ") sees no GPU on this machine; use device cpu";
    }

    /**
     * Flavour of the native PyTorch library bundled on the class path ({@code cpu}, {@code cu124}, ...),
     * read from {@value #NATIVE_PROPERTIES}; null when there is none or it cannot be read.
     */
    static String nativeFlavor() {
        try (InputStream in = PyTorch.class.getResourceAsStream(NATIVE_PROPERTIES)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("flavor");
        } catch (IOException e) {
            return null;
        }
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
