package org.chipplace.policy;

/**
 * One macro-placement episode as the policy sees it, kept in memory for windows.
 *
 * @param states  {@code states[t]} = {@link org.chipplace.offline.env.MacroEnv#observe(float[])} before step t
 * @param actions cells {@code ix*G+iy}
 * @param rewards minus the macro-HPWL increase of each step (design units)
 * @param hpwl    final macro HPWL (minus the sum of the rewards)
 */
record Episode(float[][] states, int[] actions, double[] rewards, double hpwl) {
    int length() {
        return actions.length;
    }

    /** Normalised returns-to-go: {@code rtg[t] = sum(rewards[t..]) / scale}. */
    float[] returnsToGo(double scale) {
        float[] r = new float[actions.length];
        double tail = 0;
        for (int t = actions.length - 1; t >= 0; t--) {
            tail += rewards[t];
            r[t] = (float) (tail / scale);
        }
        return r;
    }
}
