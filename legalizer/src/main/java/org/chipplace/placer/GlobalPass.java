package org.chipplace.placer;

/**
 * One global-placement pass of a {@link Placer#place} run, for convergence plots: the mixed-size pass
 * (cells and macros move) and, after macro legalization, the cells-only pass; with a macro placer,
 * the cells-only pass of the candidate kept.
 *
 * @param stage          the stage it ran in ({@code global}, {@code global-mixed}, {@code global-cells})
 * @param macrosMove     whether macros moved in it (the mixed-size pass)
 * @param hpwlTrace      HPWL after each iteration
 * @param overflowTrace  density overflow after each iteration
 * @param keptIteration  0-based iteration whose placement the pass returned (-1 when none ran)
 * @param targetOverflow the overflow it stops at
 * @param stop           why it stopped at its last iteration: {@code target} (overflow reached the
 *                       target), {@code limit} (iteration limit), {@code guard} (a guard, the stall or
 *                       the divergence rule stopped it; the kept iterate may be an earlier one), or
 *                       {@code none} when no iteration ran
 */
public record GlobalPass(String stage, boolean macrosMove, double[] hpwlTrace, double[] overflowTrace,
                         int keptIteration, double targetOverflow, String stop) {

    /** Why a pass with these traces stopped (see {@link #stop}). */
    static String stopReason(double[] overflowTrace, double targetOverflow, int maxIterations) {
        int n = overflowTrace.length;
        if (n == 0) {
            return "none";
        }
        if (overflowTrace[n - 1] <= targetOverflow) {
            return "target";
        }
        return n >= maxIterations ? "limit" : "guard";
    }
}
