package org.chipplace.placer.global;

import org.chipplace.parallel.Parallel;
import org.jtransforms.dct.DoubleDCT_1D;

/**
 * Spectral solution of ePlace's electrostatic system (Lu et al., TODAES 2015, eqs. 13-16) on an
 * {@code m x m} bin grid with Neumann boundary conditions: given the bin density {@code rho}
 * (dimensionless, flat {@code rho[ix * m + iy]}), solves {@code -laplace(psi) = rho - mean(rho)} over the
 * region {@code lx x ly} and returns the potential {@code psi} and the field {@code xi = -grad(psi)} at the
 * bin centres.
 *
 * <p>With {@code A_uv = sum_ij rho_ij cos(w_u x_i) cos(w_v y_j)} (2-D DCT-II), {@code w_u = pi u / lx},
 * {@code x_i = (i + 1/2) lx / m} and {@code c_uv = e_u e_v A_uv / (m^2 (w_u^2 + w_v^2))} ({@code e_0 = 1},
 * otherwise 2; {@code c_00 = 0}): {@code psi = sum c_uv cos cos}, {@code xi_x = sum c_uv w_u sin(w_u x) cos(w_v y)},
 * {@code xi_y = sum c_uv w_v cos(w_u x) sin(w_v y)}. The separable transforms run row by row on
 * JTransforms' 1-D DCT; sine series use {@code sum_k c_k sin(pi k (i+1/2)/m) = (-1)^i sum_k c_(m-k) cos(pi k (i+1/2)/m)}.
 * Rows are independent, so the result does not depend on the number of threads.
 */
final class PoissonSolver {
    private final int m;
    private final double[] wu;
    private final double[] wv;
    private final double[] coef;
    private final DoubleDCT_1D[] dct;
    private final double[][] column;
    /** Columns transformed together by {@link #transformColumns}. */
    private static final int BLOCK = 16;
    private final double[][] block;
    private final Parallel par;

    PoissonSolver(int m, double lx, double ly, Parallel par) {
        if (m < 2 || Integer.bitCount(m) != 1) {
            throw new IllegalArgumentException("grid size must be a power of two >= 2: " + m);
        }
        this.m = m;
        this.par = par;
        this.wu = new double[m];
        this.wv = new double[m];
        for (int k = 0; k < m; k++) {
            wu[k] = Math.PI * k / lx;
            wv[k] = Math.PI * k / ly;
        }
        this.coef = new double[m * m];
        this.dct = new DoubleDCT_1D[par.threads()];
        this.column = new double[par.threads()][m];
        this.block = new double[par.threads()][BLOCK * m];
        for (int t = 0; t < dct.length; t++) {
            dct[t] = new DoubleDCT_1D(m);
        }
    }

    int size() {
        return m;
    }

    /**
     * Solves for the given density; writes the field into {@code xiX, xiY} and, when {@code psi} is not
     * null, the potential into {@code psi}. All arrays are {@code m * m}, {@code rho} is left unchanged.
     */
    void solve(double[] rho, double[] xiX, double[] xiY, double[] psi) {
        System.arraycopy(rho, 0, coef, 0, m * m);
        transformRows(coef, false, false);
        transformColumns(coef, false, false);
        double norm = 1.0 / ((double) m * m);
        for (int u = 0; u < m; u++) {
            double eu = u == 0 ? 1 : 2;
            for (int v = 0; v < m; v++) {
                double ev = v == 0 ? 1 : 2;
                double d = wu[u] * wu[u] + wv[v] * wv[v];
                int i = u * m + v;
                coef[i] = d == 0 ? 0 : coef[i] * eu * ev * norm / d;
            }
        }
        synthesize(xiX, 1);
        synthesize(xiY, 2);
        if (psi != null) {
            synthesize(psi, 0);
        }
    }

    /** which: 0 potential (cos, cos), 1 field x (sin, cos), 2 field y (cos, sin). */
    private void synthesize(double[] out, int which) {
        boolean sinX = which == 1;
        boolean sinY = which == 2;
        double[] c = coef;
        for (int u = 0; u < m; u++) {
            int su = sinX ? (u == 0 ? -1 : m - u) : u;
            for (int v = 0; v < m; v++) {
                int sv = sinY ? (v == 0 ? -1 : m - v) : v;
                double val = 0;
                if (su >= 0 && sv >= 0) {
                    val = c[su * m + sv];
                    if (sinX) {
                        val *= wu[su];
                    } else if (sinY) {
                        val *= wv[sv];
                    }
                }
                out[u * m + v] = val;
            }
        }
        transformRows(out, true, sinY);
        transformColumns(out, true, sinX);
    }

    /** 1-D transform along y (contiguous rows). */
    private void transformRows(double[] a, boolean inverse, boolean alternate) {
        par.run(Parallel.chunks(m, 16), (chunk, worker) -> {
            DoubleDCT_1D t = dct[worker];
            double[] row = column[worker];
            for (int ix = chunk * 16, end = Math.min(m, ix + 16); ix < end; ix++) {
                System.arraycopy(a, ix * m, row, 0, m);
                if (inverse) {
                    t.inverse(row, false);
                } else {
                    t.forward(row, false);
                }
                if (alternate) {
                    for (int k = 1; k < m; k += 2) {
                        row[k] = -row[k];
                    }
                }
                System.arraycopy(row, 0, a, ix * m, m);
            }
        });
    }

    /**
     * 1-D transform along x (strided columns), {@link #BLOCK} columns at a time: each row's slice of the
     * block is copied in one go (contiguous reads), the columns are transformed in the block buffer and
     * copied back the same way.
     */
    private void transformColumns(double[] a, boolean inverse, boolean alternate) {
        par.run(Parallel.chunks(m, BLOCK), (chunk, worker) -> {
            DoubleDCT_1D t = dct[worker];
            double[] blk = block[worker];
            int iy0 = chunk * BLOCK, nb = Math.min(BLOCK, m - iy0);
            for (int ix = 0; ix < m; ix++) {
                int base = ix * m + iy0;
                for (int j = 0; j < nb; j++) {
                    blk[j * m + ix] = a[base + j];
                }
            }
            for (int j = 0; j < nb; j++) {
                if (inverse) {
                    t.inverse(blk, j * m, false);
                } else {
                    t.forward(blk, j * m, false);
                }
            }
            for (int ix = 0; ix < m; ix++) {
                int base = ix * m + iy0;
                boolean negate = alternate && (ix & 1) == 1;
                for (int j = 0; j < nb; j++) {
                    double v = blk[j * m + ix];
                    a[base + j] = negate ? -v : v;
                }
            }
        });
    }
}
