package org.chipplace.offline.experts;

/**
 * Options of {@link StochasticGreedyPlacer}.
 *
 * @param temperature softmax temperature over the wire mask min-max normalised on the legal cells
 *                    (0 = greedy; 0.05 near-greedy; 1 nearly uniform over low-cost cells); default 0.05;
 *                    must be finite and &gt;= 0
 * @param epsilon     probability of a uniform legal cell instead, in [0, 1]; default 0
 */
public record StochasticGreedyOptions(double temperature, double epsilon) {
    public StochasticGreedyOptions {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and >= 0: " + temperature);
        }
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1]: " + epsilon);
        }
    }

    public static StochasticGreedyOptions defaults() {
        return new StochasticGreedyOptions(0.05, 0);
    }
}
