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
 * @param flowHpwl   label: the design's HPWL (design units) after the whole flow's cell stages with the
 *                   macros fixed where this episode put them (macro legalization, cell global placement,
 *                   legalization, detailed placement; see
 *                   {@link org.chipplace.offline.datasets.FlowLabeller}); {@code NaN} when not labelled
 */
public record Trajectory(String designName, String designHash, int grid, int[] order, int[] actions,
                         double[] rewards, double ret, String expert, double flowHpwl) {
    public Trajectory {
        if (order.length != actions.length || actions.length != rewards.length) {
            throw new IllegalArgumentException("order, actions and rewards differ in length");
        }
        if (flowHpwl < 0 || Double.isInfinite(flowHpwl)) {
            throw new IllegalArgumentException("flow HPWL must be finite and >= 0 or NaN, got " + flowHpwl);
        }
    }

    /** An episode without a flow label ({@link #flowHpwl()} NaN). */
    public Trajectory(String designName, String designHash, int grid, int[] order, int[] actions,
                      double[] rewards, double ret, String expert) {
        this(designName, designHash, grid, order, actions, rewards, ret, expert, Double.NaN);
    }

    /** Final macro HPWL (minus the return). */
    public double finalHpwl() {
        return -ret;
    }

    /** Whether {@link #flowHpwl()} is set. */
    public boolean labelled() {
        return !Double.isNaN(flowHpwl);
    }

    /** The same episode with flow label {@code hpwl}. */
    public Trajectory withFlowHpwl(double hpwl) {
        return new Trajectory(designName, designHash, grid, order, actions, rewards, ret, expert, hpwl);
    }
}
