package org.chipplace.policy;

/**
 * Outcome of {@link DecisionTransformer#place}. HPWLs are the environment's macro HPWL (design units)
 * at the model's grid.
 *
 * @param hpwl             macro HPWL of the placement written (the best rollout seen)
 * @param zeroShotHpwl     macro HPWL of the first (greedy, zero-shot) rollout
 * @param scale            return normaliser: macro HPWL of the greedy wire-mask placer at the same grid
 * @param rolloutHpwl      macro HPWL of every rollout, in order (zero-shot first, then samples, then fine-tuning)
 * @param fineTuneSteps    fine-tuning iterations done
 * @param zeroShotSeconds  wall time up to the end of the first rollout (encoder and normaliser included)
 * @param totalSeconds     wall time of the whole call
 */
public record DtResult(double hpwl, double zeroShotHpwl, double scale, double[] rolloutHpwl, int fineTuneSteps,
                       double zeroShotSeconds, double totalSeconds) {
}
