package org.chipplace.offline.experts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.chipplace.netlist.Benchmarks;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.env.MacroEnv;

/**
 * Benchmark main (not a test): how much the greedy wire-mask placer's macro HPWL depends on how ties
 * of the wire mask are broken (docs/benchmarks.md, "Greedy tie-breaks"). Besides the three
 * {@link TieBreak}s it runs variants that all take a least-increase legal cell: ties within a
 * relative tolerance of the least increase (1e-9, 1e-3) towards the canvas centre or the lower-left
 * corner, the first macro at the lower-left corner and the rest towards the centre, and most contact
 * (occupied or off-canvas cells along the macro's border) first, then index order.
 * Usage: {@code java ... TieBreakSensitivityBenchmark [--fixed-pins] [design...]} (default ibm01, no pads).
 */
public final class TieBreakSensitivityBenchmark {
    private static final int CENTRE = 0;
    private static final int CORNER = 1;
    private static final int CENTROID = 2;
    private static final int CENTRE_L1 = 3;
    private static final int CENTRE_LINF = 4;
    private static final int CONTACT = 5;

    private TieBreakSensitivityBenchmark() {
    }

    public static void main(String[] args) {
        boolean fixedPins = false;
        List<String> designs = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--fixed-pins")) {
                fixedPins = true;
            } else {
                designs.add(a);
            }
        }
        if (designs.isEmpty()) {
            designs.add("ibm01");
        }
        for (String d : designs) {
            Optional<Path> aux = Benchmarks.aux(d);
            if (aux.isEmpty()) {
                System.out.println(Benchmarks.missingMessage(d));
                continue;
            }
            Netlist nl = Bookshelf.read(aux.get());
            MacroEnv env = new MacroEnv(nl, nl.initialPlacement(), EnvOptions.defaults().withFixedPins(fixedPins));
            for (TieBreak t : TieBreak.values()) {
                report(d, "TieBreak." + t, env, (e, s, r) -> Experts.greedy(e, s, -1, t));
            }
            for (double tol : new double[] {1e-9, 1e-3}) {
                report(d, "centre, tolerance " + tol, env, (e, s, r) -> variant(e, s, tol, CENTRE));
                report(d, "nearest the lower-left corner, tolerance " + tol, env,
                        (e, s, r) -> variant(e, s, tol, CORNER));
            }
            report(d, "first macro at the corner, then centre", env,
                    (e, s, r) -> variant(e, s, 0, e.stepIndex() == 0 ? CORNER : CENTRE));
            report(d, "centroid of the placed macros", env, (e, s, r) -> variant(e, s, 0, CENTROID));
            report(d, "centre, L1 distance", env, (e, s, r) -> variant(e, s, 0, CENTRE_L1));
            report(d, "centre, L-infinity distance", env, (e, s, r) -> variant(e, s, 0, CENTRE_LINF));
            report(d, "most contact, then index", env, (e, s, r) -> variant(e, s, 0, CONTACT));
        }
    }

    private static void report(String design, String name, MacroEnv env, Experts.Policy policy) {
        Experts.rollout(env, policy, new SplittableRandom(1), "greedy");
        System.out.printf("%-9s %-50s macro HPWL %.4e%n", design, name, env.hpwl());
    }

    /**
     * A least-increase legal cell: cells within {@code tol} (relative) of the least increase tie; ties
     * go to the macro centre nearest (Euclidean unless stated) the canvas centre, the lower-left
     * corner or the area-weighted centroid of the placed macros (canvas centre when none), or to the
     * most border contact and then the lower index.
     */
    static int variant(MacroEnv e, Experts.Scratch s, double tol, int mode) {
        int g = e.grid();
        int k = e.nextMacro();
        int w = e.gridWidth(k);
        int h = e.gridHeight(k);
        e.wireMask(s.wm);
        if (e.positionMask(s.pm) == 0) {
            return Experts.leastOverlap(e, s, -1);
        }
        double lo = Double.POSITIVE_INFINITY;
        for (int c = 0; c < g * g; c++) {
            if (s.pm[c]) {
                lo = Math.min(lo, s.wm[c]);
            }
        }
        double lim = lo + tol * Math.max(1, Math.abs(lo));
        byte[] occ = new byte[g * g];
        e.occupancy(occ);
        double tx = mode == CORNER ? 0 : g; // target in half grid units
        double ty = tx;
        if (mode == CENTROID) {
            double sx = 0, sy = 0, n = 0;
            for (int j = 0; j < e.numSteps(); j++) {
                int c = e.cellOf(j);
                if (c >= 0) {
                    double a = e.gridWidth(j) * e.gridHeight(j);
                    sx += a * (2.0 * (c / g) + e.gridWidth(j));
                    sy += a * (2.0 * (c % g) + e.gridHeight(j));
                    n += a;
                }
            }
            if (n > 0) {
                tx = sx / n;
                ty = sy / n;
            }
        }
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int ix = 0; ix < g; ix++) {
            for (int iy = 0; iy < g; iy++) {
                int c = ix * g + iy;
                if (!s.pm[c] || s.wm[c] > lim) {
                    continue;
                }
                double dx = Math.abs(2.0 * ix + w - tx);
                double dy = Math.abs(2.0 * iy + h - ty);
                double d = switch (mode) {
                    case CONTACT -> -contact(occ, g, ix, iy, w, h);
                    case CENTRE_L1 -> dx + dy;
                    case CENTRE_LINF -> Math.max(dx, dy);
                    default -> dx * dx + dy * dy;
                };
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
        }
        return best;
    }

    /** Occupied or off-canvas cells along the border of a {@code w x h} macro at (ix, iy). */
    static int contact(byte[] occ, int g, int ix, int iy, int w, int h) {
        int c = 0;
        for (int a = ix; a < ix + w; a++) {
            c += iy == 0 || occ[a * g + iy - 1] != 0 ? 1 : 0;
            c += iy + h >= g || occ[a * g + iy + h] != 0 ? 1 : 0;
        }
        for (int b = iy; b < iy + h; b++) {
            c += ix == 0 || occ[(ix - 1) * g + b] != 0 ? 1 : 0;
            c += ix + w >= g || occ[(ix + w) * g + b] != 0 ? 1 : 0;
        }
        return c;
    }
}
