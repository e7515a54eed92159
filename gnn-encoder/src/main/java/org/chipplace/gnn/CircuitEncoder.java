package org.chipplace.gnn;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chipplace.netlist.Netlist;

/**
 * Circuit encoder of ChiPFormer (Lai et al., ICML 2023): a variational graph auto-encoder
 * (Kipf and Welling 2016) whose node means {@code mu}, mean-pooled over the graph of a design, give
 * the circuit token that conditions the placement policy. Runs on the DJL PyTorch engine on CPU.
 *
 * <p>A checkpoint directory holds {@code encoder.properties} (architecture and graph settings) and
 * {@code encoder.params} (DJL block parameters). Not thread-safe; close it to free native memory.
 */
public final class CircuitEncoder implements AutoCloseable {
    static {
        Djl.init();
    }

    private static final String DEFAULT_RESOURCE = "/org/chipplace/gnn/default/";
    private final Model model;
    private final VgaeBlock block;
    private final EncoderConfig config;

    CircuitEncoder(Model model, VgaeBlock block, EncoderConfig config) {
        this.model = model;
        this.block = block;
        this.config = config;
    }

    /**
     * Loads a checkpoint written by {@link #save(Path)}.
     *
     * @throws EngineUnavailableException when the PyTorch engine cannot start on this machine
     */
    public static CircuitEncoder load(Path dir) {
        try (InputStream cfg = Files.newInputStream(dir.resolve(EncoderConfig.FILE));
             InputStream params = Files.newInputStream(dir.resolve(EncoderConfig.PARAMS))) {
            return load(cfg, params);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load encoder from " + dir, e);
        }
    }

    /**
     * Loads the checkpoint bundled in this jar (see docs/models/gnn-encoder.md).
     *
     * @throws EngineUnavailableException when the PyTorch engine cannot start on this machine
     */
    public static CircuitEncoder loadDefault() {
        try (InputStream cfg = CircuitEncoder.class.getResourceAsStream(DEFAULT_RESOURCE + EncoderConfig.FILE);
             InputStream params = CircuitEncoder.class.getResourceAsStream(DEFAULT_RESOURCE + EncoderConfig.PARAMS)) {
            if (cfg == null || params == null) {
                throw new IllegalStateException("bundled encoder checkpoint missing from " + DEFAULT_RESOURCE);
            }
            return load(cfg, params);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load bundled encoder", e);
        }
    }

    /**
     * Loads a checkpoint from its two files' contents ({@code encoder.properties}, {@code encoder.params}),
     * for example class path resources; the streams are read, not closed.
     *
     * @throws IOException                when they do not hold a checkpoint
     * @throws EngineUnavailableException when the PyTorch engine cannot start on this machine
     */
    public static CircuitEncoder load(InputStream cfg, InputStream params) throws IOException {
        EncoderConfig config = EncoderConfig.read(cfg);
        PyTorch.engine();
        VgaeBlock block = new VgaeBlock(config.hiddenDim(), config.latentDim());
        Model model = Model.newInstance("gnn-encoder");
        try {
            model.setBlock(block);
            block.loadParameters(model.getNDManager(), new DataInputStream(new BufferedInputStream(params)));
            return new CircuitEncoder(model, block, config);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            model.close();
            throw e instanceof IOException io ? io : new IOException("malformed encoder parameters", e);
        }
    }

    /**
     * Checks that {@code dir} is a checkpoint folder as {@link #save(Path)} (and {@code train-encoder})
     * writes it, without loading it.
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
        for (String f : new String[] {EncoderConfig.FILE, EncoderConfig.PARAMS}) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                String hint = Files.isRegularFile(dir.resolve("encoder").resolve(EncoderConfig.FILE))
                        ? "; it looks like a decision-transformer checkpoint, whose encoder is " + dir.resolve("encoder")
                        : "; train-encoder --out DIR writes one";
                throw new IllegalArgumentException(dir + " is not a circuit-encoder checkpoint (no " + f + ")" + hint);
            }
        }
    }

    /** Writes {@code encoder.properties} and {@code encoder.params} into {@code dir} (created if needed). */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(dir.resolve(EncoderConfig.FILE))) {
                config.write(out);
            }
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(dir.resolve(EncoderConfig.PARAMS))))) {
                block.saveParameters(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save encoder to " + dir, e);
        }
    }

    /** Size of the circuit token and of node embeddings. */
    public int latentDim() {
        return config.latentDim();
    }

    /** How this encoder turns a design into a graph. */
    public EncoderGraphOptions graphOptions() {
        return config.graph();
    }

    /** The circuit token of {@code design} (length {@link #latentDim()}). */
    public float[] embed(Netlist design) {
        return encode(design).token();
    }

    /** One embedding per macro, in macro index order ({@code [numMacros][latentDim]}). */
    public float[][] macroEmbeddings(Netlist design) {
        return encode(design).macros();
    }

    /** Token and macro embeddings from one forward pass. */
    public CircuitEmbedding encode(Netlist design) {
        CircuitGraph g = CircuitGraph.of(design, config.graph());
        float[] z = nodeEmbeddings(g, g.src(), g.dst(), g.weight());
        int dim = config.latentDim();
        float[] token = new float[dim];
        double[] acc = new double[dim];
        for (int i = 0; i < g.numNodes(); i++) {
            for (int d = 0; d < dim; d++) {
                acc[d] += z[i * dim + d];
            }
        }
        for (int d = 0; d < dim; d++) {
            token[d] = g.numNodes() == 0 ? 0f : (float) (acc[d] / g.numNodes());
        }
        int[] mv = g.macroVertex();
        float[][] macros = new float[mv.length][dim];
        for (int j = 0; j < mv.length; j++) {
            if (mv[j] >= 0) {
                System.arraycopy(z, mv[j] * dim, macros[j], 0, dim);
            }
        }
        return new CircuitEmbedding(token, macros);
    }

    /** Node means {@code mu}, row-major {@code (N, latentDim)}, with message passing over the given edges. */
    float[] nodeEmbeddings(CircuitGraph g, int[] src, int[] dst, float[] w) {
        if (g.numNodes() == 0) {
            return new float[0];
        }
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDList in = Djl.inputs(m, g, src, dst, w);
            NDArray mu = block.forward(new ParameterStore(m, false), in, false).get(0);
            return mu.toFloatArray();
        }
    }

    EncoderConfig config() {
        return config;
    }

    VgaeBlock block() {
        return block;
    }

    @Override
    public void close() {
        model.close();
    }
}
