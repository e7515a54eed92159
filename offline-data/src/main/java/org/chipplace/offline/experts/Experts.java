package org.chipplace.offline.experts;

import java.util.SplittableRandom;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.offline.env.Trajectory;

/** Cell-choosing policies shared by the expert placers; scratch buffers are per thread. */
final class Experts {
    private Experts() {
    }

    /** Per-environment scratch buffers ({@code g*g}). */
    static final class Scratch {
        final double[] wm;
        final boolean[] pm;
        final int[] ov;

        Scratch(int g) {
            wm = new double[g * g];
            pm = new boolean[g * g];
            ov = new int[g * g];
        }
    }

    /** Chooses the next cell. */
    interface Policy {
        int choose(MacroEnv env, Scratch s, SplittableRandom rnd);
    }

    /** Squared distance (times 4) between the macro centre at (ix, iy) and the canvas centre. */
    static long centreDistance(int g, int ix, int iy, int w, int h) {
        long dx = 2L * ix + w - g;
        long dy = 2L * iy + h - g;
        return dx * dx + dy * dy;
    }

    /**
     * Greedy choice: the legal cell of least HPWL increase; ties towards {@code pref} (a cell) or,
     * when {@code pref < 0}, by {@code tie}; then lower index. Without a legal cell: the in-canvas
     * cell with the fewest occupied cells under the macro, ties by HPWL increase, then the same.
     */
    static int greedy(MacroEnv env, Scratch s, int pref, TieBreak tie) {
        int g = env.grid();
        int k = env.nextMacro();
        int w = env.gridWidth(k);
        int h = env.gridHeight(k);
        env.wireMask(s.wm);
        int legal = env.positionMask(s.pm);
        if (legal == 0) {
            return leastOverlap(env, s, pref);
        }
        // target of the tie distance, in half grid units (compared with 2*ix + w)
        double tx, ty;
        if (pref >= 0) {
            tx = 2.0 * (pref / g) + w;
            ty = 2.0 * (pref % g) + h;
        } else if (tie == TieBreak.NET_CENTRE) {
            double[] c = env.netCentre();
            tx = 2 * c[0];
            ty = 2 * c[1];
        } else {
            tx = g;
            ty = g;
        }
        boolean useDistance = pref >= 0 || tie != TieBreak.LOWER_LEFT;
        int best = -1;
        double bestV = Double.POSITIVE_INFINITY;
        double bestD = Double.POSITIVE_INFINITY;
        for (int ix = 0; ix < g; ix++) {
            double dx = 2.0 * ix + w - tx;
            for (int iy = 0; iy < g; iy++) {
                int c = ix * g + iy;
                if (!s.pm[c]) {
                    continue;
                }
                double v = s.wm[c];
                if (v > bestV) {
                    continue;
                }
                double dy = 2.0 * iy + h - ty;
                double d = useDistance ? dx * dx + dy * dy : 0;
                if (v < bestV || d < bestD) {
                    best = c;
                    bestV = v;
                    bestD = d;
                }
            }
        }
        return best;
    }

    /**
     * Nearest-legal choice: the legal cell nearest to {@code pref} (squared grid distance of the
     * lower-left corners), ties by least HPWL increase, then lower index; {@link #leastOverlap} when
     * no cell is legal.
     */
    static int nearest(MacroEnv env, Scratch s, int pref) {
        if (env.fitsNext(pref)) {
            return pref; // distance 0: the unique nearest legal cell
        }
        int g = env.grid();
        env.wireMask(s.wm);
        int legal = env.positionMask(s.pm);
        if (legal == 0) {
            return leastOverlap(env, s, pref);
        }
        int px = pref / g;
        int py = pref % g;
        int best = -1;
        long bestD = Long.MAX_VALUE;
        double bestV = Double.POSITIVE_INFINITY;
        for (int ix = 0; ix < g; ix++) {
            long dx = ix - px;
            for (int iy = 0; iy < g; iy++) {
                int c = ix * g + iy;
                if (!s.pm[c]) {
                    continue;
                }
                long dy = iy - py;
                long d = dx * dx + dy * dy;
                if (d < bestD || (d == bestD && s.wm[c] < bestV)) {
                    best = c;
                    bestD = d;
                    bestV = s.wm[c];
                }
            }
        }
        return best;
    }

    /** Fallback when no cell is legal (see {@link #greedy}); wire mask must be in {@code s.wm}. */
    static int leastOverlap(MacroEnv env, Scratch s, int pref) {
        int g = env.grid();
        int k = env.nextMacro();
        env.overlapCounts(s.ov);
        int best = 0;
        int bestO = Integer.MAX_VALUE;
        double bestV = Double.POSITIVE_INFINITY;
        long bestD = Long.MAX_VALUE;
        for (int ix = 0; ix < g; ix++) {
            for (int iy = 0; iy < g; iy++) {
                int c = ix * g + iy;
                int o = s.ov[c];
                if (o < 0) {
                    continue;
                }
                long d = pref < 0 ? centreDistance(g, ix, iy, env.gridWidth(k), env.gridHeight(k))
                        : (long) (ix - pref / g) * (ix - pref / g) + (long) (iy - pref % g) * (iy - pref % g);
                double v = s.wm[c];
                if (o < bestO || (o == bestO && (v < bestV || (v == bestV && d < bestD)))) {
                    best = c;
                    bestO = o;
                    bestV = v;
                    bestD = d;
                }
            }
        }
        return best;
    }

    /** Uniform choice among the legal cells (least overlap when none). */
    static int random(MacroEnv env, Scratch s, SplittableRandom rnd) {
        int legal = env.positionMask(s.pm);
        if (legal == 0) {
            env.wireMask(s.wm);
            return leastOverlap(env, s, -1);
        }
        int pick = rnd.nextInt(legal);
        for (int c = 0; c < s.pm.length; c++) {
            if (s.pm[c] && pick-- == 0) {
                return c;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * Stochastic greedy: with probability {@code epsilon} a uniform legal cell; otherwise a softmax
     * over legal cells with logits {@code -z / temperature}, z the wire mask min-max normalised over
     * the legal cells. Temperature 0 means greedy.
     */
    static int softmax(MacroEnv env, Scratch s, SplittableRandom rnd, double temperature, double epsilon) {
        if (epsilon > 0 && rnd.nextDouble() < epsilon) {
            return random(env, s, rnd);
        }
        if (temperature <= 0) {
            return greedy(env, s, -1, TieBreak.LOWER_LEFT);
        }
        env.wireMask(s.wm);
        int legal = env.positionMask(s.pm);
        if (legal == 0) {
            return leastOverlap(env, s, -1);
        }
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < s.pm.length; c++) {
            if (s.pm[c]) {
                lo = Math.min(lo, s.wm[c]);
                hi = Math.max(hi, s.wm[c]);
            }
        }
        double scale = hi > lo ? 1.0 / ((hi - lo) * temperature) : 0;
        double sum = 0;
        for (int c = 0; c < s.pm.length; c++) {
            if (s.pm[c]) {
                sum += Math.exp(-(s.wm[c] - lo) * scale);
            }
        }
        double u = rnd.nextDouble() * sum;
        int last = -1;
        for (int c = 0; c < s.pm.length; c++) {
            if (s.pm[c]) {
                last = c;
                u -= Math.exp(-(s.wm[c] - lo) * scale);
                if (u <= 0) {
                    return c;
                }
            }
        }
        return last;
    }

    /** Runs a full episode from a reset environment and records it. */
    static Trajectory rollout(MacroEnv env, Policy policy, SplittableRandom rnd, String expert) {
        env.reset();
        return continueRollout(env, policy, rnd, expert);
    }

    /** Runs the rest of an already reset (possibly custom-ordered) episode and records it. */
    static Trajectory continueRollout(MacroEnv env, Policy policy, SplittableRandom rnd, String expert) {
        Scratch s = new Scratch(env.grid());
        int n = env.numSteps();
        int[] actions = new int[n];
        double[] rewards = new double[n];
        double ret = 0;
        while (!env.done()) {
            int t = env.stepIndex();
            actions[t] = policy.choose(env, s, rnd);
            rewards[t] = env.step(actions[t]);
            ret += rewards[t];
        }
        return new Trajectory(env.netlist().name(), env.designHash(), env.grid(),
                env.order(), actions, rewards, ret, expert);
    }
}
