package org.chipplace.placer.global;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.parallel.Parallel;

/**
 * ePlace's electrostatic density system on an {@code m x m} bin grid over the core (flat bins
 * {@code [ix * m + iy]}). Fixed obstacles in the core (non-moving nodes except {@code FIXED_NI}) are
 * charges of their area times the target density; each movable object is a charge spread over the
 * bins it overlaps, after ePlace's local smoothing: an object narrower (lower) than {@code sqrt(2)} bins
 * is stretched to that size with its density scaled down so that its charge is kept; movable macros'
 * charge is scaled by the target density (ePlace-MS / DREAMPlace). The potential and field come from
 * {@link PoissonSolver}; the density gradient of object {@code i} is ePlace's {@code q_i * grad(psi)},
 * evaluated as {@code -sum_b overlap(i, b) * xi_b}.
 *
 * <p>Scattering runs in a fixed number of chunks (depending only on the grid size) with one bin buffer
 * per chunk, reduced in chunk order: results do not depend on the number of threads.
 */
final class DensityModel {
    private static final int BIN_CHUNK = 4096;
    private static final int OBJ_CHUNK = 2048;
    final int m;
    final double binW, binH, binArea, target;
    private final double xl, yl;
    /** Fixed charge per bin (area, already times the target density). */
    final double[] fixed;
    private final double[] halo; // the netlist's halos (4 per node) or null
    private final double freeArea;
    private final Parallel par;
    private final PoissonSolver solver;
    /** Per-object stretched sizes and density scale; set by {@link #bind}. */
    private double[] sw, sh, scale;
    private int numReal, numObjects, realChunks, fillChunks;
    private double realCharge;
    private double[][] buffers;
    final double[] real, total, rho, xiX, xiY, psi;
    private double[] overflowPart;
    /** Per-worker overlap of one object with the bin rows it covers. */
    private final double[][] rowScratch;
    private double overflow;

    DensityModel(Netlist nl, Placement pl, boolean[] movable, int m, double target, Parallel par) {
        this.m = m;
        this.target = target;
        this.halo = nl.halos();
        this.par = par;
        this.xl = nl.coreXl();
        this.yl = nl.coreYl();
        this.binW = (nl.coreXh() - xl) / m;
        this.binH = (nl.coreYh() - yl) / m;
        this.binArea = binW * binH;
        int bins = m * m;
        this.rowScratch = new double[par.threads()][m];
        this.fixed = new double[bins];
        double[] x = pl.x(), y = pl.y(), w = nl.widths(), h = nl.heights();
        byte ni = NodeKind.FIXED_NI.code();
        byte[] kinds = nl.kinds();
        for (int v = 0; v < nl.numNodes(); v++) {
            if (!movable[v] && kinds[v] != ni && w[v] > 0 && h[v] > 0) {
                double[] hl = nl.hasHalo(v) ? nl.halos() : null; // a halo keeps cells out as the object does
                double l = hl == null ? 0 : hl[4 * v], b = hl == null ? 0 : hl[4 * v + 1];
                double r = hl == null ? 0 : hl[4 * v + 2], t = hl == null ? 0 : hl[4 * v + 3];
                addBox(fixed, x[v] - l, y[v] - b, x[v] + w[v] + r, y[v] + h[v] + t, 1.0, rowScratch[0]);
            }
        }
        double free = 0;
        for (int b = 0; b < bins; b++) {
            double f = Math.min(fixed[b], binArea);
            free += binArea - f;
            fixed[b] = f * target;
        }
        this.freeArea = free;
        this.real = new double[bins];
        this.total = new double[bins];
        this.rho = new double[bins];
        this.xiX = new double[bins];
        this.xiY = new double[bins];
        this.psi = new double[bins];
        this.overflowPart = new double[Parallel.chunks(bins, BIN_CHUNK)];
        this.solver = new PoissonSolver(m, nl.coreXh() - xl, nl.coreYh() - yl, par);
    }

    /** Core area not covered by fixed obstacles. */
    double freeArea() {
        return freeArea;
    }

    /** Prepares the per-object smoothing for the objects (real ones and fillers) of {@code model}. */
    void bind(PlacementModel model) {
        numReal = model.numReal;
        numObjects = model.numObjects;
        sw = new double[numObjects];
        sh = new double[numObjects];
        scale = new double[numObjects];
        double minW = Math.sqrt(2) * binW, minH = Math.sqrt(2) * binH;
        realCharge = 0;
        for (int o = 0; o < numObjects; o++) {
            double w = model.w[o], h = model.h[o];
            if (o < numReal && halo != null && model.objMacro[o]) {
                // a movable macro occupies its halo too (DEF HALO: cells keep clear of it); the halo is
                // spread evenly around the centre (left + right, bottom + top)
                int v = model.objNode[o];
                w += halo[4 * v] + halo[4 * v + 2];
                h += halo[4 * v + 1] + halo[4 * v + 3];
            }
            sw[o] = Math.max(w, minW);
            sh[o] = Math.max(h, minH);
            double q = o < numReal && model.objMacro[o] ? target : 1.0;
            scale[o] = w * h * q / (sw[o] * sh[o]);
            if (o < numReal) {
                realCharge += w * h * q;
            }
        }
        int per = m >= 512 ? 2 : 4;
        realChunks = numReal > 0 ? per : 0;
        fillChunks = numObjects > numReal ? per : 0;
        buffers = new double[realChunks + fillChunks][m * m];
    }

    /** Total charge of the real movable objects (area; macros times the target density). */
    double realCharge() {
        return realCharge;
    }

    /** Overflow of the last {@link #update}. */
    double overflow() {
        return overflow;
    }

    /**
     * Scatters the objects at centres {@code (x, y)}, computes the overflow and solves for the field
     * (and the potential when {@code withPotential}).
     */
    void update(double[] x, double[] y, boolean withPotential) {
        int nb = realChunks + fillChunks;
        par.run(nb, (c, worker) -> {
            double[] buf = buffers[c];
            java.util.Arrays.fill(buf, 0);
            int o0, o1;
            if (c < realChunks) {
                o0 = Parallel.start(c, realChunks, numReal);
                o1 = Parallel.start(c + 1, realChunks, numReal);
            } else {
                int f = c - realChunks, nf = numObjects - numReal;
                o0 = numReal + Parallel.start(f, fillChunks, nf);
                o1 = numReal + Parallel.start(f + 1, fillChunks, nf);
            }
            for (int o = o0; o < o1; o++) {
                addBox(buf, x[o] - sw[o] / 2, y[o] - sh[o] / 2, x[o] + sw[o] / 2, y[o] + sh[o] / 2, scale[o],
                        rowScratch[worker]);
            }
        });
        int bins = m * m;
        double cap = target * binArea;
        double invArea = 1.0 / binArea;
        par.run(overflowPart.length, (c, worker) -> {
            double of = 0;
            for (int b = c * BIN_CHUNK, end = Math.min(bins, b + BIN_CHUNK); b < end; b++) {
                double r = 0;
                for (int k = 0; k < realChunks; k++) {
                    r += buffers[k][b];
                }
                double t = r + fixed[b];
                of += Math.max(0, t - cap);
                for (int k = realChunks; k < realChunks + fillChunks; k++) {
                    t += buffers[k][b];
                }
                real[b] = r;
                total[b] = t;
                rho[b] = t * invArea;
            }
            overflowPart[c] = of;
        });
        double of = 0;
        for (double v : overflowPart) {
            of += v;
        }
        overflow = realCharge > 0 ? of / realCharge : 0;
        solver.solve(rho, xiX, xiY, withPotential ? psi : null);
    }

    /** ePlace's density energy {@code 1/2 sum_b Q_b psi_b} (needs {@code update(.., true)}). */
    double energy() {
        double e = 0;
        for (int b = 0; b < total.length; b++) {
            e += total[b] * psi[b];
        }
        return 0.5 * e;
    }

    /** Writes the density gradient of every object at centres {@code (x, y)} into {@code gx, gy}. */
    void gradient(double[] x, double[] y, double[] gx, double[] gy) {
        par.run(Parallel.chunks(numObjects, OBJ_CHUNK), (c, worker) -> {
            for (int o = c * OBJ_CHUNK, end = Math.min(numObjects, o + OBJ_CHUNK); o < end; o++) {
                gradientOf(o, x[o] - sw[o] / 2, y[o] - sh[o] / 2, x[o] + sw[o] / 2, y[o] + sh[o] / 2, gx, gy,
                        rowScratch[worker]);
            }
        });
    }

    private void gradientOf(int o, double bxl, double byl, double bxh, double byh, double[] gx, double[] gy,
                            double[] oy) {
        int ix0 = Math.max(0, (int) Math.floor((bxl - xl) / binW));
        int ix1 = Math.min(m - 1, (int) Math.floor((bxh - xl) / binW));
        int iy0 = Math.max(0, (int) Math.floor((byl - yl) / binH));
        int iy1 = Math.min(m - 1, (int) Math.floor((byh - yl) / binH));
        int ny = overlapsY(byl, byh, iy0, iy1, oy);
        double sx = 0, sy = 0;
        for (int ix = ix0; ix <= ix1; ix++) {
            double lo = xl + ix * binW;
            double ox = Math.min(bxh, lo + binW) - Math.max(bxl, lo);
            if (ox <= 0) {
                continue;
            }
            int row = ix * m + iy0;
            double ax = 0, ay = 0;
            for (int k = 0; k < ny; k++) {
                ax += oy[k] * xiX[row + k];
                ay += oy[k] * xiY[row + k];
            }
            sx += ox * ax;
            sy += ox * ay;
        }
        gx[o] = -scale[o] * sx;
        gy[o] = -scale[o] * sy;
    }

    /** Overlaps of {@code [byl, byh]} with bin rows {@code iy0..iy1} into {@code oy}; returns their count. */
    private int overlapsY(double byl, double byh, int iy0, int iy1, double[] oy) {
        int ny = Math.max(0, iy1 - iy0 + 1);
        for (int k = 0; k < ny; k++) {
            double ylo = yl + (iy0 + k) * binH;
            oy[k] = Math.max(0, Math.min(byh, ylo + binH) - Math.max(byl, ylo));
        }
        return ny;
    }

    /** Adds {@code s} times the overlap area of box {@code [bxl, bxh] x [byl, byh]} with each bin. */
    private void addBox(double[] map, double bxl, double byl, double bxh, double byh, double s, double[] oy) {
        int ix0 = Math.max(0, (int) Math.floor((bxl - xl) / binW));
        int ix1 = Math.min(m - 1, (int) Math.floor((bxh - xl) / binW));
        int iy0 = Math.max(0, (int) Math.floor((byl - yl) / binH));
        int iy1 = Math.min(m - 1, (int) Math.floor((byh - yl) / binH));
        int ny = overlapsY(byl, byh, iy0, iy1, oy);
        for (int ix = ix0; ix <= ix1; ix++) {
            double lo = xl + ix * binW;
            double ox = Math.min(bxh, lo + binW) - Math.max(bxl, lo);
            if (ox <= 0) {
                continue;
            }
            double f = s * ox;
            int row = ix * m + iy0;
            for (int k = 0; k < ny; k++) {
                map[row + k] += f * oy[k];
            }
        }
    }
}
