package org.chipplace.placer.legalize;

import java.util.Arrays;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;

/**
 * Macro legalization by greedy nearest-spot search with exact free-space scans.
 *
 * <p>Macros are processed by decreasing area; among macros of equal area (ICCAD04 ibm01 has 243 of one
 * size), those whose global position is nearer the core centre first, so that the outer ones give way
 * outwards, the way global placement spread them (centre-out instead of node order: ICCAD04 ibm01
 * 2.097e6 -> 2.067e6, ibm03 6.249e6 -> 6.099e6, ibm04 7.132e6 -> 6.996e6 final HPWL, 2026-12-07). For each macro the bottom y runs over the row
 * bottoms in order of distance from its global y; in each such band the x positions forbidden by
 * the obstacles (fixed objects, macros not being moved, macros already placed) are merged into site
 * intervals and the nearest free site to the global x is taken. The band scan stops once the
 * vertical distance alone exceeds the best cost {@code |dx| + verticalWeight*|dy|}, so the
 * result is the exact nearest legal spot for the current obstacles (an exhaustive scan when the
 * neighbourhood is full). Afterwards {@link LegalizerOptions#macroImprovePasses()} passes lift each
 * macro and put it back at its nearest free spot if that is closer to its global position. If the
 * area order leaves a macro without space, the whole run is retried once ordered by decreasing
 * height; if that fails too a {@link LegalizationException} names the macro.
 *
 * <p>Legal means: inside the rows' bounding box intersected with the core, bottom on a row bottom,
 * left edge on the site grid of the first row, no overlap with other macros or with
 * {@link NodeKind#FIXED} objects ({@link NodeKind#FIXED_NI} objects do not block).
 */
public final class MacroLegalizer {
    private static final double EPS = 1e-6;

    private MacroLegalizer() {
    }

    /**
     * Moves the nodes with {@code macros[v]} to legal positions near their current ones. Macros not
     * flagged and fixed objects are obstacles and stay where they are.
     *
     * @param nl     the design
     * @param p      placement, updated in place (only flagged nodes move)
     * @param macros per node: move it; flagged nodes must be movable
     * @param o      options
     * @throws LegalizationException when a flagged node fits nowhere
     */
    public static void legalize(Netlist nl, Placement p, boolean[] macros, LegalizerOptions o) {
        if (macros.length != nl.numNodes()) {
            throw new IllegalArgumentException("macros has length " + macros.length + ", expected " + nl.numNodes());
        }
        int count = 0;
        for (int v = 0; v < macros.length; v++) {
            if (macros[v]) {
                if (!nl.isMovable(v)) {
                    throw new IllegalArgumentException("node " + nl.nodeNames()[v] + " is fixed, cannot legalize it");
                }
                if (!Double.isFinite(p.x()[v]) || !Double.isFinite(p.y()[v])) {
                    throw new IllegalArgumentException("macro " + nl.nodeNames()[v] + " has no finite position ("
                            + p.x()[v] + ", " + p.y()[v] + ")");
                }
                count++;
            }
        }
        if (count == 0) {
            return;
        }
        Row[] rows = nl.rows();
        if (rows.length == 0) {
            throw new LegalizationException("design " + nl.name() + " has no rows to place " + count + " macros on");
        }
        int[] ids = new int[count];
        int k = 0;
        for (int v = 0; v < macros.length; v++) {
            if (macros[v]) {
                ids[k++] = v;
            }
        }
        double[] w = nl.widths();
        double[] h = nl.heights();
        double[] x0 = p.x().clone();
        double[] y0 = p.y().clone();
        MacroSpace space = new MacroSpace(nl, p, macros, count);
        double cx = 0.5 * (nl.coreXl() + nl.coreXh()), cy = 0.5 * (nl.coreYl() + nl.coreYh());
        int[] byArea = sorted(ids, v -> -w[v] * h[v],
                v -> Math.abs(x0[v] + 0.5 * w[v] - cx) + Math.abs(y0[v] + 0.5 * h[v] - cy));
        String failure = space.placeAll(byArea, w, h, x0, y0, o);
        if (failure != null) {
            space.reset();
            int[] byHeight = sorted(ids, v -> -(h[v] * 1e7 + w[v]), v -> 0);
            String again = space.placeAll(byHeight, w, h, x0, y0, o);
            if (again != null) {
                throw new LegalizationException(failure);
            }
            byArea = byHeight;
        }
        space.improve(byArea, w, h, x0, y0, o);
        space.write(byArea, p);
    }

    @FunctionalInterface
    private interface Key {
        double of(int v);
    }

    /** {@code ids} sorted by {@code key}, ties by {@code tie}, then by node index. */
    private static int[] sorted(int[] ids, Key key, Key tie) {
        Integer[] boxed = new Integer[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boxed[i] = ids[i];
        }
        Arrays.sort(boxed, (a, b) -> {
            int c = Double.compare(key.of(a), key.of(b));
            if (c == 0) {
                c = Double.compare(tie.of(a), tie.of(b));
            }
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    /** Static obstacles plus placed macros, and the nearest-free-spot search over them. */
    private static final class MacroSpace {
        private final String[] names;
        private final double ox;
        private final double sp;
        private final double xlo;
        private final double xhi;
        private final double ytop;
        private final double[] ys;
        private final int numStatic;
        private final double[] oxl;
        private final double[] oxh;
        private final double[] oyl;
        private final double[] oyh;
        private final boolean[] active;
        private int numObst;
        private int[] ia = new int[64];
        private int[] ib = new int[64];
        private long[] keys = new long[64];
        private double bestX;
        private double bestY;

        MacroSpace(Netlist nl, Placement p, boolean[] moving, int count) {
            names = nl.nodeNames();
            Row[] rows = nl.rows();
            ox = rows[0].x();
            sp = rows[0].siteSpacing();
            double rxl = Double.MAX_VALUE;
            double rxh = -Double.MAX_VALUE;
            double ryh = -Double.MAX_VALUE;
            double[] yAll = new double[rows.length];
            for (int r = 0; r < rows.length; r++) {
                rxl = Math.min(rxl, rows[r].x());
                rxh = Math.max(rxh, rows[r].xMax());
                ryh = Math.max(ryh, rows[r].yMax());
                yAll[r] = rows[r].y();
            }
            xlo = Math.max(rxl, nl.coreXl());
            xhi = Math.min(rxh, nl.coreXh());
            ytop = Math.min(ryh, nl.coreYh());
            ys = Arrays.stream(yAll).filter(y -> y >= nl.coreYl() - EPS).distinct().sorted().toArray();
            double[] w = nl.widths();
            double[] h = nl.heights();
            double[] x = p.x();
            double[] y = p.y();
            int n = nl.numNodes();
            int cap = count;
            for (int v = 0; v < n; v++) {
                if (isStatic(nl, moving, v)) {
                    cap++;
                }
            }
            oxl = new double[cap];
            oxh = new double[cap];
            oyl = new double[cap];
            oyh = new double[cap];
            active = new boolean[cap];
            int s = 0;
            for (int v = 0; v < n; v++) {
                if (isStatic(nl, moving, v)) {
                    oxl[s] = x[v];
                    oxh[s] = x[v] + w[v];
                    oyl[s] = y[v];
                    oyh[s] = y[v] + h[v];
                    active[s++] = true;
                }
            }
            numStatic = s;
            numObst = s;
        }

        private static boolean isStatic(Netlist nl, boolean[] moving, int v) {
            NodeKind k = nl.kind(v);
            return !moving[v] && nl.widths()[v] > 0 && nl.heights()[v] > 0
                    && (k == NodeKind.FIXED || k == NodeKind.MACRO);
        }

        void reset() {
            numObst = numStatic;
        }

        /** Places the macros in the given order; returns null or a failure message. */
        String placeAll(int[] order, double[] w, double[] h, double[] tx, double[] ty, LegalizerOptions o) {
            for (int i = 0; i < order.length; i++) {
                int v = order[i];
                if (!find(w[v], h[v], tx[v], ty[v], o.verticalWeight())) {
                    return "macro " + names[v] + " (w=" + w[v] + ", h=" + h[v] + ") fits nowhere in the core ["
                            + xlo + ", " + xhi + "] x [" + (ys.length == 0 ? "-" : ys[0]) + ", " + ytop
                            + "] after placing " + i + " of " + order.length + " macros";
                }
                add(bestX, bestY, w[v], h[v]);
            }
            return null;
        }

        void improve(int[] order, double[] w, double[] h, double[] tx, double[] ty, LegalizerOptions o) {
            double vw = o.verticalWeight();
            for (int pass = 0; pass < o.macroImprovePasses(); pass++) {
                boolean moved = false;
                for (int i = 0; i < order.length; i++) {
                    int v = order[i];
                    int slot = numStatic + i;
                    double cur = Math.abs(oxl[slot] - tx[v]) + vw * Math.abs(oyl[slot] - ty[v]);
                    active[slot] = false;
                    if (find(w[v], h[v], tx[v], ty[v], vw)
                            && Math.abs(bestX - tx[v]) + vw * Math.abs(bestY - ty[v]) < cur - EPS) {
                        oxl[slot] = bestX;
                        oxh[slot] = bestX + w[v];
                        oyl[slot] = bestY;
                        oyh[slot] = bestY + h[v];
                        moved = true;
                    }
                    active[slot] = true;
                }
                if (!moved) {
                    break;
                }
            }
        }

        void write(int[] order, Placement p) {
            for (int i = 0; i < order.length; i++) {
                p.x()[order[i]] = oxl[numStatic + i];
                p.y()[order[i]] = oyl[numStatic + i];
            }
        }

        private void add(double x, double y, double w, double h) {
            oxl[numObst] = x;
            oxh[numObst] = x + w;
            oyl[numObst] = y;
            oyh[numObst] = y + h;
            active[numObst++] = true;
        }

        /** Nearest legal lower-left corner to (tx, ty) into bestX/bestY; false when there is none. */
        boolean find(double w, double h, double tx, double ty, double vw) {
            int kmin = (int) Math.ceil((xlo - ox) / sp - EPS);
            int kmax = (int) Math.floor((xhi - w - ox) / sp + EPS);
            if (kmax < kmin) {
                return false;
            }
            int ny = ys.length;
            while (ny > 0 && ys[ny - 1] + h > ytop + EPS) {
                ny--;
            }
            if (ny == 0) {
                return false;
            }
            int up = 0;
            int hiB = ny;
            while (up < hiB) {
                int mid = (up + hiB) >>> 1;
                if (ys[mid] < ty) {
                    up = mid + 1;
                } else {
                    hiB = mid;
                }
            }
            int down = up - 1;
            double best = Double.POSITIVE_INFINITY;
            double tk = (tx - ox) / sp;
            while (down >= 0 || up < ny) {
                int j;
                if (up >= ny || (down >= 0 && ty - ys[down] <= ys[up] - ty)) {
                    j = down--;
                } else {
                    j = up++;
                }
                double dy = vw * Math.abs(ys[j] - ty);
                if (dy >= best) {
                    break; // the nearer side is already too far, so is the other
                }
                long kBest = nearestFree(ys[j], h, w, kmin, kmax, tk);
                if (kBest != Long.MIN_VALUE) {
                    double x = ox + kBest * sp;
                    double c = Math.abs(x - tx) + dy;
                    if (c < best) {
                        best = c;
                        bestX = x;
                        bestY = ys[j];
                    }
                }
            }
            return best < Double.POSITIVE_INFINITY;
        }

        /** Nearest free site index to tk in band [y, y+h), or Long.MIN_VALUE. */
        private long nearestFree(double y, double h, double w, int kmin, int kmax, double tk) {
            int m = 0;
            for (int i = 0; i < numObst; i++) {
                if (!active[i] || oyl[i] >= y + h - EPS || oyh[i] <= y + EPS) {
                    continue;
                }
                int a = (int) Math.floor((oxl[i] - w - ox) / sp + EPS) + 1;
                int b = (int) Math.ceil((oxh[i] - ox) / sp - EPS) - 1;
                a = Math.max(a, kmin);
                b = Math.min(b, kmax);
                if (a > b) {
                    continue;
                }
                if (m == ia.length) {
                    ia = Arrays.copyOf(ia, m * 2);
                    ib = Arrays.copyOf(ib, m * 2);
                    keys = Arrays.copyOf(keys, m * 2);
                }
                ia[m] = a;
                ib[m] = b;
                keys[m] = ((long) (a - kmin) << 32) | m;
                m++;
            }
            Arrays.sort(keys, 0, m);
            long best = Long.MIN_VALUE;
            double bestD = Double.POSITIVE_INFINITY;
            long g0 = kmin; // start of current free gap
            for (int j = 0; j <= m; j++) {
                long g1;
                long next;
                if (j < m) {
                    int i = (int) (keys[j] & 0xffffffffL);
                    g1 = ia[i] - 1L;
                    next = ib[i] + 1L;
                } else {
                    g1 = kmax;
                    next = g0;
                }
                if (g1 >= g0) {
                    long k = Math.max(g0, Math.min(g1, Math.round(tk)));
                    double d = Math.abs(k - tk);
                    if (d < bestD) {
                        bestD = d;
                        best = k;
                    }
                }
                g0 = Math.max(g0, next);
            }
            return best;
        }
    }
}
