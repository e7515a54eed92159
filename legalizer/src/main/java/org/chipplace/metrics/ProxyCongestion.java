package org.chipplace.metrics;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;

/**
 * The congestion term of {@link ProxyCost}, after TILOS MacroPlacement Docs/ProxyCost ("Congestion
 * cost computation"). Grid cell {@code (i, j)} is column {@code i}, row {@code j}; maps are flat
 * {@code map[j * columns + i]}. A horizontal crossing from {@code (i, j)} to {@code (i+1, j)} counts
 * in cell {@code (i, j)}, a vertical one from {@code (i, j)} to {@code (i, j+1)} in cell {@code (i, j)}.
 *
 * <ul>
 *   <li>Each net is reduced to the distinct grid cells of its pins, the driver's (first pin's) cell
 *       being the source: one cell routes nothing; two cells route horizontally along the source's
 *       row, then vertically along the sink's column; three cells use the documented L / T patterns;
 *       more are split into two-cell nets from the source (star). Every crossing adds the net weight.</li>
 *   <li>Demand is divided by the cell's tracks: {@code cellHeight x hRoutesPerMicron} (horizontal),
 *       {@code cellWidth x vRoutesPerMicron} (vertical), lengths in microns.</li>
 *   <li>Smoothing with range k: each vertical value is spread evenly over the up to {@code 2k + 1}
 *       cells of its row within k columns, each horizontal value over the cells of its column within
 *       k rows (as CT's {@code plc_client} and TILOS's open {@code plc_client_os} do).</li>
 *   <li>Macros (and fixed blocking nodes) block tracks: in each cell they overlap by
 *       {@code ox x oy}, {@code ox x vMacroAlloc / (cellWidth x vRoutesPerMicron)} vertically and
 *       {@code oy x hMacroAlloc / (cellHeight x hRoutesPerMicron)} horizontally; a macro spanning
 *       several rows without covering its bottom or top row fully adds nothing to the vertical map of
 *       its top row, one spanning several columns without covering its left or right column fully adds
 *       nothing to the horizontal map of its right column.</li>
 *   <li>The cost is the mean of the top 5 % ({@code max(1, floor(0.05 x 2n))}) of the horizontal and
 *       vertical maps (routing after smoothing plus macros) taken together.</li>
 * </ul>
 */
final class ProxyCongestion {
    private final int nc, nr;
    final double[] h, v;

    private ProxyCongestion(int nc, int nr) {
        this.nc = nc;
        this.nr = nr;
        this.h = new double[nc * nr];
        this.v = new double[nc * nr];
    }

    static double cost(Netlist nl, Placement p, double[] canvas, ProxyCostOptions o) {
        int nc = o.gridColumns(), nr = o.gridRows();
        double gw = (canvas[2] - canvas[0]) / nc, gh = (canvas[3] - canvas[1]) / nr;
        ProxyCongestion route = routeDemand(nl, p, canvas, nc, nr);
        double hTracks = gh / o.unitsPerMicron() * o.hRoutesPerMicron();
        double vTracks = gw / o.unitsPerMicron() * o.vRoutesPerMicron();
        for (int k = 0; k < route.h.length; k++) {
            route.h[k] /= hTracks;
            route.v[k] /= vTracks;
        }
        double[] hs = smoothH(route.h, nc, nr, o.smoothRange());
        double[] vs = smoothV(route.v, nc, nr, o.smoothRange());
        double[][] macro = macroBlockage(nl, p, canvas, o);
        double[] all = new double[2 * nc * nr];
        for (int k = 0; k < nc * nr; k++) {
            all[k] = hs[k] + macro[0][k];
            all[nc * nr + k] = vs[k] + macro[1][k];
        }
        return ProxyCost.topMean(all, 0.05);
    }

    /** Raw routing demand (net weights crossing each cell), before normalisation and smoothing. */
    static ProxyCongestion routeDemand(Netlist nl, Placement p, double[] canvas, int nc, int nr) {
        ProxyCongestion g = new ProxyCongestion(nc, nr);
        double gw = (canvas[2] - canvas[0]) / nc, gh = (canvas[3] - canvas[1]) / nr;
        double[] x = p.x(), y = p.y(), w = nl.widths(), ht = nl.heights(), dx = nl.pinDx(), dy = nl.pinDy();
        int[] nps = nl.netPinStart(), pn = nl.pinNode();
        double[] wt = nl.netWeights();
        int[] stamp = new int[nc * nr];
        int[] cells = new int[16];
        for (int e = 0; e < nl.numNets(); e++) {
            int count = 0;
            for (int q = nps[e]; q < nps[e + 1]; q++) {
                int u = pn[q];
                int c = clamp((int) Math.floor((x[u] + w[u] / 2 + dx[q] - canvas[0]) / gw), nc);
                int r = clamp((int) Math.floor((y[u] + ht[u] / 2 + dy[q] - canvas[1]) / gh), nr);
                int cell = r * nc + c;
                if (stamp[cell] == e + 1) {
                    continue;
                }
                stamp[cell] = e + 1;
                if (count == cells.length) {
                    cells = java.util.Arrays.copyOf(cells, count * 2);
                }
                cells[count++] = cell;
            }
            double weight = wt[e];
            if (count == 2) {
                g.twoPin(cells[0] % nc, cells[0] / nc, cells[1] % nc, cells[1] / nc, weight);
            } else if (count == 3) {
                g.threePin(cells, weight);
            } else if (count > 3) {
                for (int k = 1; k < count; k++) {
                    g.twoPin(cells[0] % nc, cells[0] / nc, cells[k] % nc, cells[k] / nc, weight);
                }
            }
        }
        return g;
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }

    /** Horizontal crossings in row {@code j} from column {@code i0} to {@code i1 - 1}. */
    private void hRun(int i0, int i1, int j, double wgt) {
        for (int i = Math.min(i0, i1), e = Math.max(i0, i1); i < e; i++) {
            h[j * nc + i] += wgt;
        }
    }

    /** Vertical crossings in column {@code i} from row {@code j0} to {@code j1 - 1}. */
    private void vRun(int i, int j0, int j1, double wgt) {
        for (int j = Math.min(j0, j1), e = Math.max(j0, j1); j < e; j++) {
            v[j * nc + i] += wgt;
        }
    }

    /** Source (i1, j1), sink (i2, j2): along the source's row, then the sink's column. */
    void twoPin(int i1, int j1, int i2, int j2, double wgt) {
        hRun(i1, i2, j1, wgt);
        vRun(i2, j1, j2, wgt);
    }

    void threePin(int[] cellIds, double wgt) {
        int[][] g = new int[3][];
        for (int k = 0; k < 3; k++) {
            g[k] = new int[] {cellIds[k] % nc, cellIds[k] / nc};
        }
        java.util.Arrays.sort(g, (a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        int i1 = g[0][0], j1 = g[0][1], i2 = g[1][0], j2 = g[1][1], i3 = g[2][0], j3 = g[2][1];
        if (i1 < i2 && i2 < i3 && Math.min(j1, j3) < j2 && Math.max(j1, j3) > j2) { // L routing
            hRun(i1, i2, j1, wgt);
            hRun(i2, i3, j2, wgt);
            vRun(i2, j1, j2, wgt);
            vRun(i3, j2, j3, wgt);
        } else if (i2 == i3 && i1 < i2 && j1 < Math.min(j2, j3)) {
            hRun(i1, i2, j1, wgt);
            vRun(i2, j1, Math.max(j2, j3), wgt);
        } else if (j2 == j3) {
            hRun(i1, i2, j1, wgt);
            hRun(i2, i3, j2, wgt);
            vRun(i2, j1, j2, wgt);
        } else { // T routing: sorted by row, trunk along the middle row
            java.util.Arrays.sort(g, (a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(a[0], b[0]));
            int imin = Math.min(g[0][0], Math.min(g[1][0], g[2][0]));
            int imax = Math.max(g[0][0], Math.max(g[1][0], g[2][0]));
            hRun(imin, imax, g[1][1], wgt);
            vRun(g[0][0], g[0][1], g[1][1], wgt);
            vRun(g[2][0], g[1][1], g[2][1], wgt);
        }
    }

    /** Vertical values spread over their row, {@code k} columns each side. */
    static double[] smoothV(double[] map, int nc, int nr, int k) {
        double[] out = new double[map.length];
        for (int j = 0; j < nr; j++) {
            for (int i = 0; i < nc; i++) {
                int lo = Math.max(0, i - k), hi = Math.min(nc - 1, i + k);
                double val = map[j * nc + i] / (hi - lo + 1);
                for (int t = lo; t <= hi; t++) {
                    out[j * nc + t] += val;
                }
            }
        }
        return out;
    }

    /** Horizontal values spread over their column, {@code k} rows each side. */
    static double[] smoothH(double[] map, int nc, int nr, int k) {
        double[] out = new double[map.length];
        for (int j = 0; j < nr; j++) {
            for (int i = 0; i < nc; i++) {
                int lo = Math.max(0, j - k), hi = Math.min(nr - 1, j + k);
                double val = map[j * nc + i] / (hi - lo + 1);
                for (int t = lo; t <= hi; t++) {
                    out[t * nc + i] += val;
                }
            }
        }
        return out;
    }

    /** {horizontal, vertical} macro blockage maps, already divided by the cells' tracks. */
    static double[][] macroBlockage(Netlist nl, Placement p, double[] canvas, ProxyCostOptions o) {
        int nc = o.gridColumns(), nr = o.gridRows();
        double gw = (canvas[2] - canvas[0]) / nc, gh = (canvas[3] - canvas[1]) / nr;
        double[] hm = new double[nc * nr], vm = new double[nc * nr];
        double hNorm = o.hMacroAlloc() / (gh * o.hRoutesPerMicron());
        double vNorm = o.vMacroAlloc() / (gw * o.vRoutesPerMicron());
        double[] x = p.x(), y = p.y(), w = nl.widths(), ht = nl.heights();
        double eps = 1e-9 * Math.max(gw, gh);
        for (int u = 0; u < nl.numNodes(); u++) {
            NodeKind kind = nl.kind(u);
            if ((kind != NodeKind.MACRO && kind != NodeKind.FIXED) || w[u] <= 0 || ht[u] <= 0) {
                continue;
            }
            double xl = x[u] - canvas[0], yl = y[u] - canvas[1], xh = xl + w[u], yh = yl + ht[u];
            int c0 = Math.max(0, (int) Math.floor(xl / gw)), c1 = Math.min(nc - 1, (int) Math.floor(xh / gw));
            int r0 = Math.max(0, (int) Math.floor(yl / gh)), r1 = Math.min(nr - 1, (int) Math.floor(yh / gh));
            // the last cell may only touch the macro's far edge
            if (c1 > c0 && xh - c1 * gw <= eps) {
                c1--;
            }
            if (r1 > r0 && yh - r1 * gh <= eps) {
                r1--;
            }
            boolean vPartial = r1 > r0 && (Math.min(yh, (r0 + 1) * gh) - Math.max(yl, r0 * gh) < gh - eps
                    || Math.min(yh, (r1 + 1) * gh) - Math.max(yl, r1 * gh) < gh - eps);
            boolean hPartial = c1 > c0 && (Math.min(xh, (c0 + 1) * gw) - Math.max(xl, c0 * gw) < gw - eps
                    || Math.min(xh, (c1 + 1) * gw) - Math.max(xl, c1 * gw) < gw - eps);
            for (int r = r0; r <= r1; r++) {
                double oy = Math.min(yh, (r + 1) * gh) - Math.max(yl, r * gh);
                if (oy <= 0) {
                    continue;
                }
                for (int c = c0; c <= c1; c++) {
                    double ox = Math.min(xh, (c + 1) * gw) - Math.max(xl, c * gw);
                    if (ox <= 0) {
                        continue;
                    }
                    if (!(vPartial && r == r1)) {
                        vm[r * nc + c] += ox * vNorm;
                    }
                    if (!(hPartial && c == c1)) {
                        hm[r * nc + c] += oy * hNorm;
                    }
                }
            }
        }
        return new double[][] {hm, vm};
    }
}
