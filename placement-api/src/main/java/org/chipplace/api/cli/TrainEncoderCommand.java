package org.chipplace.api.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.chipplace.gnn.EncoderTrainer;
import org.chipplace.gnn.EncoderTrainingOptions;
import org.chipplace.gnn.EpochStats;
import org.chipplace.gnn.TrainingReport;
import org.chipplace.netlist.Netlist;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train-encoder [--aux D.aux ...] [--synthetic N] --out DIR [--epochs E]
 * [--learning-rate LR] [--seed S]}: retrains the GNN circuit encoder (VGAE) and saves the
 * checkpoint into DIR with a loss/AUC log ({@code training.csv}).
 */
@Command(name = "train-encoder", mixinStandardHelpOptions = true,
        description = "Train the GNN circuit encoder on Bookshelf and/or synthetic designs.")
public final class TrainEncoderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--aux", paramLabel = "D.aux", description = "Bookshelf training designs (repeatable).")
    List<Path> aux = new ArrayList<>();

    @Option(names = "--synthetic", defaultValue = "0", paramLabel = "N", description = "Also N synthetic circuits.")
    int synthetic;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Checkpoint folder to write.")
    Path out;

    @Option(names = "--epochs", defaultValue = "-1", description = "Epochs (default: the trainer's default).")
    int epochs;

    @Option(names = "--learning-rate", defaultValue = "-1", description = "Adam learning rate (default: the trainer's).")
    double learningRate;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        List<Netlist> designs = new ArrayList<>(SyntheticDesigns.read(aux));
        if (synthetic > 0) {
            designs.addAll(SyntheticDesigns.generate(synthetic, seed));
        }
        if (designs.isEmpty()) {
            throw new IllegalArgumentException("no training designs: give --aux D.aux and/or --synthetic N");
        }
        EncoderTrainingOptions o = EncoderTrainingOptions.defaults().withSeed(seed);
        if (epochs > 0) {
            o = o.withEpochs(epochs);
        }
        if (learningRate > 0) {
            o = o.withLearningRate(learningRate);
        }
        PrintWriter err = spec.commandLine().getErr();
        int total = o.epochs();
        try (TrainingReport report = EncoderTrainer.train(designs, o, e -> {
            if (e.epoch() % 10 == 0 || e.epoch() == total) {
                err.printf(Locale.ROOT, "[encoder] epoch %4d/%d  loss %.4f  held-out AUC %.3f%n", e.epoch(), total,
                        e.loss(), e.heldOutAuc());
                err.flush();
            }
        })) {
            Files.createDirectories(out);
            report.encoder().save(out);
            StringBuilder csv = new StringBuilder("epoch,loss,heldOutAuc,elapsedMillis\n");
            for (EpochStats e : report.epochs()) {
                csv.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%d%n", e.epoch(), e.loss(), e.heldOutAuc(),
                        e.elapsedMillis()));
            }
            Files.writeString(out.resolve("training.csv"), csv);
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d designs, %d epochs, mean held-out AUC %.3f, %.1f s%n",
                    out, designs.size(), report.epochs().size(), report.meanAuc(), report.wallMillis() / 1000.0);
        }
        return 0;
    }
}
