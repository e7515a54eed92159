package org.chipplace.gnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * VGAE objective (Kipf and Welling 2016): binary cross-entropy of edge logits plus
 * {@code klWeight / N} times the mean over nodes of {@code KL(q(z|X,A) || N(0, I))}.
 *
 * <p>Labels: {@code (E)} edge labels in {0, 1}. Predictions: {@code (E)} logits, {@code mu (N, L)},
 * {@code logvar (N, L)}.
 */
final class VgaeLoss extends Loss {
    private final double klWeight;

    VgaeLoss(double klWeight) {
        super("VgaeLoss");
        this.klWeight = klWeight;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray y = labels.get(0);
        NDArray x = predictions.get(0);
        // stable BCE with logits: max(x, 0) - x y + log(1 + exp(-|x|))
        NDArray bce = x.maximum(0f).sub(x.mul(y)).add(x.abs().neg().exp().add(1f).log()).mean();
        NDArray mu = predictions.get(1);
        NDArray lv = predictions.get(2);
        long n = mu.getShape().get(0);
        // KL per node: -0.5 * sum_d (1 + logvar - mu^2 - exp(logvar)), then mean over nodes
        NDArray kl = lv.add(1f).sub(mu.square()).sub(lv.exp()).sum(new int[] {1}).mean().mul(-0.5f);
        return bce.add(kl.mul((float) (klWeight / Math.max(1, n))));
    }
}
