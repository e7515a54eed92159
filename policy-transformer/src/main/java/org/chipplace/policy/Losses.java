package org.chipplace.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Policy losses over masked logits {@code (B, L, G*G)}. */
final class Losses {
    private Losses() {
    }

    /**
     * Weighted mean cross-entropy of the targets minus {@code entropyWeight} times the weighted
     * mean entropy of the policy (ChiPFormer's online fine-tuning regulariser; 0 offline).
     *
     * @param targets {@code (B, L)} int32 cells
     * @param weights {@code (B, L)} 0/1 (padding and steps whose target is illegal get 0)
     * @return scalar loss
     */
    static NDArray policyLoss(NDArray logits, NDArray targets, NDArray weights, float entropyWeight) {
        long cells = logits.getShape().get(2);
        NDArray logp = logits.logSoftmax(2); // (B, L, GG)
        NDArray picked = logp.mul(targets.oneHot((int) cells).toType(DataType.FLOAT32, false)).sum(new int[] {2}); // (B, L)
        NDArray n = weights.sum().maximum(1f);
        NDArray ce = picked.mul(weights).sum().neg().div(n);
        if (entropyWeight == 0f) {
            return ce;
        }
        NDArray ent = logp.exp().mul(logp).sum(new int[] {2}).neg(); // (B, L)
        return ce.sub(ent.mul(weights).sum().div(n).mul(entropyWeight));
    }
}
