package org.chipplace.offline.experts;

import java.util.List;

/**
 * Options of {@link SlidingMacroPlacer}'s slide refinement.
 *
 * @param maxPasses      passes over all macros at most (&gt;= 0; 0 = no refinement); default 20
 * @param densityWeights weights (each finite and &gt;= 0, at least one) of the standard-cell area under a
 *                       macro, in HPWL units per unit of displaced cell row length (area / row height), as
 *                       {@link EaOptions#densityWeight()}; {@link SlidingMacroPlacer#placeMacros} uses the
 *                       first, {@link SlidingMacroPlacer#candidates} refines the inner placer's result once
 *                       per weight; default {@code [16]} (the flow's EA weight)
 * @param pulls          per density weight, the weight (finite, &gt;= 0) of a macro's Manhattan distance
 *                       from its target in the slide cost (HPWL units per unit length; 0 = none, 1000 =
 *                       in effect plain compaction towards the targets); same length as
 *                       {@code densityWeights}; default {@code [0]}
 * @param grid           cells per side of the grid over the core on which the cells' area is binned
 *                       (&gt;= 1); default 256 (the flow's EA grid)
 */
public record SlideOptions(int maxPasses, List<Double> densityWeights, List<Double> pulls, int grid) {
    public SlideOptions {
        if (maxPasses < 0) {
            throw new IllegalArgumentException("maxPasses must be >= 0: " + maxPasses);
        }
        densityWeights = List.copyOf(densityWeights);
        if (densityWeights.isEmpty()) {
            throw new IllegalArgumentException("densityWeights must not be empty");
        }
        for (double w : densityWeights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("density weights must be finite and >= 0: " + densityWeights);
            }
        }
        pulls = List.copyOf(pulls);
        if (pulls.size() != densityWeights.size()) {
            throw new IllegalArgumentException("pulls " + pulls + " and density weights " + densityWeights
                    + " differ in length");
        }
        for (double w : pulls) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("pulls must be finite and >= 0: " + pulls);
            }
        }
        if (grid < 1) {
            throw new IllegalArgumentException("grid must be >= 1: " + grid);
        }
    }

    public static SlideOptions defaults() {
        return new SlideOptions(20, List.of(16.0), List.of(0.0), 256);
    }

    public SlideOptions withMaxPasses(int n) {
        return new SlideOptions(n, densityWeights, pulls, grid);
    }

    /** A copy with these density weights and pulls (the first pair for {@link SlidingMacroPlacer#placeMacros}). */
    public SlideOptions withCandidates(List<Double> densityWeights, List<Double> pulls) {
        return new SlideOptions(maxPasses, densityWeights, pulls, grid);
    }
}
