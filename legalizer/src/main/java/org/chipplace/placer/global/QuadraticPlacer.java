package org.chipplace.placer.global;

import java.util.SplittableRandom;
import org.chipplace.parallel.Parallel;

/**
 * Initial placement: rounds of the bound-to-bound (B2B) net model of Spindler et al. (Kraftwerk2,
 * TCAD 2008), each a quadratic program in x and one in y, solved by Jacobi-preconditioned conjugate
 * gradients over a CSR Laplacian of the real movable objects (RePlAce's initial placement). For a net
 * of degree {@code d} the two boundary pins are connected with each other and with every inner pin,
 * with weight {@code 2 w / ((d - 1) max(|x_i - x_j|, minDist))}. Deterministic (serial assembly,
 * row-parallel products, serial dot products).
 */
final class QuadraticPlacer {
    private static final int CG_MAX_ITER = 150;
    private static final double CG_TOL = 1e-6;
    private static final int ROW_CHUNK = 4096;

    private QuadraticPlacer() {
    }

    /**
     * Places the real objects of {@code model} at the mean of the fixed pins (plus a seeded
     * perturbation of 0.1% of the core size) and runs {@code rounds} B2B rounds; with {@code rounds == 0}
     * the objects keep their current positions (only clamped into the core).
     */
    static void place(PlacementModel model, int rounds, long seed, Parallel par) {
        int n = model.numReal;
        if (rounds == 0 || n == 0) {
            model.clamp(0, n, model.cx, model.cy);
            return;
        }
        double sx = 0, sy = 0;
        int cnt = 0;
        for (int p = 0; p < model.pinObj.length; p++) {
            if (model.pinObj[p] < 0) {
                sx += model.offX[p];
                sy += model.offY[p];
                cnt++;
            }
        }
        double cxc = cnt > 0 ? sx / cnt : (model.coreXl + model.coreXh) / 2;
        double cyc = cnt > 0 ? sy / cnt : (model.coreYl + model.coreYh) / 2;
        double spanX = model.coreXh - model.coreXl, spanY = model.coreYh - model.coreYl;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int o = 0; o < n; o++) {
            model.cx[o] = cxc + (rnd.nextDouble() - 0.5) * 1e-3 * spanX;
            model.cy[o] = cyc + (rnd.nextDouble() - 0.5) * 1e-3 * spanY;
        }
        model.clamp(0, n, model.cx, model.cy);
        double area = 0;
        for (int o = 0; o < n; o++) {
            area += model.w[o] * model.h[o];
        }
        double minDist = Math.max(1e-9 * (spanX + spanY), 0.5 * Math.sqrt(area / n));
        Axis ax = new Axis(model, par);
        for (int r = 0; r < rounds; r++) {
            ax.solve(model.cx, model.offX, minDist);
            ax.solve(model.cy, model.offY, minDist);
            model.clamp(0, n, model.cx, model.cy);
        }
    }

    /** Assembly and CG buffers for one axis (reused across rounds). */
    private static final class Axis {
        private final PlacementModel model;
        private final Parallel par;
        private final int n;
        private final double[] pp, diag, rhs, pairW;
        private final int[] pairA, pairB, rowStart, col;
        private final double[] val, r, z, d, q;
        private int pairs;

        Axis(PlacementModel model, Parallel par) {
            this.model = model;
            this.par = par;
            this.n = model.numReal;
            int np = model.pinObj.length;
            pp = new double[np];
            diag = new double[n];
            rhs = new double[n];
            int maxPairs = 2 * np;
            pairA = new int[maxPairs];
            pairB = new int[maxPairs];
            pairW = new double[maxPairs];
            rowStart = new int[n + 1];
            col = new int[2 * maxPairs];
            val = new double[2 * maxPairs];
            r = new double[n];
            z = new double[n];
            d = new double[n];
            q = new double[n];
        }

        void solve(double[] pos, double[] off, double minDist) {
            int[] pinObj = model.pinObj;
            for (int p = 0; p < pp.length; p++) {
                pp[p] = pinObj[p] >= 0 ? pos[pinObj[p]] + off[p] : off[p];
            }
            java.util.Arrays.fill(diag, 0);
            java.util.Arrays.fill(rhs, 0);
            pairs = 0;
            int[] ns = model.netStart;
            for (int e = 0; e < model.netW.length; e++) {
                double w = model.netW[e];
                if (w == 0) {
                    continue;
                }
                int s = ns[e], t = ns[e + 1];
                int lo = s, hi = s;
                for (int p = s + 1; p < t; p++) {
                    if (pp[p] < pp[lo]) {
                        lo = p;
                    }
                    if (pp[p] > pp[hi]) {
                        hi = p;
                    }
                }
                if (lo == hi) {
                    hi = s + 1;
                }
                double base = 2.0 * w / (t - s - 1);
                connect(lo, hi, base, off, minDist);
                for (int p = s; p < t; p++) {
                    if (p != lo && p != hi) {
                        connect(p, lo, base, off, minDist);
                        connect(p, hi, base, off, minDist);
                    }
                }
            }
            buildCsr(pos);
            conjugateGradient(pos);
        }

        private void connect(int p, int q2, double base, double[] off, double minDist) {
            int a = model.pinObj[p], b = model.pinObj[q2];
            if (a == b || (a < 0 && b < 0)) {
                return;
            }
            double w = base / Math.max(Math.abs(pp[p] - pp[q2]), minDist);
            if (a >= 0 && b >= 0) {
                diag[a] += w;
                diag[b] += w;
                rhs[a] += w * (off[q2] - off[p]);
                rhs[b] += w * (off[p] - off[q2]);
                pairA[pairs] = a;
                pairB[pairs] = b;
                pairW[pairs++] = w;
            } else if (a >= 0) {
                diag[a] += w;
                rhs[a] += w * (pp[q2] - off[p]);
            } else {
                diag[b] += w;
                rhs[b] += w * (pp[p] - off[q2]);
            }
        }

        private void buildCsr(double[] pos) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += diag[i];
            }
            mean = mean > 0 ? mean / n : 1;
            double eps = 1e-6 * mean;
            for (int i = 0; i < n; i++) {
                diag[i] += eps;
                rhs[i] += eps * pos[i];
            }
            java.util.Arrays.fill(rowStart, 0);
            for (int k = 0; k < pairs; k++) {
                rowStart[pairA[k] + 1]++;
                rowStart[pairB[k] + 1]++;
            }
            for (int i = 0; i < n; i++) {
                rowStart[i + 1] += rowStart[i];
            }
            int[] fill = java.util.Arrays.copyOf(rowStart, n);
            for (int k = 0; k < pairs; k++) {
                int a = pairA[k], b = pairB[k];
                col[fill[a]] = b;
                val[fill[a]++] = -pairW[k];
                col[fill[b]] = a;
                val[fill[b]++] = -pairW[k];
            }
        }

        private void multiply(double[] x, double[] y) {
            par.run(Parallel.chunks(n, ROW_CHUNK), (c, worker) -> {
                for (int i = c * ROW_CHUNK, end = Math.min(n, i + ROW_CHUNK); i < end; i++) {
                    double s = diag[i] * x[i];
                    for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                        s += val[k] * x[col[k]];
                    }
                    y[i] = s;
                }
            });
        }

        private void conjugateGradient(double[] x) {
            multiply(x, q);
            double bnorm = 0, rz = 0;
            for (int i = 0; i < n; i++) {
                r[i] = rhs[i] - q[i];
                z[i] = r[i] / diag[i];
                d[i] = z[i];
                rz += r[i] * z[i];
                bnorm += rhs[i] * rhs[i];
            }
            double tol2 = CG_TOL * CG_TOL * Math.max(bnorm, 1e-300);
            for (int it = 0; it < CG_MAX_ITER; it++) {
                double rr = 0;
                for (int i = 0; i < n; i++) {
                    rr += r[i] * r[i];
                }
                if (rr <= tol2) {
                    break;
                }
                multiply(d, q);
                double dq = 0;
                for (int i = 0; i < n; i++) {
                    dq += d[i] * q[i];
                }
                if (!(dq > 0)) {
                    break;
                }
                double alpha = rz / dq;
                double rzNew = 0;
                for (int i = 0; i < n; i++) {
                    x[i] += alpha * d[i];
                    r[i] -= alpha * q[i];
                    z[i] = r[i] / diag[i];
                    rzNew += r[i] * z[i];
                }
                double beta = rzNew / rz;
                rz = rzNew;
                for (int i = 0; i < n; i++) {
                    d[i] = z[i] + beta * d[i];
                }
            }
        }
    }
}
