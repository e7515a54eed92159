package org.chipplace.policy;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chipplace.gnn.CircuitEncoder;
import org.chipplace.gnn.PyTorch;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.placer.ProgressListener;

/**
 * A trained decision transformer for macro placement (ChiPFormer, Lai et al., ICML 2023) with its
 * circuit encoder. A checkpoint folder holds {@code dt.properties} (architecture, grid, target
 * return), {@code dt.params} (DJL parameters) and {@code encoder/} (the {@link CircuitEncoder}
 * checkpoint whose tokens the policy was trained on). Not thread-safe; close it to free native memory.
 */
public final class DecisionTransformer implements AutoCloseable {
    static {
        Engines.init();
    }

    private static final String DEFAULT_RESOURCE = "/org/chipplace/policy/default/";
    private final Model model;
    private final DtBlock block;
    private final CircuitEncoder encoder;
    private final boolean ownsEncoder;

    private DecisionTransformer(Model model, DtBlock block, CircuitEncoder encoder, boolean ownsEncoder) {
        this.model = model;
        this.block = block;
        this.encoder = encoder;
        this.ownsEncoder = ownsEncoder;
    }

    /** A freshly initialised model (seeded); {@code ownsEncoder}: close the encoder with the model. */
    static DecisionTransformer create(DtConfig cfg, CircuitEncoder encoder, boolean ownsEncoder, Device device,
                                      long seed) {
        PyTorch.engine().setRandomSeed((int) seed);
        DtBlock block = new DtBlock(cfg);
        Model model = Model.newInstance("decision-transformer", device);
        try {
            model.setBlock(block);
            block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            block.initialize(model.getNDManager(), DataType.FLOAT32, inputShapes(cfg));
            block.head().resetPrior();
            return new DecisionTransformer(model, block, encoder, ownsEncoder);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Input shapes of a one-window, one-step batch. */
    static Shape[] inputShapes(DtConfig c) {
        return new Shape[] {new Shape(1, c.tokenDim()), new Shape(1, 1, 1), new Shape(1, 1, 3, c.grid(), c.grid()),
            new Shape(1, 1, 3), new Shape(1, 1, 2), new Shape(1, 1)};
    }

    /** Loads a checkpoint folder written by {@link #save(Path)} onto the CPU. */
    public static DecisionTransformer load(Path dir) {
        return load(dir, "cpu");
    }

    /**
     * Loads a checkpoint folder onto {@code device} ({@code cpu} or {@code gpu}).
     *
     * @throws IllegalArgumentException when {@code dir} is not a checkpoint ({@link #checkCheckpoint})
     * @throws IllegalStateException    for {@code gpu} when no GPU is visible
     *                                  ({@link org.chipplace.gnn.NoCudaDeviceException})
     */
    public static DecisionTransformer load(Path dir, String device) {
        checkCheckpoint(dir);
        Device d = Engines.device(device);
        CircuitEncoder enc = CircuitEncoder.load(dir.resolve(DtConfig.ENCODER_DIR));
        try (InputStream cfg = Files.newInputStream(dir.resolve(DtConfig.FILE));
             InputStream params = Files.newInputStream(dir.resolve(DtConfig.PARAMS))) {
            return load(DtConfig.read(cfg), params, enc, true, d);
        } catch (IOException | RuntimeException e) {
            enc.close();
            throw e instanceof IOException io ? new UncheckedIOException("cannot load model from " + dir, io)
                    : (RuntimeException) e;
        }
    }

    /** Loads the checkpoint bundled in this jar (see docs/models/decision-transformer.md) onto the CPU. */
    public static DecisionTransformer loadDefault() {
        return loadDefault("cpu");
    }

    /**
     * Loads the bundled checkpoint onto {@code device}, straight from the class path (no temporary
     * files).
     */
    public static DecisionTransformer loadDefault(String device) {
        Device d = Engines.device(device);
        String e = DEFAULT_RESOURCE + DtConfig.ENCODER_DIR + "/";
        CircuitEncoder enc;
        try (InputStream cfg = resource(e + "encoder.properties"); InputStream params = resource(e + "encoder.params")) {
            enc = CircuitEncoder.load(cfg, params);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot load bundled encoder", ex);
        }
        try (InputStream cfg = resource(DEFAULT_RESOURCE + DtConfig.FILE);
             InputStream params = resource(DEFAULT_RESOURCE + DtConfig.PARAMS)) {
            return load(DtConfig.read(cfg), params, enc, true, d);
        } catch (IOException | RuntimeException ex) {
            enc.close();
            throw ex instanceof IOException io ? new UncheckedIOException("cannot load bundled model", io)
                    : (RuntimeException) ex;
        }
    }

    /**
     * Checks that {@code dir} is a checkpoint folder as {@link #save(Path)} (and {@code train}) writes
     * it, without loading it.
     *
     * @throws IllegalArgumentException naming {@code dir} and what is wrong, in one line
     */
    public static void checkCheckpoint(Path dir) {
        if (!Files.exists(dir)) {
            throw new IllegalArgumentException(dir + ": no such folder");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a folder");
        }
        Path enc = dir.resolve(DtConfig.ENCODER_DIR);
        for (Path f : new Path[] {dir.resolve(DtConfig.FILE), dir.resolve(DtConfig.PARAMS),
            enc.resolve("encoder.properties"), enc.resolve("encoder.params")}) {
            if (!Files.isRegularFile(f)) {
                String hint = Files.isRegularFile(dir.resolve("encoder.properties"))
                        ? "; it looks like a circuit-encoder checkpoint (train-encoder), which train --encoder takes"
                        : "; train --out DIR writes one";
                throw new IllegalArgumentException(dir + " is not a decision-transformer checkpoint (no "
                        + dir.relativize(f) + ")" + hint);
            }
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DecisionTransformer.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("bundled decision-transformer checkpoint missing: " + name);
        }
        return in;
    }

    private static DecisionTransformer load(DtConfig cfg, InputStream params, CircuitEncoder enc, boolean owns,
                                            Device device) throws IOException {
        if (cfg.tokenDim() != enc.latentDim()) {
            throw new IOException("model expects " + cfg.tokenDim() + "-d circuit tokens, encoder gives "
                    + enc.latentDim());
        }
        DtBlock block = new DtBlock(cfg);
        Model model = Model.newInstance("decision-transformer", device);
        try {
            model.setBlock(block);
            block.loadParameters(model.getNDManager(), new DataInputStream(new BufferedInputStream(params)));
            return new DecisionTransformer(model, block, enc, owns);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            model.close();
            throw e instanceof IOException io ? io : new IOException("malformed decision-transformer parameters", e);
        }
    }

    /** Writes {@code dt.properties}, {@code dt.params} and {@code encoder/} into {@code dir} (created if needed). */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(dir.resolve(DtConfig.FILE))) {
                block.config().write(out);
            }
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(dir.resolve(DtConfig.PARAMS))))) {
                block.saveParameters(out);
            }
            encoder.save(dir.resolve(DtConfig.ENCODER_DIR));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save model to " + dir, e);
        }
    }

    /** An independent copy of the parameters (for fine-tuning), sharing the encoder. */
    DecisionTransformer copy() {
        try {
            return load(block.config(), new ByteArrayInputStream(parameterBytes()), encoder, false,
                    model.getNDManager().getDevice());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy model", e);
        }
    }

    /** The parameters in DJL's format. */
    byte[] parameterBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                block.saveParameters(out);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise parameters", e);
        }
    }

    /** Replaces the parameters by ones from {@link #parameterBytes()}. */
    void loadParameterBytes(byte[] params) {
        try {
            block.loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(params)));
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("cannot restore parameters", e);
        }
    }

    /** Grid G of the policy's action space (the environment runs at this grid). */
    public int grid() {
        return block.config().grid();
    }

    /** Context window K in steps. */
    public int contextLength() {
        return block.config().context();
    }

    /** Normalised return-to-go the policy is conditioned on (-1 = the greedy placer's HPWL). */
    public double targetReturn() {
        return block.config().targetReturn();
    }

    /**
     * Places the movable macros of {@code netlist} into {@code placement} (lower-left corners; fixed
     * nodes at their positions there; other nodes untouched): the greedy zero-shot rollout, then
     * {@code samples - 1} sampled rollouts, then online fine-tuning, keeping the best placement seen.
     */
    public DtResult place(Netlist netlist, Placement placement, DtOptions options, long seed, ProgressListener progress) {
        return Placing.place(this, netlist, placement, options, seed, progress);
    }

    DtConfig config() {
        return block.config();
    }

    DtBlock block() {
        return block;
    }

    Model model() {
        return model;
    }

    NDManager manager() {
        return model.getNDManager();
    }

    CircuitEncoder encoder() {
        return encoder;
    }

    @Override
    public void close() {
        model.close();
        if (ownsEncoder) {
            encoder.close();
        }
    }
}
