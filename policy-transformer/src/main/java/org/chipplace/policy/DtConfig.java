package org.chipplace.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Properties;

/**
 * Architecture and conditioning settings stored beside the parameters ({@code dt.properties}).
 *
 * @param grid         cells per side of the action grid G (the environment runs at this grid)
 * @param context      context window K (steps per forward pass)
 * @param layers       GPT blocks
 * @param heads        attention heads (divides {@code width})
 * @param width        embedding width
 * @param dropout      dropout rate (training only)
 * @param maxSteps     size of the learned step-embedding table (later steps share the last row)
 * @param tokenDim     length of the circuit token of the encoder
 * @param targetReturn normalised return-to-go the policy is conditioned on at the first step
 *                     (returns are divided by the design's greedy macro HPWL, so greedy is -1)
 * @param residualBound bound of the action head's learned residual path (finite, &gt; 0; property
 *                     {@code residualBound}, 0.1 when absent)
 */
record DtConfig(int grid, int context, int layers, int heads, int width, double dropout, int maxSteps, int tokenDim,
                double targetReturn, double residualBound) {
    static final String FILE = "dt.properties";
    static final String PARAMS = "dt.params";
    static final String ENCODER_DIR = "encoder";
    private static final String FORMAT = "1";

    DtConfig {
        if (grid < 4 || context < 1 || layers < 1 || heads < 1 || width < 1 || maxSteps < 1 || tokenDim < 1) {
            throw new IllegalArgumentException("invalid model size");
        }
        if (width % heads != 0) {
            throw new IllegalArgumentException("width " + width + " not divisible by heads " + heads);
        }
        if (!(residualBound > 0) || Double.isInfinite(residualBound)) {
            throw new IllegalArgumentException("residualBound must be finite and > 0: " + residualBound);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1): " + dropout);
        }
    }

    DtConfig withTargetReturn(double r) {
        return new DtConfig(grid, context, layers, heads, width, dropout, maxSteps, tokenDim, r, residualBound);
    }

    void write(OutputStream out) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("grid", Integer.toString(grid));
        p.setProperty("context", Integer.toString(context));
        p.setProperty("layers", Integer.toString(layers));
        p.setProperty("heads", Integer.toString(heads));
        p.setProperty("width", Integer.toString(width));
        p.setProperty("dropout", Double.toString(dropout));
        p.setProperty("maxSteps", Integer.toString(maxSteps));
        p.setProperty("tokenDim", Integer.toString(tokenDim));
        p.setProperty("targetReturn", Double.toString(targetReturn));
        p.setProperty("residualBound", Double.toString(residualBound));
        p.store(out, "policy-transformer checkpoint (decision transformer)");
    }

    static DtConfig read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IOException("unsupported decision-transformer checkpoint format " + p.getProperty("format"));
        }
        try {
            return new DtConfig(i(p, "grid"), i(p, "context"), i(p, "layers"), i(p, "heads"), i(p, "width"),
                    Double.parseDouble(p.getProperty("dropout")), i(p, "maxSteps"), i(p, "tokenDim"),
                    Double.parseDouble(p.getProperty("targetReturn")),
                    Double.parseDouble(p.getProperty("residualBound", "0.1")));
        } catch (RuntimeException e) {
            throw new IOException("malformed " + FILE + ": " + e.getMessage(), e);
        }
    }

    private static int i(Properties p, String key) {
        return Integer.parseInt(p.getProperty(key));
    }
}
