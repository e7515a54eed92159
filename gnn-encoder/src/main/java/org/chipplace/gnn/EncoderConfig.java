package org.chipplace.gnn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Properties;
import org.chipplace.netlist.graph.GraphOptions;

/**
 * Architecture and data settings stored beside the parameters ({@code encoder.properties}).
 *
 * @param hiddenDim        width of the first GCN layer
 * @param latentDim        size of node embeddings and of the circuit token
 * @param graph            how designs become graphs
 * @param seed             training seed (reproduces the held-out edge splits)
 * @param holdoutFraction  fraction of edges held out per design during training
 */
record EncoderConfig(int hiddenDim, int latentDim, EncoderGraphOptions graph, long seed, double holdoutFraction) {
    static final String FILE = "encoder.properties";
    static final String PARAMS = "encoder.params";
    private static final String FORMAT = "1";

    void write(OutputStream out) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("featureDim", Integer.toString(CircuitGraph.NUM_FEATURES));
        p.setProperty("hiddenDim", Integer.toString(hiddenDim));
        p.setProperty("latentDim", Integer.toString(latentDim));
        p.setProperty("graphMode", graph.mode().name());
        p.setProperty("minMacros", Integer.toString(graph.minMacros()));
        p.setProperty("cliqueMaxDegree", Integer.toString(graph.graph().cliqueMaxDegree()));
        p.setProperty("maxHops", Integer.toString(graph.graph().maxHops()));
        p.setProperty("maxNetDegree", Integer.toString(graph.graph().maxNetDegree()));
        p.setProperty("hopDecay", Double.toString(graph.graph().hopDecay()));
        p.setProperty("seed", Long.toString(seed));
        p.setProperty("holdoutFraction", Double.toString(holdoutFraction));
        p.store(out, "gnn-encoder checkpoint (VGAE)");
    }

    static EncoderConfig read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IOException("unsupported encoder checkpoint format " + p.getProperty("format"));
        }
        int f = Integer.parseInt(p.getProperty("featureDim"));
        if (f != CircuitGraph.NUM_FEATURES) {
            throw new IOException("checkpoint has " + f + " features, this code " + CircuitGraph.NUM_FEATURES);
        }
        GraphOptions go = new GraphOptions(Integer.parseInt(p.getProperty("cliqueMaxDegree")),
                Integer.parseInt(p.getProperty("maxHops")), Integer.parseInt(p.getProperty("maxNetDegree")),
                Double.parseDouble(p.getProperty("hopDecay")));
        EncoderGraphOptions g = new EncoderGraphOptions(GraphMode.valueOf(p.getProperty("graphMode")),
                Integer.parseInt(p.getProperty("minMacros")), go);
        return new EncoderConfig(Integer.parseInt(p.getProperty("hiddenDim")), Integer.parseInt(p.getProperty("latentDim")),
                g, Long.parseLong(p.getProperty("seed")), Double.parseDouble(p.getProperty("holdoutFraction")));
    }
}
