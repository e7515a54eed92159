package org.chipplace.policy;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Options of {@link DecisionTransformerPlacer} and {@link DecisionTransformer#place}.
 *
 * @param samples          rollouts kept best-of (&gt;= 1); the first is greedy (argmax), the others sampled;
 *                         default 1
 * @param fineTuneSteps    online fine-tuning iterations (one sampled rollout plus one gradient step
 *                         each, ChiPFormer's online decision transformer); 0 = zero-shot; default 0
 * @param timeLimitSeconds wall-clock bound of sampling plus fine-tuning (the first rollout always
 *                         runs), finite and &gt; 0; default 300
 * @param device           {@code cpu} or {@code gpu} (needs the {@code cuda} Maven profile and a GPU);
 *                         default {@code cpu}
 * @param temperature      sampling temperature of the extra samples and of fine-tuning rollouts, &gt; 0 (logits are
 *                         about -8 x the min-max normalised wire mask, so 0.05 samples close to greedy;
 *                         0.3 never beat greedy on a validation circuit);
 *                         default 0.05
 * @param sampleFraction   share of the steps of a sampled rollout that sample (the others take the
 *                         argmax), in (0, 1]; below 1 a rollout perturbs a few steps of the greedy
 *                         rollout instead of all of them (exact wire-mask ties are otherwise broken at
 *                         random on every step); default 1 (every step samples; chosen on the validation
 *                         circuits syn30, syn31, syn34, syn35 only: mean fine-tuned / greedy HPWL after 1 minute
 *                         of fine-tuning 0.900 at 0.03, 0.868 at 0.1, 0.861 at 0.3, 0.856 at 1, see
 *                         docs/benchmarks.md; the previous default 0.03 had been chosen on ibm01, a test circuit)
 * @param checkpoint       checkpoint folder, or null for the bundled default model
 * @param fixedPins        objective of the placement environment: true (default) counts the pins of
 *                         fixed nodes (pads, fixed macros) in the macro HPWL, as the bundled model was
 *                         trained; false minimises the macro-to-macro HPWL only (the protocol of
 *                         ChiPFormer's and MaskPlace's ibm figures, whose node lists hold no pads). The
 *                         return normaliser (greedy at the model's grid) uses the same objective, and
 *                         fixed nodes block cells either way. See {@code EnvOptions#fixedPins}
 * @param cellPins         true counts the pins of standard cells at their positions in the placement
 *                         handed to the placer (in the full flow: the mixed-size global placement) in
 *                         the objective, so that macros go near the cells they connect to, as the
 *                         flow's greedy and EA do; the bundled model was trained without them; default
 *                         false (the macro-placement benchmarks); see {@code EnvOptions#cellPins}
 */
public record DtOptions(int samples, int fineTuneSteps, double timeLimitSeconds, String device, double temperature,
                        double sampleFraction, Path checkpoint, boolean fixedPins, boolean cellPins) {
    public DtOptions {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1: " + samples);
        }
        if (fineTuneSteps < 0) {
            throw new IllegalArgumentException("fineTuneSteps must be >= 0: " + fineTuneSteps);
        }
        if (!(timeLimitSeconds > 0) || Double.isInfinite(timeLimitSeconds)) {
            throw new IllegalArgumentException("timeLimitSeconds must be finite and > 0: " + timeLimitSeconds);
        }
        if (device == null) {
            throw new IllegalArgumentException("device must be cpu or gpu, got null");
        }
        device = device.toLowerCase(Locale.ROOT);
        if (!device.equals("cpu") && !device.equals("gpu")) {
            throw new IllegalArgumentException("device must be cpu or gpu, got " + device);
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0: " + temperature);
        }
        if (!(sampleFraction > 0 && sampleFraction <= 1)) {
            throw new IllegalArgumentException("sampleFraction must be in (0, 1]: " + sampleFraction);
        }
    }

    /**
     * One greedy rollout, no fine-tuning, 300 s, CPU, temperature 0.05, sample fraction 1, bundled
     * model, pads in the objective, standard cells not.
     */
    public static DtOptions defaults() {
        return new DtOptions(1, 0, 300, "cpu", 0.05, 1.0, null, true, false);
    }

    public DtOptions withSamples(int k) {
        return new DtOptions(k, fineTuneSteps, timeLimitSeconds, device, temperature, sampleFraction, checkpoint, fixedPins, cellPins);
    }

    public DtOptions withFineTuneSteps(int n) {
        return new DtOptions(samples, n, timeLimitSeconds, device, temperature, sampleFraction, checkpoint, fixedPins, cellPins);
    }

    public DtOptions withTimeLimit(double seconds) {
        return new DtOptions(samples, fineTuneSteps, seconds, device, temperature, sampleFraction, checkpoint, fixedPins, cellPins);
    }

    public DtOptions withDevice(String d) {
        return new DtOptions(samples, fineTuneSteps, timeLimitSeconds, d, temperature, sampleFraction, checkpoint, fixedPins, cellPins);
    }

    public DtOptions withTemperature(double t) {
        return new DtOptions(samples, fineTuneSteps, timeLimitSeconds, device, t, sampleFraction, checkpoint, fixedPins, cellPins);
    }

    public DtOptions withSampleFraction(double f) {
        return new DtOptions(samples, fineTuneSteps, timeLimitSeconds, device, temperature, f, checkpoint, fixedPins, cellPins);
    }

    public DtOptions withCheckpoint(Path dir) {
        return new DtOptions(samples, fineTuneSteps, timeLimitSeconds, device, temperature, sampleFraction, dir, fixedPins, cellPins);
    }

    public DtOptions withFixedPins(boolean f) {
        return new DtOptions(samples, fineTuneSteps, timeLimitSeconds, device, temperature, sampleFraction, checkpoint, f, cellPins);
    }

    public DtOptions withCellPins(boolean c) {
        return new DtOptions(samples, fineTuneSteps, timeLimitSeconds, device, temperature, sampleFraction, checkpoint,
                fixedPins, c);
    }
}
