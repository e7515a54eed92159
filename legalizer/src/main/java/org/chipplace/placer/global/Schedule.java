package org.chipplace.placer.global;

/**
 * The schedules and stopping rules of {@link Nesterov}'s global placement: WA smoothing, density weight,
 * and when to stop.
 *
 * <p>Smoothing (RePlAce): {@code gamma = gammaScale * binSize * 10^(20/9 tau - 11/9)} with the overflow
 * {@code tau} clamped to [0.1, 1]. Density weight (RePlAce): starts at {@link #LAMBDA_FACTOR} times the
 * ratio of the L1 norms of the wirelength and density gradients and is multiplied every iteration by
 * {@link #mu}, with the reference HPWL change a fraction of the current HPWL ({@link #REF_HPWL_FRACTION},
 * {@link #REF_HPWL_FRACTION_MIXED} when macros move; RePlAce uses a fixed reference HPWL, which does not
 * carry over between designs of different sizes).
 *
 * <p>Stopping: the target overflow; divergence or a stalled overflow (the least-overflow iterate is
 * returned); and two guards that compare with a checkpoint every window and return that checkpoint when
 * the last window bought too little overflow for the wirelength it cost: the wirelength guard
 * ({@link #guardActive}, {@link #wirelengthGuardStops}) and, with movable macros at low overflow, the tail
 * guard ({@link #tailActive}, {@link #tailGuardStops}).
 */
final class Schedule {
    /** Initial density weight: this times |grad W|_1 / |grad N|_1 (RePlAce). */
    static final double LAMBDA_FACTOR = 8e-5;
    /**
     * A refinement (no quadratic start) begins from objects that are already spread, so its automatic
     * density weight is this many times the collapsed-start one. With the default, the cells re-spread
     * around freshly legalized macros without first collapsing (ibm01: the overflow rose from 0.23 to
     * 0.78 and the run took 330-820 iterations before; 3-seed mean final HPWL 2.204e6 at 1x, 2.185e6 at
     * 300x, with the filler warm-up, 2026-11-30).
     */
    static final double REFINEMENT_LAMBDA_SCALE = 300;
    static final double MU_MAX = 1.05, MU_MIN = 0.95;
    /** Reference HPWL change per iteration, as a fraction of the current HPWL (standard cells only). */
    static final double REF_HPWL_FRACTION = 0.02;
    /** The same with movable macros: slower density-weight growth avoids macro pile-ups (ibm01). */
    static final double REF_HPWL_FRACTION_MIXED = 0.005;
    /** Backtracking steps of one Nesterov iteration at most. */
    static final int MAX_BACKTRACK = 10;
    /** Divergence: HPWL above this factor of the best iterate's while overflow is worse by this much. */
    static final double DIVERGENCE_HPWL = 2.0, DIVERGENCE_OVERFLOW = 0.02;
    /** Divergence is only checked once the best overflow is below this (early HPWL is tiny and grows fast). */
    static final double DIVERGENCE_CHECK_BELOW = 0.4;
    /** Stop when the overflow has not improved for this many iterations (cells only). */
    static final int STALL_ITERATIONS = 300;
    /**
     * The same with movable macros, whose overflow levels off where macros rest on each other (ICCAD04
     * ibm02: no better overflow after iteration 450 of 752; the longest gap between improvements in a
     * run that went on improving was 131 iterations, ibm01). Only once the overflow has come below
     * {@link #GUARD_MIXED_BELOW}: before that, large macros stacked by the initial placement may take
     * several hundred iterations to start separating (ariane133: overflow 0.94-0.97 for the first 300).
     */
    static final int STALL_ITERATIONS_MIXED = 150;

    /** Whether {@code sinceBest} iterations without a better overflow (best so far {@code best}) end the run. */
    static boolean stalled(boolean macrosMove, int sinceBest, double best) {
        if (macrosMove) {
            // above GUARD_MIXED_BELOW the macros have not started to separate: their overflow first
            // rises while the density weight grows (ariane133 at target density 0.69: 0.92 -> 0.97 and
            // not back below 0.92 within 300 iterations, which returned the collapsed start); only the
            // iteration limit ends such a run
            return best < GUARD_MIXED_BELOW && sinceBest > STALL_ITERATIONS_MIXED;
        }
        return sinceBest > STALL_ITERATIONS;
    }
    /** The wirelength guard checks every this many iterations while {@link #guardActive} holds. */
    static final int GUARD_WINDOW = 20;
    static final double GUARD_BELOW = 0.15, GUARD_MIXED_FROM = 0.1, GUARD_MIXED_BELOW = 0.5;
    /**
     * Wirelength guard: stop when, over one guard window, HPWL rose by more than this fraction while the
     * overflow fell by less than {@link #GUARD_MIN_DROP}, and return the iterate at the window's start.
     */
    static final double GUARD_HPWL_RISE = 0.03, GUARD_MIN_DROP = 0.01;
    /**
     * Tail guard (movable macros, overflow below {@link #GUARD_MIXED_FROM}): its window in iterations (0
     * turns it off), the least relative HPWL rise over a window that can stop the run, and the ratio of
     * relative overflow drop to relative HPWL rise below which the window did not pay.
     */
    static final int TAIL_WINDOW = 20;
    static final double TAIL_MIN_RISE = 0.02, TAIL_RATIO = 1.0;
    /** Nesterov steps of the filler-only placement that starts a refinement (ePlace-MS's cGP). */
    static final int FILLER_ITERATIONS = 100;

    private Schedule() {
    }

    /** RePlAce's WA smoothing for overflow {@code tau}. */
    static double gamma(double gammaScale, double binSize, double tau) {
        double t = Math.max(0.1, Math.min(1.0, tau));
        return gammaScale * binSize * Math.pow(10, 20.0 / 9.0 * t - 11.0 / 9.0);
    }

    /** RePlAce's density-weight multiplier for an HPWL change {@code dHpwl} and reference {@code ref}. */
    static double mu(double dHpwl, double ref) {
        if (dHpwl < 0) {
            return MU_MAX;
        }
        return Math.max(MU_MIN, Math.pow(MU_MAX, 1 - dHpwl / ref));
    }

    /**
     * Whether the wirelength guard watches this iterate: below {@link #GUARD_BELOW} when only cells move;
     * with movable macros, between {@link #GUARD_MIXED_FROM} and {@link #GUARD_MIXED_BELOW}, where macros
     * that still overlap this much and stop separating only fling the cells further (ibm02_ms seed 2: the
     * overflow stayed near 0.3 while HPWL went from 3.0e6 to 2.0e7).
     */
    static boolean guardActive(boolean macrosMove, double overflow) {
        return macrosMove ? overflow >= GUARD_MIXED_FROM && overflow < GUARD_MIXED_BELOW : overflow < GUARD_BELOW;
    }

    /**
     * The wirelength guard's rule: stop when, since the last guard checkpoint (HPWL {@code h0}, overflow
     * {@code of0}), HPWL rose by more than {@link #GUARD_HPWL_RISE} while the overflow fell by less than
     * {@link #GUARD_MIN_DROP}.
     */
    static boolean wirelengthGuardStops(double h0, double of0, double h, double of) {
        return h > (1 + GUARD_HPWL_RISE) * h0 && of0 - of < GUARD_MIN_DROP;
    }

    /**
     * Consecutive failed windows of the mixed-size wirelength guard (movable macros, overflow in
     * [{@link #GUARD_MIXED_FROM}, {@link #GUARD_MIXED_BELOW})) that stop the run, each measured from the
     * checkpoint before the first failure. Separating macros make the overflow bump up for a window now
     * and then while it keeps falling around it (ICCAD04 ibm06: 0.370 at iteration 480, 0.393 at 499,
     * falling 0.06 per 40 iterations before); a stop there leaves the macros stacked. Going on is not
     * always better (ibm06 6.10e6 -> 5.71e6 final, but ibm14 32.3e6 -> 36.6e6), so the run goes on and
     * the iterate of the first failure is kept too ({@code GlobalPlacementResult#early()}): the flow
     * finishes both and keeps the shorter.
     */
    static final int GUARD_MIXED_PATIENCE = 4;

    /** Failed guard windows in a row that stop the run: {@link #GUARD_MIXED_PATIENCE} for the mixed wirelength guard, else 1. */
    static int guardPatience(boolean macrosMove, double overflow) {
        return macrosMove && guardActive(macrosMove, overflow) && !tailActive(macrosMove, overflow)
                ? GUARD_MIXED_PATIENCE : 1;
    }

    /** The window of the guard that watches an iterate at this overflow, or 0 when none does. */
    static int guardWindow(boolean macrosMove, double overflow) {
        if (tailActive(macrosMove, overflow)) {
            return TAIL_WINDOW;
        }
        return guardActive(macrosMove, overflow) ? GUARD_WINDOW : 0;
    }

    /**
     * Whether the guard watching overflow {@code of} stops the run, comparing with its checkpoint (HPWL
     * {@code h0}, overflow {@code of0}): the tail guard's rule below {@link #GUARD_MIXED_FROM} with movable
     * macros, the wirelength guard's otherwise.
     */
    static boolean guardStops(boolean macrosMove, double h0, double of0, double h, double of) {
        return tailActive(macrosMove, of) ? tailGuardStops(h0, of0, h, of) : wirelengthGuardStops(h0, of0, h, of);
    }

    /** Whether the tail guard watches this iterate: movable macros and overflow below {@link #GUARD_MIXED_FROM}. */
    static boolean tailActive(boolean macrosMove, double overflow) {
        return TAIL_WINDOW > 0 && macrosMove && overflow < GUARD_MIXED_FROM;
    }

    /**
     * The tail guard's rule: stop when, since the last checkpoint, HPWL rose by more than
     * {@link #TAIL_MIN_RISE} (relative) and the overflow fell by less than {@link #TAIL_RATIO} times that
     * rise (relative to the checkpoint's overflow): more wirelength spent than overflow bought.
     */
    static boolean tailGuardStops(double h0, double of0, double h, double of) {
        double rise = (h - h0) / h0;
        double drop = of0 > 0 ? (of0 - of) / of0 : 0;
        return rise > TAIL_MIN_RISE && drop < TAIL_RATIO * rise;
    }
}
