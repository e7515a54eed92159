package org.chipplace.api.flow;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.chipplace.gnn.EngineUnavailableException;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.experts.EaOptions;
import org.chipplace.offline.experts.EaPlacer;
import org.chipplace.offline.experts.GreedyPlacer;
import org.chipplace.offline.experts.SlideOptions;
import org.chipplace.offline.experts.SlidingMacroPlacer;
import org.chipplace.placer.MacroPlacer;
import org.chipplace.policy.DecisionTransformer;
import org.chipplace.policy.DecisionTransformerPlacer;
import org.chipplace.policy.DtOptions;

/**
 * The macro placers the command line ({@code place --macro-placer}) and the service (a job's
 * {@code macroPlacer}) offer, by name, with the tuned full-flow settings:
 * {@code none} (macros move in global placement), {@code greedy} and {@code ea} (offline-data's
 * experts) and {@code dt} (the pretrained decision transformer, zero-shot or fine-tuned: the shipped
 * checkpoint, {@value #SHIPPED_DT}, or another one). Placers that hold native resources ({@code dt})
 * are {@link AutoCloseable}: close them after use.
 */
public final class MacroPlacers {
    /** Names accepted by {@link #byName}. */
    public static final List<String> NAMES = List.of("none", "greedy", "ea", "dt");

    /** Name of the shipped decision-transformer checkpoint (its model card is docs/models/decision-transformer.md). */
    public static final String SHIPPED_DT = "decision-transformer";

    /** Default search budget of {@code ea} and of {@code dt} sampling plus fine-tuning, seconds. */
    public static final double DEFAULT_TIME_LIMIT = 60;

    /**
     * Environment of the greedy and EA placers inside the full flow: standard cells count as pins at
     * their mixed-size global-placement positions, on a fine 256 x 256 grid (see docs/benchmarks.md,
     * "Full flow").
     */
    private static final EnvOptions FLOW_ENV = EnvOptions.defaults().withCellPins(true).withGrid(256);

    /**
     * Weight of the EA's density term in the full flow ({@link EaOptions#densityWeight()}): HPWL units
     * per unit of displaced cell row length; chosen on ibm01 from 1, 4, 16, 64, 256 (see
     * docs/benchmarks.md, "Full flow").
     */
    private static final double FLOW_DENSITY_WEIGHT = 16;

    /**
     * Density weights of the candidates of every macro placer: its result refined by slides
     * ({@link SlidingMacroPlacer}) with each weight (chosen for {@code ea}); the pipeline runs the cell stages on each and keeps
     * the least final HPWL (see docs/benchmarks.md, "Full flow").
     */
    private static final List<Double> SLIDE_WEIGHTS = List.of(FLOW_DENSITY_WEIGHT, 0.0, 4.0, FLOW_DENSITY_WEIGHT);

    /** Pulls towards the global placement of the candidates ({@link SlideOptions#pulls()}). */
    private static final List<Double> SLIDE_PULLS = List.of(0.0, 0.0, 0.0, 1000.0);

    /**
     * Share of {@code --time-limit} that the EA search gets; the rest pays for running the cell stages
     * on the extra candidates (about 10 s each on ibm02_ms, before releasing the candidates to the
     * analytic placer became the default, which adds a mixed-size global placement to each), so that
     * the macro stage with candidate selection takes about the time limit.
     */
    private static final double EA_BUDGET_SHARE = 0.7;

    private MacroPlacers() {
    }

    /**
     * Settings of the search-based placers.
     *
     * @param timeLimitSeconds budget of {@code ea}, and of {@code dt} sampling plus fine-tuning (&gt; 0)
     * @param threads          worker threads of {@code ea}, 0 = all cores
     * @param samples          {@code dt}: best of this many rollouts (&gt;= 1)
     * @param fineTuneSteps    {@code dt}: online fine-tuning steps, 0 = zero-shot
     * @param device           {@code dt}: {@code cpu} or {@code gpu}
     * @param checkpoint       {@code dt}: the model as the user named it, null for the shipped one
     *                         ({@value #SHIPPED_DT}): a checkpoint folder for {@link #byName(String, Settings)}
     *                         ({@code place --checkpoint DIR}), or the name of a model the service loaded
     *                         (a job's {@code checkpoint}) with {@link #byName(String, Settings, DecisionTransformer)}
     */
    public record Settings(double timeLimitSeconds, int threads, int samples, int fineTuneSteps, String device,
                           String checkpoint) {
        public Settings {
            if (!(timeLimitSeconds > 0) || Double.isInfinite(timeLimitSeconds)) {
                throw new IllegalArgumentException("time limit must be finite and > 0, got " + timeLimitSeconds);
            }
            if (threads < 0) {
                throw new IllegalArgumentException("threads must be >= 0, got " + threads);
            }
            if (samples < 1) {
                throw new IllegalArgumentException("samples must be >= 1, got " + samples);
            }
            if (fineTuneSteps < 0) {
                throw new IllegalArgumentException("fine-tune steps must be >= 0, got " + fineTuneSteps);
            }
        }

        /** 60 s, all cores, one rollout, no fine-tuning, CPU, the shipped model. */
        public static Settings defaults() {
            return new Settings(DEFAULT_TIME_LIMIT, 0, 1, 0, "cpu", null);
        }

        public Settings withThreads(int t) {
            return new Settings(timeLimitSeconds, t, samples, fineTuneSteps, device, checkpoint);
        }

        public Settings withTimeLimit(double seconds) {
            return new Settings(seconds, threads, samples, fineTuneSteps, device, checkpoint);
        }

        public Settings withSamples(int k) {
            return new Settings(timeLimitSeconds, threads, k, fineTuneSteps, device, checkpoint);
        }

        public Settings withFineTuneSteps(int n) {
            return new Settings(timeLimitSeconds, threads, samples, n, device, checkpoint);
        }

        public Settings withDevice(String d) {
            return new Settings(timeLimitSeconds, threads, samples, fineTuneSteps, d, checkpoint);
        }

        public Settings withCheckpoint(String c) {
            return new Settings(timeLimitSeconds, threads, samples, fineTuneSteps, device, c);
        }

        /** The checkpoint as the report names it: {@link #checkpoint()}, or {@value #SHIPPED_DT}. */
        public String checkpointName() {
            return checkpoint == null ? SHIPPED_DT : checkpoint;
        }
    }

    /** Checks a name without building the placer; IllegalArgumentException when unknown. */
    public static void validate(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown macro placer '" + name + "'; expected one of " + NAMES);
        }
    }

    /**
     * The macro placer called {@code name}, or null for {@code none}; {@code dt} loads its model from
     * the folder {@code s.checkpoint()} (the shipped one when null) and owns it. Unknown names and
     * invalid settings (for example {@code gpu} on a machine without one, a folder that is not a
     * checkpoint) throw IllegalArgumentException or IllegalStateException with a clear message.
     */
    public static MacroPlacer byName(String name, Settings s) {
        return byName(name, s, null);
    }

    /**
     * As {@link #byName(String, Settings)}, but {@code dt} places with {@code shared} when it is not
     * null (a model loaded elsewhere for {@code s.checkpoint()} on {@code s.device()}, which closing
     * the placer leaves open) instead of loading one.
     */
    public static MacroPlacer byName(String name, Settings s, DecisionTransformer shared) {
        validate(name);
        int threads = s.threads() > 0 ? s.threads() : Runtime.getRuntime().availableProcessors();
        return switch (name) {
            case "greedy" -> sliding(new GreedyPlacer(FLOW_ENV));
            case "ea" -> sliding(new EaPlacer(FLOW_ENV, EaOptions.defaults()
                    .withTimeLimit(EA_BUDGET_SHARE * s.timeLimitSeconds()).withWarmStart(true).withLocalRadius(1)
                    .withThreads(threads).withDensityWeight(FLOW_DENSITY_WEIGHT)));
            case "dt" -> sliding(decisionTransformer(s, shared));
            default -> null;
        };
    }

    /** {@code inner} followed by the slide refinements, one candidate per slide weighting. */
    private static MacroPlacer sliding(MacroPlacer inner) {
        return new SlidingMacroPlacer(inner, SlideOptions.defaults().withCandidates(SLIDE_WEIGHTS, SLIDE_PULLS));
    }

    private static MacroPlacer decisionTransformer(Settings s, DecisionTransformer shared) {
        DtOptions o = DtOptions.defaults().withSamples(s.samples()).withFineTuneSteps(s.fineTuneSteps())
                .withTimeLimit(s.timeLimitSeconds()).withDevice(s.device()).withCellPins(true);
        if (shared != null) {
            return new DecisionTransformerPlacer(shared, o);
        }
        try {
            return new DecisionTransformerPlacer(o.withCheckpoint(s.checkpoint() == null ? null : Path.of(s.checkpoint())));
        } catch (EngineUnavailableException e) {
            throw e; // the machine cannot run this build's PyTorch at all: not an option error
        } catch (IllegalStateException e) {
            // a device that is not there (gpu without a GPU) is a user error, not a crash
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Closes a placer that holds resources (no-op for the others and for null). */
    public static void close(MacroPlacer placer) {
        if (placer instanceof SlidingMacroPlacer sliding) {
            close(sliding.inner());
        } else if (placer instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close macro placer " + placer.name(), e);
            }
        }
    }

    /** Completion candidates for picocli. */
    public static final class Names implements Iterator<String>, Iterable<String> {
        private final Iterator<String> it = NAMES.iterator();

        @Override
        public Iterator<String> iterator() {
            return new Names();
        }

        @Override
        public boolean hasNext() {
            return it.hasNext();
        }

        @Override
        public String next() {
            return it.next();
        }
    }
}
