package org.chipplace.api.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.chipplace.api.flow.MacroPlacers;
import org.chipplace.api.flow.PlacementReport;
import org.chipplace.api.flow.ResultWriter;
import org.chipplace.netlist.Netlist;
import org.chipplace.placer.MacroPlacer;
import org.chipplace.placer.PlacementResult;
import org.chipplace.placer.Placer;
import org.chipplace.placer.PlacerOptions;
import org.chipplace.placer.StageReport;
import org.chipplace.policy.DecisionTransformer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code place (--aux D.aux | --lef A.lef ... --def D.def | --pb D.pb.txt [--lef A.lef ... --def FP.def])
 * --out DIR [--macro-placer none|greedy|ea|dt]
 * [--seed N] [--threads N] [--target-density F] [--time-limit S] [--samples K] [--fine-tune-steps N]
 * [--device cpu|gpu] [--checkpoint DIR] [--json]}: runs the whole placement pipeline and writes
 * {@code DIR/<design>.pl} and {@code DIR/report.json} (and {@code DIR/<design>.def} for DEF input,
 * {@code DIR/<design>.plc} for Circuit Training input), through
 * {@link ResultWriter} as the service does.
 * Progress goes to stderr. {@code --checkpoint DIR} places with the decision-transformer checkpoint
 * that {@code train --out DIR} wrote instead of the shipped one (only with {@code --macro-placer dt}).
 */
@Command(name = "place", mixinStandardHelpOptions = true,
        description = "Place a design: macro placement, global placement, legalization, detailed placement.")
public final class PlaceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DesignInput input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Option(names = "--macro-placer", defaultValue = "none", paramLabel = "NAME",
            description = "Macro placer: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: macros move in global placement).",
            completionCandidates = MacroPlacers.Names.class)
    String macroPlacer;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "0", description = "Worker threads, 0 = all cores (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--target-density", defaultValue = "0", description = "Target density of global placement in (0, 1]; "
            + "0 = automatic: the design's uniform density + 0.21, at most 1 (default: ${DEFAULT-VALUE}).")
    double targetDensity;

    @Option(names = "--macro-flipping", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Flip macros (FN, FS, S) after macro legalization where that shortens their nets; "
                    + "--no-macro-flipping keeps their orientations (default: ${DEFAULT-VALUE}).")
    boolean macroFlipping;

    @Option(names = "--release-macros", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "With a macro placer: release each of its candidates to the analytic placer (a mixed-size "
                    + "global placement started from it) before the cell stages; --no-release-macros keeps the "
                    + "placer's macros as they are (default: ${DEFAULT-VALUE}).")
    boolean releaseMacros;

    @Option(names = "--time-limit", defaultValue = "60", paramLabel = "SECONDS",
            description = "Budget of the ea search and of dt sampling plus fine-tuning, seconds (default: ${DEFAULT-VALUE}).")
    double timeLimit;

    @Option(names = "--samples", defaultValue = "1", paramLabel = "K",
            description = "dt: keep the best of K rollouts (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--fine-tune-steps", defaultValue = "0", paramLabel = "N",
            description = "dt: online fine-tuning steps on this design, 0 = zero-shot (default: ${DEFAULT-VALUE}).")
    int fineTuneSteps;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu",
            description = "dt: device (gpu needs the cuda build and a GPU; default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "dt: the decision-transformer checkpoint in DIR (what train --out writes) instead of the "
                    + "shipped one.")
    Path checkpoint;

    @Option(names = "--json", description = "Print the report as JSON on stdout instead of a summary table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (checkpoint != null) {
            if (!"dt".equals(macroPlacer)) {
                throw new IllegalArgumentException("--checkpoint needs --macro-placer dt (got --macro-placer "
                        + macroPlacer + ")");
            }
            Errors.checkOption("--checkpoint", () -> DecisionTransformer.checkCheckpoint(checkpoint));
        }
        MacroPlacers.Settings settings = new MacroPlacers.Settings(timeLimit, threads, samples, fineTuneSteps, device,
                checkpoint == null ? null : checkpoint.toString());
        MacroPlacer mp = MacroPlacers.byName(macroPlacer, settings);
        PlacerOptions options = PlacerOptions.defaults().withSeed(seed).withThreads(threads)
                .withTargetDensity(targetDensity).withMacroFlipping(macroFlipping).withReleaseMacros(releaseMacros);
        DesignInput.Loaded design = input.load();
        Netlist netlist = design.netlist();
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr());
        PlacementResult result;
        try {
            result = Placer.place(netlist, options, mp, progress);
        } finally {
            MacroPlacers.close(mp);
        }
        progress.finish();
        ResultWriter.Written written = ResultWriter.write(out, netlist, design.def(), design.ct(), result,
                new PlacementReport.Run(netlist.name(), input.describe(), null, macroPlacer, settings));
        if (json) {
            spec.commandLine().getOut().println(written.compactJson());
        } else {
            var w = spec.commandLine().getOut();
            for (StageReport s : result.stages()) {
                w.printf(java.util.Locale.ROOT, "%-15s %8.2f s   HPWL %s%n", s.stage(), s.seconds(), Tables.format(s.hpwl()));
            }
            w.print(Tables.keyValue(Json.MAPPER.convertValue(result.metrics(), Map.class)));
            if (design.ct() != null) {
                w.printf(java.util.Locale.ROOT, "hpwlMicrons %s%n",
                        Tables.format(result.metrics().hpwl() / design.ct().dbuPerMicron()));
                Object proxy = ((Map<?, ?>) written.report().get("metrics")).get("proxyCost");
                if (proxy != null) {
                    w.print(Tables.keyValue(Json.MAPPER.convertValue(proxy, Map.class)).replaceAll("(?m)^(?=.)", "proxyCost."));
                }
            }
            java.util.List<String> files = new java.util.ArrayList<>();
            for (java.nio.file.Path f : new java.nio.file.Path[] {written.pl(), written.plc(), written.def()}) {
                if (f != null) {
                    files.add(f.toString());
                }
            }
            w.println("wrote " + String.join(", ", files) + " and " + written.reportFile());
        }
        return result.metrics().legal() ? 0 : 3;
    }
}
