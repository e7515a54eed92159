package org.chipplace.api.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.chipplace.gnn.CircuitEncoder;
import org.chipplace.gnn.PyTorch;
import org.chipplace.netlist.Netlist;
import org.chipplace.policy.PolicyTrainer;
import org.chipplace.policy.TrainOptions;
import org.chipplace.policy.TrainReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train --dataset FILE [--aux D.aux ...] [--synthetic N --synthetic-seed S] [--pb D.pb.txt [--def FP.def --lef A.lef ...]] [--held-out D.aux ...]
 * --out DIR [--steps N] [--seed S] [--time-limit S] [--log FILE] [--encoder DIR] [--device cpu|gpu]}: pretrains the decision
 * transformer offline on a trajectory dataset. The dataset's designs must be given again (the
 * masks are recomputed from them; {@code --synthetic N --synthetic-seed S} regenerates those of
 * {@code dataset generate --synthetic N --seed S}); held-out designs are evaluated by zero-shot
 * rollouts during training and pick the checkpoint kept. The circuit tokens come from the encoder
 * checkpoint {@code --encoder DIR} ({@code train-encoder --out DIR}) or, by default, from an encoder
 * trained first on the training designs; {@code --device gpu} trains on the CUDA device. Both are
 * checked before any work: a folder that is not an encoder checkpoint, or gpu without a CUDA device,
 * is a one-line input error.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Pretrain the decision-transformer macro placer on an offline trajectory dataset.")
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "FILE", description = "Trajectory dataset.")
    Path dataset;

    @Option(names = "--aux", paramLabel = "D.aux", description = "The dataset's Bookshelf designs (repeatable).")
    List<Path> aux = new ArrayList<>();

    @Option(names = "--synthetic", defaultValue = "0", paramLabel = "N",
            description = "The dataset's N synthetic designs (as made by dataset generate --synthetic N).")
    int synthetic;

    @Option(names = "--synthetic-seed", defaultValue = "1", paramLabel = "S",
            description = "The --seed that dataset generate used for them (default: ${DEFAULT-VALUE}).")
    long syntheticSeed;

    @Option(names = "--pb", paramLabel = "D.pb.txt", description = "A Circuit Training netlist of the dataset "
            + "(.pb.txt[.gz]), with --def/--lef for its floorplan as dataset generate --pb read it.")
    Path pb;

    @Mixin
    PbFloorplan floorplan;

    @Option(names = "--held-out", paramLabel = "D.aux", description = "Designs left out of training, evaluated zero-shot.")
    List<Path> heldOut = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Checkpoint folder to write.")
    Path out;

    @Option(names = "--steps", defaultValue = "-1", description = "Optimizer steps (default: the trainer's, 2000).")
    int steps;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--time-limit", defaultValue = "0", paramLabel = "SECONDS", description = "Stop after this wall time, 0 = none.")
    double timeLimit;

    @Option(names = "--log", paramLabel = "FILE", description = "CSV log of loss and held-out HPWL (default: DIR/training.csv).")
    Path log;

    @Option(names = "--encoder", paramLabel = "DIR", description = "Circuit-token encoder checkpoint in DIR (what "
            + "train-encoder --out writes) instead of one trained first on the training designs.")
    Path encoder;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu", description = "Train on the CPU or on "
            + "the CUDA device (gpu needs the cuda build, -Pcuda, and a GPU; default: ${DEFAULT-VALUE}).")
    String device;

    @Override
    public Integer call() {
        if (encoder != null) {
            Errors.checkOption("--encoder", () -> CircuitEncoder.checkCheckpoint(encoder));
        }
        PyTorch.device(device); // unknown name or gpu without a CUDA device: one line, before reading anything
        List<Netlist> designs = new ArrayList<>(SyntheticDesigns.read(aux));
        designs.addAll(floorplan.read(pb));
        if (synthetic > 0) {
            designs.addAll(SyntheticDesigns.generate(synthetic, syntheticSeed));
        }
        designs.addAll(SyntheticDesigns.read(heldOut));
        TrainOptions o = TrainOptions.defaults().withSeed(seed).withLog(log != null ? log : out.resolve("training.csv"))
                .withTimeLimit(timeLimit).withEncoder(encoder).withDevice(device);
        if (steps > 0) {
            o = o.withSteps(steps);
        }
        PrintWriter err = spec.commandLine().getErr();
        try {
            java.nio.file.Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (TrainReport report = PolicyTrainer.train(dataset, designs, o, st -> {
            err.printf(Locale.ROOT, "[train] step %5d  loss %.4f  lr %.2e%s%n", st.step(), st.loss(), st.learningRate(),
                    Double.isNaN(st.heldOutRatio()) ? ""
                            : String.format(Locale.ROOT, "  held-out HPWL / greedy %.3f", st.heldOutRatio()));
            err.flush();
        })) {
            report.save(out);
            var w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "wrote %s: %d steps (kept step %d), %.1f s%n", out, report.steps(), report.bestStep(),
                    report.wallMillis() / 1000.0);
            for (Map.Entry<String, Double> e : report.heldOutHpwl().entrySet()) {
                Double greedy = report.heldOutGreedy().get(e.getKey());
                w.printf(Locale.ROOT, "held out %-16s zero-shot macro HPWL %.4e  greedy %.4e%n", e.getKey(), e.getValue(),
                        greedy == null ? Double.NaN : greedy);
            }
        }
        return 0;
    }
}
