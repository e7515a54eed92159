/**
 * Decision-transformer macro placer after ChiPFormer (Lai et al., "ChiPFormer: Transferable Chip
 * Placement via Offline Decision Transformer", ICML 2023), on the DJL PyTorch engine.
 *
 * <p>API: {@link org.chipplace.policy.DecisionTransformerPlacer} (macro placer {@code dt}) with
 * {@link org.chipplace.policy.DtOptions}; {@link org.chipplace.policy.DecisionTransformer} (load, save,
 * place, {@link org.chipplace.policy.DtResult}); {@link org.chipplace.policy.PolicyTrainer} with
 * {@link org.chipplace.policy.TrainOptions}, {@link org.chipplace.policy.TrainStats} and
 * {@link org.chipplace.policy.TrainReport}. The bundled model is described in
 * {@code docs/models/decision-transformer.md}.
 */
package org.chipplace.policy;
