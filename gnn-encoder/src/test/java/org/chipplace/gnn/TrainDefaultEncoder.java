package org.chipplace.gnn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chipplace.netlist.Benchmarks;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.chipplace.netlist.synthetic.SyntheticCircuits;
import org.chipplace.netlist.synthetic.SyntheticOptions;

/**
 * Driver that trains the bundled checkpoint: the real designs in the benchmark folder plus
 * synthetic circuits from {@link SyntheticCircuits}, saved into
 * {@code src/main/resources/org/chipplace/gnn/default}. Run from the repository root:
 * <pre>
 * CHIPPLACE_BENCHMARKS=/work/shared/benchmarks mvn -q -o -pl gnn-encoder -am test-compile
 * java -cp "$(cat gnn-encoder/target/cp.txt):gnn-encoder/target/classes:gnn-encoder/target/test-classes" \
 *   [-Ddesigns=ibm01,ibm05] [-DnoSynthetic=true] org.chipplace.gnn.TrainDefaultEncoder [outDir] [epochs] [learningRate]
 * </pre>
 * ({@code cp.txt} from {@code mvn -o -pl gnn-encoder dependency:build-classpath -Dmdep.outputFile=target/cp.txt}).
 */
public final class TrainDefaultEncoder {
    static final String[] REAL = {"ibm01", "ibm02_ms", "ibm02_stdcell", "ibm03_stdcell", "ibm05"};

    private TrainDefaultEncoder() {
    }

    /** The synthetic part of the training set: a grid of generator settings, one seed each. */
    static List<Netlist> synthetic() {
        List<Netlist> out = new ArrayList<>();
        int[] cells = {600, 2000};
        int[] macros = {4, 60}; // 4 < minMacros: full netlist graph; 60: macro graph
        double[] macroFraction = {0.3, 0.6};
        double[] rentExponent = {0.4, 0.8};
        int k = 0;
        for (int c : cells) {
            for (int m : macros) {
                for (double f : macroFraction) {
                    for (double r : rentExponent) {
                        SyntheticOptions o = new SyntheticOptions(m, c, (int) (1.1 * (c + m)), 40, 0.6, f, r);
                        out.add(SyntheticCircuits.generate("syn" + k, o, 1000 + k));
                        k++;
                    }
                }
            }
        }
        return out;
    }

    public static void main(String[] args) {
        Path outDir = Path.of(args.length > 0 ? args[0] : "gnn-encoder/src/main/resources/org/chipplace/gnn/default");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : EncoderTrainingOptions.defaults().epochs();
        List<Netlist> designs = new ArrayList<>();
        String[] real = System.getProperty("designs") == null ? REAL : System.getProperty("designs").split(",");
        for (String name : real) {
            Optional<Path> aux = Benchmarks.aux(name);
            if (aux.isEmpty()) {
                System.err.println("skipping " + name + ": " + Benchmarks.missingMessage(name));
                continue;
            }
            Netlist nl = Bookshelf.read(aux.get());
            System.out.println("real: " + nl);
            designs.add(nl);
        }
        if (!Boolean.getBoolean("noSynthetic")) {
            designs.addAll(synthetic());
        }
        EncoderTrainingOptions o = EncoderTrainingOptions.defaults().withEpochs(epochs);
        if (args.length > 2) {
            o = o.withLearningRate(Double.parseDouble(args[2]));
        }
        System.out.println("options: " + o);
        try (TrainingReport r = EncoderTrainer.train(designs, o, s -> System.out.printf(
                "epoch %d loss %.4f auc %.4f t %.1fs%n", s.epoch(), s.loss(), s.heldOutAuc(), s.elapsedMillis() / 1e3))) {
            for (int i = 0; i < r.designNames().size(); i++) {
                System.out.printf("held-out AUC %-14s %.4f%n", r.designNames().get(i), r.finalAuc()[i]);
            }
            System.out.printf("mean held-out AUC %.4f, wall %.1f s%n", r.meanAuc(), r.wallMillis() / 1e3);
            r.encoder().save(outDir);
            System.out.println("saved " + outDir.toAbsolutePath());
        }
    }
}
