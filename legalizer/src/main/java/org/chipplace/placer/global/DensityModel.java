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
    /**
     * Objects covering at most this many bins along each axis keep the overlaps {@link #update} computed
     * for {@link #gradient} (standard cells and fillers, stretched to at most 3 x 3 bins, always do).
     */
    private static final int CACHE_SPAN = 4;
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
    /**
     * Overlaps of the last {@link #update}, per object: first bin {@code ix0 * m + iy0} (-1 when not
     * kept), bins covered along x and y, and the overlap lengths {@code [o * CACHE_SPAN + k]}.
     */
    private int[] cBin;
    private byte[] cNx, cNy;
    private double[] cOx, cOy;
    private double[] lastX, lastY; // the arrays of the last update (the cache is valid for them)
    /** Objects at most 2 bins wide and high: they touch at most 3 x 3 bins ({@link #scatterSmall}). */
    private boolean[] small;
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
                scatter(fixed, -1, x[v] - l, y[v] - b, x[v] + w[v] + r, y[v] + h[v] + t, 1.0, rowScratch[0]);
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
        small = new boolean[numObjects];
        for (int o = 0; o < numObjects; o++) {
            small[o] = m >= 3 && sw[o] <= 2 * binW && sh[o] <= 2 * binH;
        }
        cBin = new int[numObjects];
        cNx = new byte[numObjects];
        cNy = new byte[numObjects];
        cOx = new double[numObjects * CACHE_SPAN];
        cOy = new double[numObjects * CACHE_SPAN];
        lastX = null;
        lastY = null;
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
        update(x, y, withPotential, false);
    }

    /**
     * {@link #update}; with {@code keepReal}, the real objects are taken to be where the last update saw
     * them (only the fillers moved), so their charge maps and kept overlaps are reused as they are.
     */
    void update(double[] x, double[] y, boolean withPotential, boolean keepReal) {
        int nb = realChunks + fillChunks;
        int first = keepReal ? realChunks : 0;
        par.run(nb - first, (cc, worker) -> {
            int c = cc + first;
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
                if (small[o]) {
                    scatterSmall(buf, o, x[o] - sw[o] / 2, y[o] - sh[o] / 2, x[o] + sw[o] / 2, y[o] + sh[o] / 2);
                    continue;
                }
                scatter(buf, o, x[o] - sw[o] / 2, y[o] - sh[o] / 2, x[o] + sw[o] / 2, y[o] + sh[o] / 2, scale[o],
                        rowScratch[worker]);
            }
        });
        lastX = x;
        lastY = y;
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

    /**
     * Writes the density gradient of every object at centres {@code (x, y)} into {@code gx, gy}. When
     * {@code x, y} are the arrays of the last {@link #update} (unchanged since), the overlaps it computed
     * are reused; the result is the same to the last bit either way.
     */
    void gradient(double[] x, double[] y, double[] gx, double[] gy) {
        gradient(x, y, gx, gy, 0);
    }

    /** {@link #gradient} of objects {@code [from, numObjects)} only; the others' entries are left as they are. */
    void gradient(double[] x, double[] y, double[] gx, double[] gy, int from) {
        boolean cached = x == lastX && y == lastY;
        par.run(Parallel.chunks(numObjects - from, OBJ_CHUNK), (c, worker) -> {
            for (int o = from + c * OBJ_CHUNK, end = Math.min(numObjects, o + OBJ_CHUNK); o < end; o++) {
                if (cached && small[o]) {
                    gradientSmall(o, gx, gy);
                } else if (cached && cBin[o] >= 0) {
                    gradientCached(o, gx, gy);
                } else {
                    gradientOf(o, x[o] - sw[o] / 2, y[o] - sh[o] / 2, x[o] + sw[o] / 2, y[o] + sh[o] / 2, gx, gy,
                            rowScratch[worker]);
                }
            }
        });
    }

    /** {@link #gradientOf} from the overlaps kept by the last {@link #update} (same summation order). */
    private void gradientCached(int o, double[] gx, double[] gy) {
        int b0 = cBin[o], nx = cNx[o], ny = cNy[o], base = o * CACHE_SPAN;
        double sx = 0, sy = 0;
        for (int i = 0; i < nx; i++) {
            double ox = cOx[base + i];
            if (ox <= 0) {
                continue;
            }
            int row = b0 + i * m;
            double ax = 0, ay = 0;
            for (int k = 0; k < ny; k++) {
                double w = cOy[base + k];
                ax += w * xiX[row + k];
                ay += w * xiY[row + k];
            }
            sx += ox * ax;
            sy += ox * ay;
        }
        gx[o] = -scale[o] * sx;
        gy[o] = -scale[o] * sy;
    }

    /**
     * {@link #scatter} of a small object over the fixed 3 x 3 window of bins from its first bin (moved
     * back from the far edges so that it stays on the grid), without branches: bins the box does not
     * reach get a zero overlap, and adding zero leaves every bin's sum as it was.
     */
    private void scatterSmall(double[] map, int o, double bxl, double byl, double bxh, double byh) {
        int ix0 = Math.min(m - 3, Math.max(0, (int) Math.floor((bxl - xl) / binW)));
        int iy0 = Math.min(m - 3, Math.max(0, (int) Math.floor((byl - yl) / binH)));
        double xa = xl + ix0 * binW, xb = xl + (ix0 + 1) * binW, xc = xl + (ix0 + 2) * binW;
        double ya = yl + iy0 * binH, yb = yl + (iy0 + 1) * binH, yc = yl + (iy0 + 2) * binH;
        double ox0 = Math.max(0, Math.min(bxh, xa + binW) - Math.max(bxl, xa));
        double ox1 = Math.max(0, Math.min(bxh, xb + binW) - Math.max(bxl, xb));
        double ox2 = Math.max(0, Math.min(bxh, xc + binW) - Math.max(bxl, xc));
        double oy0 = Math.max(0, Math.min(byh, ya + binH) - Math.max(byl, ya));
        double oy1 = Math.max(0, Math.min(byh, yb + binH) - Math.max(byl, yb));
        double oy2 = Math.max(0, Math.min(byh, yc + binH) - Math.max(byl, yc));
        int base = o * CACHE_SPAN, b0 = ix0 * m + iy0;
        cBin[o] = b0;
        cOx[base] = ox0;
        cOx[base + 1] = ox1;
        cOx[base + 2] = ox2;
        cOy[base] = oy0;
        cOy[base + 1] = oy1;
        cOy[base + 2] = oy2;
        double s = scale[o];
        double f0 = s * ox0, f1 = s * ox1, f2 = s * ox2;
        int r1 = b0 + m, r2 = b0 + 2 * m;
        map[b0] += f0 * oy0;
        map[b0 + 1] += f0 * oy1;
        map[b0 + 2] += f0 * oy2;
        map[r1] += f1 * oy0;
        map[r1 + 1] += f1 * oy1;
        map[r1 + 2] += f1 * oy2;
        map[r2] += f2 * oy0;
        map[r2 + 1] += f2 * oy1;
        map[r2 + 2] += f2 * oy2;
    }

    /** {@link #gradientOf} of a small object from the overlaps of {@link #scatterSmall}. */
    private void gradientSmall(int o, double[] gx, double[] gy) {
        int b0 = cBin[o], base = o * CACHE_SPAN;
        double oy0 = cOy[base], oy1 = cOy[base + 1], oy2 = cOy[base + 2];
        double sx = 0, sy = 0;
        for (int i = 0; i < 3; i++) {
            int row = b0 + i * m;
            double ox = cOx[base + i];
            double ax = 0, ay = 0;
            ax += oy0 * xiX[row];
            ay += oy0 * xiY[row];
            ax += oy1 * xiX[row + 1];
            ay += oy1 * xiY[row + 1];
            ax += oy2 * xiX[row + 2];
            ay += oy2 * xiY[row + 2];
            sx += ox * ax;
            sy += ox * ay;
        }
        gx[o] = -scale[o] * sx;
        gy[o] = -scale[o] * sy;
    }

    /**
     * Adds {@code s} times the overlap area of box {@code [bxl, bxh] x [byl, byh]} with each bin; for an
     * object ({@code o >= 0}) covering at most {@link #CACHE_SPAN} bins each way, keeps its overlaps for
     * {@link #gradientCached}.
     */
    private void scatter(double[] map, int o, double bxl, double byl, double bxh, double byh, double s,
                         double[] oy) {
        int ix0 = Math.max(0, (int) Math.floor((bxl - xl) / binW));
        int ix1 = Math.min(m - 1, (int) Math.floor((bxh - xl) / binW));
        int iy0 = Math.max(0, (int) Math.floor((byl - yl) / binH));
        int iy1 = Math.min(m - 1, (int) Math.floor((byh - yl) / binH));
        int ny = overlapsY(byl, byh, iy0, iy1, oy);
        int nx = Math.max(0, ix1 - ix0 + 1);
        boolean keep = o >= 0 && nx <= CACHE_SPAN && ny <= CACHE_SPAN;
        int base = o * CACHE_SPAN;
        if (keep) {
            cBin[o] = ix0 * m + iy0;
            cNx[o] = (byte) nx;
            cNy[o] = (byte) ny;
            System.arraycopy(oy, 0, cOy, base, ny);
        } else if (o >= 0) {
            cBin[o] = -1;
        }
        for (int ix = ix0; ix <= ix1; ix++) {
            double lo = xl + ix * binW;
            double ox = Math.min(bxh, lo + binW) - Math.max(bxl, lo);
            if (keep) {
                cOx[base + ix - ix0] = ox;
            }
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

}
