package org.chipplace.offline;

/**
 * Options of {@link SlidingMacroPlacer}'s slide refinement.
 *
 * @param maxPasses     passes over all macros at most (&gt;= 0; 0 = no refinement); default 20
 * @param densityWeight weight (&gt;= 0) of the standard-cell area under a macro, in HPWL units per unit
 *                      of displaced cell row length (area / row height), as {@link EaOptions#densityWeight()};
 *                      default 16 (the flow's EA weight)
 * @param grid          cells per side of the grid over the core on which the cells' area is binned
 *                      (&gt;= 1); default 256 (the flow's EA grid)
 */
public record SlideOptions(int maxPasses, double densityWeight, int grid) {
    public SlideOptions {
        if (maxPasses < 0) {
            throw new IllegalArgumentException("maxPasses must be >= 0: " + maxPasses);
        }
        if (!(densityWeight >= 0) || Double.isInfinite(densityWeight)) {
            throw new IllegalArgumentException("densityWeight must be finite and >= 0: " + densityWeight);
        }
        if (grid < 1) {
            throw new IllegalArgumentException("grid must be >= 1: " + grid);
        }
    }

    public static SlideOptions defaults() {
        return new SlideOptions(20, 16, 256);
    }

    public SlideOptions withMaxPasses(int n) {
        return new SlideOptions(n, densityWeight, grid);
    }

    public SlideOptions withDensityWeight(double w) {
        return new SlideOptions(maxPasses, w, grid);
    }
}
