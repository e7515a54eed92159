package org.chipplace.api.flow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chipplace.metrics.ProxyCostReport;
import org.chipplace.metrics.RudyReport;
import org.chipplace.placer.PlacementResult;
import org.chipplace.placer.StageReport;

/**
 * The content of {@code report.json}, the same for the {@code place} command and for a service job;
 * its shape is {@code docs/report-schema.json}. Built by {@link ResultWriter}, which adds what it
 * measured on the written files ({@code defHpwl}) and the RUDY summary.
 *
 * <p>Keys, in this order: {@code design}, {@code format} ({@code bookshelf}, {@code lefdef} or
 * {@code circuittraining}), {@code job} (service only), {@code macroPlacer}, {@code seed},
 * {@code fineTuneSteps}, {@code metrics} (with {@code proxyCost}, Circuit Training's proxy cost,
 * when measured), {@code defHpwl} (LEF/DEF only: HPWL of the DEF as written), {@code totalSeconds},
 * {@code stages} (list of {@link Stage}), {@code stageSeconds} and {@code stageHpwl} (the same per
 * stage name, for scripts), {@code candidates} (list of {@link Candidate}), {@code winner} (name of
 * the candidate kept), {@code globalHpwlTrace}, {@code globalOverflowTrace}, {@code globalKeptIteration},
 * {@code globalPasses} (every global-placement pass with its traces, kept iteration, target overflow and
 * why it stopped), {@code rudy} and {@code options}; {@link ResultWriter} adds {@code dbuPerMicron} for
 * LEF/DEF and Circuit Training designs.
 */
public final class PlacementReport {
    /** Source of a candidate whose macros are where the mixed-size global placement put them. */
    public static final String ANALYTIC = "analytic";

    /** Turns the metrics record into a map (records serialise with their component names). */
    private static final ObjectMapper METRICS_MAPPER = new ObjectMapper();

    private PlacementReport() {
    }

    /**
     * What was run, as the report's {@code options} tell it.
     *
     * @param design      design name or reference shown as {@code design}
     * @param input       the input files as given on the command line, or null (service)
     * @param job         the service job, or null (command line)
     * @param macroPlacer macro placer name ({@link MacroPlacers#NAMES})
     * @param settings    the macro placers' search settings
     */
    public record Run(String design, String input, UUID job, String macroPlacer, MacroPlacers.Settings settings) {
    }

    /**
     * One pipeline stage.
     *
     * @param name    stage name ({@link StageReport#stage()})
     * @param seconds wall time in seconds
     * @param hpwl    HPWL of the whole design after the stage
     */
    public record Stage(String name, double seconds, double hpwl) {
    }

    /**
     * One macro placement that went through the cell stages.
     *
     * @param name      {@code candidate-1}, ..., {@code candidate-analytic} (the stage names), or
     *                  {@code analytic} when no macro placer ran
     * @param source    the macro placer that made it, or {@link #ANALYTIC} (the mixed-size global
     *                  placement's own macros)
     * @param hpwl      HPWL after its cell stages (the final HPWL if it won)
     * @param seconds   seconds of its macro legalization and cell stages, or null when the pipeline
     *                  had a single candidate (then the stages tell the times)
     * @param macroHpwl macro-to-macro HPWL of the final placement, for the winner only (null otherwise)
     * @param winner    whether the pipeline kept it
     * @param released  for a macro placer's candidate: whether its macros were released to the analytic
     *                  placer before the cell stages ({@code PlacerOptions.releaseMacros}); null for the
     *                  analytic ones
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Candidate(String name, String source, double hpwl, Double seconds, Double macroHpwl,
                            boolean winner, Boolean released) {
    }

    /**
     * The report of {@code result}.
     *
     * @param result  the pipeline's result
     * @param run     what was run
     * @param lefDef  whether the design came from LEF/DEF
     * @param defHpwl HPWL of the written DEF, or null
     * @param rudy    RUDY congestion of the final placement
     * @return the report, keys in the documented order
     */
    public static Map<String, Object> of(PlacementResult result, Run run, boolean lefDef, Double defHpwl,
                                         RudyReport rudy) {
        return of(result, run, lefDef ? "lefdef" : "bookshelf", defHpwl, rudy, null);
    }

    /**
     * The report of {@code result}, with the input format named and, when given, Circuit Training's
     * proxy cost added to {@code metrics} as {@code proxyCost} ({@code wirelength}, {@code density},
     * {@code congestion}, {@code total}).
     *
     * @param format  {@code bookshelf}, {@code lefdef} or {@code circuittraining}
     * @param proxy   the proxy cost of the final placement, or null
     */
    public static Map<String, Object> of(PlacementResult result, Run run, String format, Double defHpwl,
                                         RudyReport rudy, ProxyCostReport proxy) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("design", run.design());
        r.put("format", format);
        if (run.job() != null) {
            r.put("job", run.job());
        }
        r.put("macroPlacer", run.macroPlacer());
        r.put("seed", result.options().seed());
        r.put("fineTuneSteps", run.settings().fineTuneSteps());
        if (proxy == null) {
            r.put("metrics", result.metrics());
        } else {
            @SuppressWarnings("unchecked")
            Map<String, Object> metrics = METRICS_MAPPER.convertValue(result.metrics(), LinkedHashMap.class);
            metrics.put("proxyCost", proxy);
            r.put("metrics", metrics);
        }
        if (defHpwl != null) {
            r.put("defHpwl", defHpwl);
        }
        r.put("totalSeconds", result.totalSeconds());
        List<Stage> stages = new ArrayList<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Double> hpwl = new LinkedHashMap<>();
        for (StageReport s : result.stages()) {
            stages.add(new Stage(s.stage(), s.seconds(), s.hpwl()));
            seconds.put(s.stage(), s.seconds());
            hpwl.put(s.stage(), s.hpwl());
        }
        r.put("stages", stages);
        r.put("stageSeconds", seconds);
        r.put("stageHpwl", hpwl);
        List<Candidate> candidates = candidates(result, run.macroPlacer());
        r.put("candidates", candidates);
        r.put("winner", candidates.stream().filter(Candidate::winner).findFirst().orElseThrow().name());
        r.put("globalHpwlTrace", result.globalHpwlTrace());
        r.put("globalOverflowTrace", result.globalOverflowTrace());
        r.put("globalKeptIteration", result.globalKeptIteration());
        r.put("globalPasses", result.globalPasses());
        Map<String, Object> congestion = new LinkedHashMap<>();
        congestion.put("nx", rudy.nx());
        congestion.put("ny", rudy.ny());
        congestion.put("peak", rudy.peak());
        congestion.put("totalOverflow", rudy.totalOverflow());
        r.put("rudy", congestion);
        r.put("options", options(result, run));
        return r;
    }

    /**
     * The macro placements the pipeline chose from, read from its stages: with several, the stages
     * {@code candidate-k} and {@code candidate-analytic} (HPWL after their cell stages, or after cell
     * legalization for an analytic iterate the flow did not detail-place because it was more than
     * {@code Placer.FINISH_MARGIN} behind; the first with the least HPWL won, as
     * {@link org.chipplace.placer.Placer} chooses); with one, that one.
     */
    static List<Candidate> candidates(PlacementResult result, String macroPlacer) {
        double macroHpwl = result.metrics().macroHpwl();
        boolean released = result.options().releaseMacros();
        List<StageReport> tried = result.stages().stream().filter(s -> s.stage().startsWith("candidate-")).toList();
        if (tried.isEmpty()) {
            boolean placed = result.stages().stream().anyMatch(s -> s.stage().equals("global-mixed"));
            String name = placed ? "candidate-1" : ANALYTIC;
            return List.of(new Candidate(name, placed ? macroPlacer : ANALYTIC, result.metrics().hpwl(), null,
                    macroHpwl, true, placed ? released : null));
        }
        int win = 0;
        for (int k = 1; k < tried.size(); k++) {
            if (tried.get(k).hpwl() < tried.get(win).hpwl()) {
                win = k;
            }
        }
        List<Candidate> out = new ArrayList<>();
        for (int k = 0; k < tried.size(); k++) {
            StageReport s = tried.get(k);
            boolean analytic = s.stage().startsWith("candidate-analytic");
            out.add(new Candidate(s.stage(), analytic ? ANALYTIC : macroPlacer, s.hpwl(), s.seconds(),
                    k == win ? macroHpwl : null, k == win, analytic ? null : released));
        }
        return out;
    }

    private static Map<String, Object> options(PlacementResult result, Run run) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (run.input() != null) {
            o.put("input", run.input());
        }
        MacroPlacers.Settings s = run.settings();
        o.put("macroPlacer", run.macroPlacer());
        o.put("seed", result.options().seed());
        o.put("threads", result.options().threads());
        o.put("targetDensity", result.options().targetDensity());
        o.put("timeLimit", s.timeLimitSeconds());
        o.put("samples", s.samples());
        o.put("fineTuneSteps", s.fineTuneSteps());
        o.put("device", s.device());
        if ("dt".equals(run.macroPlacer())) {
            o.put("checkpoint", s.checkpointName());
        }
        o.put("placer", result.options());
        return o;
    }
}
