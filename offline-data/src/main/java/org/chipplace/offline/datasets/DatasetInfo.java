package org.chipplace.offline.datasets;

import java.util.List;
import java.util.Map;

/**
 * Summary of a trajectory dataset ({@link Datasets#info}).
 *
 * @param version      format version of the file
 * @param trajectories number of trajectories
 * @param designs      per design, in order of first appearance
 */
public record DatasetInfo(int version, int trajectories, List<DesignStats> designs) {

    /**
     * Statistics of the trajectories of one design. Returns are minus the final macro HPWL.
     *
     * @param name         design name
     * @param hash         design hash
     * @param grid         grid size of its trajectories (the first one's when they differ)
     * @param steps        steps per trajectory (macros)
     * @param trajectories number of trajectories
     * @param bestReturn   largest return
     * @param meanReturn   mean return
     * @param worstReturn  smallest return
     * @param stdReturn    population standard deviation of the returns
     * @param experts      trajectory count per expert name
     * @param labelled     trajectories with a flow label ({@link org.chipplace.offline.env.Trajectory#flowHpwl()})
     * @param bestFlowHpwl least flow label (design units), null when none is labelled
     * @param meanFlowHpwl mean flow label, null when none is labelled
     * @param bestFlowExpert expert of the least flow label, null when none is labelled
     */
    public record DesignStats(String name, String hash, int grid, int steps, int trajectories, double bestReturn,
                              double meanReturn, double worstReturn, double stdReturn,
                              Map<String, Integer> experts, int labelled, Double bestFlowHpwl,
                              Double meanFlowHpwl, String bestFlowExpert) {
    }
}
