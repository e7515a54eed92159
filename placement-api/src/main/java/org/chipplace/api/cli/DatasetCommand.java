package org.chipplace.api.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.chipplace.offline.datasets.DatasetInfo;
import org.chipplace.offline.datasets.DatasetOptions;
import org.chipplace.offline.datasets.Datasets;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dataset generate (--aux D.aux ... | --synthetic N | --pb D.pb.txt [--def FP.def --lef A.lef ...])
 * --out FILE --trajectories K
 * --expert greedy|ea|mixed|analytic|real [--seed S] [--flow-labels] [--grid G] [--threads N]},
 * {@code dataset merge A B ... --out FILE} and {@code dataset info FILE}: offline macro-placement
 * trajectories for pretraining the decision transformer ({@code docs/dataset-format.md}).
 */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Generate or inspect offline macro-placement trajectory datasets.",
        subcommands = {DatasetCommand.Generate.class, DatasetCommand.Merge.class, DatasetCommand.Info.class})
public final class DatasetCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Designs to take trajectories on: Bookshelf files or generated circuits. */
    static final class Sources {
        @Option(names = "--aux", paramLabel = "D.aux", required = true, description = "Bookshelf designs (repeatable).")
        List<Path> aux;

        @Option(names = "--synthetic", paramLabel = "N", required = true,
                description = "Generate N synthetic circuits of varied size and utilisation instead.")
        Integer synthetic;

        @Option(names = "--pb", paramLabel = "D.pb.txt", required = true,
                description = "A Circuit Training netlist (.pb.txt[.gz]) instead, with --def/--lef for its floorplan.")
        Path pb;
    }

    @Command(name = "generate", mixinStandardHelpOptions = true, description = "Write trajectories of expert placers.")
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Sources sources;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Dataset file to write.")
        Path out;

        @Option(names = "--trajectories", required = true, paramLabel = "K", description = "Trajectories per design.")
        int trajectories;

        @Option(names = "--expert", required = true, paramLabel = "NAME",
                description = "greedy, ea, mixed, analytic (the flow's mixed-size global placement, one seed per "
                        + "trajectory) or real (analytic, greedy, analytic, EA in turn).")
        String expert;

        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--flow-labels", description = "Label every trajectory with the final HPWL of the flow's "
                + "cell stages with its macros kept (slow: the cell stages per trajectory).")
        boolean flowLabels;

        @Mixin
        PbFloorplan floorplan;

        @Option(names = "--grid", paramLabel = "G",
                description = "Environment grid (default: the environment's, 84; the shipped model's is 48).")
        Integer grid;

        @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
                description = "Threads of the EA, the analytic expert and the labels (default: ${DEFAULT-VALUE}).")
        int threads;

        @Override
        public Integer call() throws Exception {
            if (!Datasets.EXPERTS.contains(expert)) {
                throw new IllegalArgumentException("unknown --expert '" + expert + "'; expected one of " + Datasets.EXPERTS);
            }
            if (trajectories < 1) {
                throw new IllegalArgumentException("--trajectories must be >= 1, got " + trajectories);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
            }
            List<Netlist> designs = sources.pb != null || floorplan.given() ? floorplan.read(sources.pb)
                    : sources.aux != null ? SyntheticDesigns.read(sources.aux)
                    : SyntheticDesigns.generate(sources.synthetic, seed);
            DatasetOptions options = DatasetOptions.defaults().withThreads(threads).withFlowLabels(flowLabels);
            if (grid != null) {
                options = new DatasetOptions(options.env().withGrid(grid), options.eaSecondsPerTrajectory(),
                        options.eaMaxEvaluations(), threads, flowLabels);
            }
            long total = (long) designs.size() * trajectories;
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("dataset").setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new StderrConsumer(spec.commandLine().getErr()))
                    .build()) {
                DatasetInfo info = Datasets.generate(designs, trajectories, expert, seed, out,
                        (stage, iteration, fraction, hpwl, overflow) -> {
                            if ("dataset".equals(stage)) {
                                bar.stepTo(iteration);
                                if (!Double.isNaN(hpwl)) {
                                    bar.setExtraMessage(String.format(Locale.ROOT, "macro HPWL %.3e", hpwl));
                                }
                            }
                        }, options);
                bar.stepTo(total);
                spec.commandLine().getOut().println("wrote " + out + ": " + info.trajectories() + " trajectories on "
                        + info.designs().size() + " designs");
            }
            return 0;
        }

    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Concatenate datasets into one (current format version).")
    static final class Merge implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Dataset files, in order.")
        List<Path> inputs;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Dataset file to write.")
        Path out;

        @Override
        public Integer call() throws Exception {
            DatasetInfo info = Datasets.merge(inputs, out);
            spec.commandLine().getOut().println("wrote " + out + ": " + info.trajectories() + " trajectories on "
                    + info.designs().size() + " designs");
            return 0;
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Per-design counts and return statistics.")
    static final class Info implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "Dataset file.")
        Path file;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            DatasetInfo info = Datasets.info(file);
            var w = spec.commandLine().getOut();
            if (json) {
                w.println(Json.MAPPER.writeValueAsString(info));
                return 0;
            }
            w.printf(Locale.ROOT, "format version %d, %d trajectories, %d designs%n", info.version(),
                    info.trajectories(), info.designs().size());
            w.printf(Locale.ROOT, "%-16s %-12s %5s %6s %6s %13s %13s %13s %11s  %s%n", "design", "hash", "grid", "steps",
                    "trajs", "best return", "mean return", "worst return", "std", "experts");
            for (DatasetInfo.DesignStats d : info.designs()) {
                w.printf(Locale.ROOT, "%-16s %-12s %5d %6d %6d %13.5e %13.5e %13.5e %11.4e  %s%n", d.name(),
                        d.hash().substring(0, Math.min(12, d.hash().length())), d.grid(), d.steps(), d.trajectories(),
                        d.bestReturn(), d.meanReturn(), d.worstReturn(), d.stdReturn(), experts(d.experts()));
            }
            for (DatasetInfo.DesignStats d : info.designs()) {
                if (d.labelled() > 0) {
                    w.printf(Locale.ROOT, "%-16s flow HPWL: %d labelled, best %.5e (%s), mean %.5e%n", d.name(),
                            d.labelled(), d.bestFlowHpwl(), d.bestFlowExpert(), d.meanFlowHpwl());
                }
            }
            return 0;
        }

        private static String experts(Map<String, Integer> m) {
            StringBuilder sb = new StringBuilder();
            m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
            return sb.toString();
        }
    }
}
