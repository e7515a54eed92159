package org.chipplace.offline.env;

/**
 * One recorded macro-placement episode.
 *
 * @param designName name of the design
 * @param designHash hex SHA-256 of the design ({@link DesignHash#of})
 * @param grid       grid size G
 * @param order      macro order (macro indices: the i-th movable macro in netlist order)
 * @param actions    cell {@code ix*G+iy} chosen at each step
 * @param rewards    reward of each step (minus the macro-HPWL increase, design units)
 * @param ret        episode return (sum of the rewards = minus the final macro HPWL)
 * @param expert     name of the policy that produced it ({@code greedy}, {@code ea}, ...)
 */
public record Trajectory(String designName, String designHash, int grid, int[] order, int[] actions,
                         double[] rewards, double ret, String expert) {
    public Trajectory {
        if (order.length != actions.length || actions.length != rewards.length) {
            throw new IllegalArgumentException("order, actions and rewards differ in length");
        }
    }

    /** Final macro HPWL (minus the return). */
    public double finalHpwl() {
        return -ret;
    }
}
