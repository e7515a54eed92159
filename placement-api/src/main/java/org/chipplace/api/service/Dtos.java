package org.chipplace.api.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.chipplace.api.flow.MacroPlacers;
import org.chipplace.placer.PlacerOptions;

/**
 * Request and response bodies of the REST API (JSON field names are the record component names). Request
 * bodies are strict: an unknown field is a 400 naming it ({@code StrictJsonBodies}, {@code ProblemHandler}).
 */
public final class Dtos {
    private Dtos() {
    }

    /** Core box of a design, database units. */
    public record Core(double xl, double yl, double xh, double yh) {
    }

    /**
     * An uploaded design. {@code format} is {@code bookshelf} (then {@code auxPath} names the .aux),
     * {@code lefdef} (then {@code defPath} names the .def and {@code lefPaths} the LEF files in
     * reading order; {@code auxPath} is null; jobs also produce the placed DEF) or {@code circuittraining}
     * (then {@code auxPath} names the .pb.txt, and {@code defPath} and {@code lefPaths} its floorplan DEF and
     * LEFs when given; jobs also produce the .plc and, with a floorplan, the placed DEF).
     */
    public record DesignSummary(UUID id, String name, String auxPath, String checksum, long sizeBytes, int nodes,
                                int nets, int pins, int movable, int macros, int cells, int fixedNodes, Core core,
                                Instant createdAt, String format, String defPath, List<String> lefPaths) {
    }

    /**
     * A design of the benchmarks folder; submit it as {@code design: "bench:<name>"}. {@code cells},
     * {@code macros} and {@code nets} count the design as the placer reads it, as {@link DesignSummary}
     * does (movable standard cells, movable macros, nets); null when the design does not parse.
     */
    public record BenchmarkInfo(String name, String design, String aux, long sizeBytes, Integer cells, Integer macros,
                                Integer nets) {
    }

    /**
     * Pipeline options of a job; a null field takes the default of {@link PlacerOptions#defaults()}.
     * The last four are for macro placer {@code dt} only (a 400 with another one) and null for other
     * jobs; a {@code dt} job's view has them filled in.
     *
     * @param threads                worker threads of the placer, 0 = all cores
     * @param targetDensity          target density in (0, 1], or 0 (the default) for the automatic one
     * @param targetOverflow         global placement stops at this overflow, in (0, 1)
     * @param detailedPlacement      run detailed placement
     * @param refineCellsAfterMacros re-place the cells after macro legalization
     * @param timeLimit              seconds of the {@code ea} search and of {@code dt} sampling plus fine-tuning,
     *                               finite and &gt; 0 (default {@code MacroPlacers.DEFAULT_TIME_LIMIT}, 60; the CLI's
     *                               {@code --time-limit})
     * @param samples                {@code dt}: keep the best of this many rollouts, &gt;= 1 (default 1; {@code --samples})
     * @param fineTuneSteps          {@code dt}: online fine-tuning steps, &gt;= 0 (default: the submission's
     *                               {@code fineTuneSteps}, else 0; {@code --fine-tune-steps})
     * @param device                 {@code dt}: {@code cpu} (default) or {@code gpu}, the CUDA device (a 422
     *                               problem when the service has none; {@code --device})
     * @param checkpoint             {@code dt}: name of the model, one of {@code GET /api/models} whose
     *                               {@code macroPlacer} is {@code dt} (default {@code decision-transformer},
     *                               the shipped one; the CLI's {@code --checkpoint DIR})
     * @param releaseMacros          with a macro placer ({@code greedy}, {@code ea}, {@code dt}): release each of its
     *                               candidates to the analytic placer before the cell stages (default
     *                               {@link PlacerOptions#RELEASE_DEFAULT}; {@code --[no-]release-macros})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JobOptions(Integer threads, Double targetDensity, Double targetOverflow, Boolean detailedPlacement,
                             Boolean refineCellsAfterMacros, Double timeLimit, Integer samples, Integer fineTuneSteps,
                             String device, String checkpoint, Boolean releaseMacros) {
        /** Without {@code releaseMacros} (the default). */
        public JobOptions(Integer threads, Double targetDensity, Double targetOverflow, Boolean detailedPlacement,
                          Boolean refineCellsAfterMacros, Double timeLimit, Integer samples, Integer fineTuneSteps,
                          String device, String checkpoint) {
            this(threads, targetDensity, targetOverflow, detailedPlacement, refineCellsAfterMacros, timeLimit, samples,
                    fineTuneSteps, device, checkpoint, null);
        }

        /** Without a time limit (the default one) and the dt fields. */
        public JobOptions(Integer threads, Double targetDensity, Double targetOverflow, Boolean detailedPlacement,
                          Boolean refineCellsAfterMacros) {
            this(threads, targetDensity, targetOverflow, detailedPlacement, refineCellsAfterMacros, null);
        }

        /** Without the dt fields. */
        public JobOptions(Integer threads, Double targetDensity, Double targetOverflow, Boolean detailedPlacement,
                          Boolean refineCellsAfterMacros, Double timeLimit) {
            this(threads, targetDensity, targetOverflow, detailedPlacement, refineCellsAfterMacros, timeLimit, null,
                    null, null, null);
        }

        /** The macro placer's time budget in seconds; IllegalArgumentException when not finite and &gt; 0. */
        public double timeLimitSeconds() {
            double t = timeLimit != null ? timeLimit : MacroPlacers.DEFAULT_TIME_LIMIT;
            if (!(t > 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException("timeLimit must be finite and > 0 seconds, got " + t);
            }
            return t;
        }

        /** JSON names of the {@code dt}-only fields that are given (not null). */
        public List<String> dtFieldsGiven() {
            List<String> given = new ArrayList<>();
            Object[] values = {samples, fineTuneSteps, device, checkpoint};
            String[] names = {"samples", "fineTuneSteps", "device", "checkpoint"};
            for (int i = 0; i < names.length; i++) {
                if (values[i] != null) {
                    given.add(names[i]);
                }
            }
            return given;
        }

        /**
         * The macro placers' settings of a job with {@code threads} and {@code fineTuneSteps}: the time
         * limit, and the dt fields with their defaults where null (1 sample, cpu, the shipped model).
         */
        public MacroPlacers.Settings macroSettings(int threads, int fineTuneSteps) {
            return MacroPlacers.Settings.defaults().withThreads(threads).withTimeLimit(timeLimitSeconds())
                    .withSamples(samples != null ? samples : 1).withFineTuneSteps(fineTuneSteps)
                    .withDevice(device != null ? device : "cpu")
                    .withCheckpoint(checkpoint != null ? checkpoint : MacroPlacers.SHIPPED_DT);
        }

        /** The pipeline options with {@code seed}; throws IllegalArgumentException when invalid. */
        public PlacerOptions toPlacerOptions(long seed) {
            PlacerOptions d = PlacerOptions.defaults();
            return new PlacerOptions(seed, threads != null ? threads : d.threads(),
                    targetDensity != null ? targetDensity : d.targetDensity(),
                    targetOverflow != null ? targetOverflow : d.targetOverflow(),
                    detailedPlacement != null ? detailedPlacement : d.detailedPlacement(),
                    refineCellsAfterMacros != null ? refineCellsAfterMacros : d.refineCellsAfterMacros(),
                    d.mixedTargetOverflow(), d.analyticCandidate(), d.macroFlipping(),
                    releaseMacros != null ? releaseMacros : d.releaseMacros());
        }

        /** These options with the dt fields replaced. */
        public JobOptions withDt(Integer samples, Integer fineTuneSteps, String device, String checkpoint) {
            return new JobOptions(threads, targetDensity, targetOverflow, detailedPlacement, refineCellsAfterMacros,
                    timeLimit, samples, fineTuneSteps, device, checkpoint, releaseMacros);
        }

        /** These options with {@code releaseMacros} replaced. */
        public JobOptions withReleaseMacros(Boolean release) {
            return new JobOptions(threads, targetDensity, targetOverflow, detailedPlacement, refineCellsAfterMacros,
                    timeLimit, samples, fineTuneSteps, device, checkpoint, release);
        }

        /** The options with every default filled in (the default time limit). */
        public static JobOptions of(PlacerOptions o) {
            return of(o, MacroPlacers.DEFAULT_TIME_LIMIT);
        }

        /** The options with every default filled in and time limit {@code timeLimit} seconds (no dt fields). */
        public static JobOptions of(PlacerOptions o, double timeLimit) {
            return new JobOptions(o.threads(), o.targetDensity(), o.targetOverflow(), o.detailedPlacement(),
                    o.refineCellsAfterMacros(), timeLimit);
        }
    }

    /**
     * Body of {@code POST /api/jobs}.
     *
     * @param design        id of an uploaded design, or {@code bench:<name>} for a benchmark
     * @param macroPlacer   none (default), greedy, ea or dt
     * @param seed          random seed (default 1)
     * @param fineTuneSteps fine-tuning steps of a learned macro placer (default 0); kept with the job;
     *                      {@code options.fineTuneSteps}, when given, must agree
     * @param options       pipeline options (defaults when null)
     */
    public record JobSubmission(String design, String macroPlacer, Long seed, Integer fineTuneSteps,
                                JobOptions options) {
    }

    /**
     * State of a job. {@code percent} is an estimate over all stages; {@code hpwl} and
     * {@code overflow} are the latest values reported (final values when DONE). Times, in seconds, of
     * the latest attempt ({@code startedAt} is when it began):
     * <ul>
     * <li>{@code seconds}: kept for older clients: {@code startedAt} to {@code finishedAt} (to now while
     * unfinished), so equal to {@code runSeconds} except while an interrupted job waits to run again;
     * null before the first start;</li>
     * <li>{@code queuedSeconds}: waiting in the queue, {@code createdAt} to {@code startedAt} (to
     * {@code finishedAt} for a job cancelled or failed before it started; to now while QUEUED);</li>
     * <li>{@code runSeconds}: on a worker, {@code startedAt} to {@code finishedAt} (to now while RUNNING):
     * loading the design, the placement, the pictures and saving; null while QUEUED and when it never
     * started;</li>
     * <li>{@code placementSeconds}: the placement pipeline's own total (the report's
     * {@code totalSeconds}, the sum of its stages); null until DONE.</li>
     * </ul>
     * {@code macroOutcome}: which macro placement the pipeline kept, null when the job ran without a
     * macro placer ({@code macroPlacer} none) or is not DONE.
     */
    public record JobView(UUID id, String design, String designName, String macroPlacer, long seed,
                          int fineTuneSteps, JobOptions options, String status, String stage, double percent,
                          Double hpwl, Double overflow, String error, int attempts, String worker, UUID sweepId,
                          String config, Instant createdAt, Instant startedAt, Instant finishedAt, Double seconds,
                          Double queuedSeconds, Double runSeconds, Double placementSeconds,
                          MacroOutcome macroOutcome) {
    }

    /**
     * What a job's macro placer achieved: the macro placements the pipeline finished (the report's
     * {@code candidates}) and the one it kept (least final HPWL).
     *
     * @param macroPlacer the job's macro placer (greedy, ea, dt)
     * @param winner      label of the kept candidate (see {@link MacroCandidate#label})
     * @param summary     one line, e.g. {@code greedy ran; analytic kept, greedy +7.4 %}: each other candidate
     *                    with its final HPWL over the kept one's, minus 1, in percent (one decimal)
     * @param candidates  every candidate, in the report's order
     */
    public record MacroOutcome(String macroPlacer, String winner, String summary, List<MacroCandidate> candidates) {
    }

    /**
     * One candidate macro placement of a job.
     *
     * @param name    its name in the report ({@code candidate-1}, {@code candidate-analytic}, {@code analytic})
     * @param source  the macro placer that made it, or {@code analytic} (the mixed-size global placement's)
     * @param label   how the summary names it: {@code source}, or {@code name} when several candidates share
     *                the source
     * @param hpwl    HPWL after its cell stages (database units)
     * @param seconds its macro legalization and cell stages; null when the pipeline had one candidate
     * @param kept    whether the pipeline kept it
     */
    public record MacroCandidate(String name, String source, String label, double hpwl, Double seconds,
                                 boolean kept) {
    }

    /** One configuration of a sweep. */
    public record SweepConfig(String name, String macroPlacer, Integer fineTuneSteps, JobOptions options) {
    }

    /** Body of {@code POST /api/sweeps}: every design x config x seed becomes a job. */
    public record SweepRequest(List<String> designs, List<SweepConfig> configs, List<Long> seeds) {
    }

    /**
     * One row of a sweep table (HPWL in database units; null until the job is DONE). {@code design} is
     * the job's design reference (upload id or {@code bench:<name>}), {@code designName} its name;
     * {@code macroOutcome} is the job's {@link MacroOutcome#summary} (null as there); the times are
     * those of {@link JobView}, and {@code seconds} is {@code placementSeconds} when DONE, else
     * {@code runSeconds}.
     */
    public record SweepRow(UUID job, String design, String designName, String config, long seed, String status,
                           Double hpwl, Double macroHpwl, Double overflow, Boolean legal, Double seconds,
                           String macroOutcome, Double queuedSeconds, Double runSeconds, Double placementSeconds) {
    }

    /** A sweep and its table. */
    public record SweepView(UUID id, Instant createdAt, int jobs, int done, int failed, List<SweepRow> rows) {
    }
}
