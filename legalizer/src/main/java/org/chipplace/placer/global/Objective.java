package org.chipplace.placer.global;

import org.chipplace.parallel.Parallel;

/**
 * ePlace's objective {@code f = W_WA(gamma) + lambda * N} and its Jacobi-preconditioned gradient
 * {@code (grad W + lambda grad N) / max(1, #pins_i + lambda * area_i)} (Lu et al., TODAES 2015, sec. 5.3).
 * Holds the per-pin and per-object buffers so that evaluations allocate nothing. Net and object work
 * is split into fixed-size chunks reduced in chunk order (deterministic for any thread count).
 */
final class Objective {
    private static final int NET_CHUNK = 1024;
    private static final int OBJ_CHUNK = 4096;
    private final PlacementModel model;
    final DensityModel density;
    private final Parallel par;
    private final double[] px, py, pgx, pgy, ea, eb;
    /** Wirelength and density gradients of the last {@link #evaluate} (per object). */
    final double[] wgx, wgy, dgx, dgy;
    private final double[] area;
    private final double[] part, netHp;
    private final int netChunks;
    private double lastWa;

    Objective(PlacementModel model, DensityModel density, Parallel par) {
        this.model = model;
        this.density = density;
        this.par = par;
        int np = model.pinObj.length;
        px = new double[np];
        py = new double[np];
        pgx = new double[np];
        pgy = new double[np];
        ea = new double[np];
        eb = new double[np];
        int n = model.numObjects;
        wgx = new double[n];
        wgy = new double[n];
        dgx = new double[n];
        dgy = new double[n];
        area = new double[n];
        for (int o = 0; o < n; o++) {
            area[o] = model.w[o] * model.h[o];
        }
        netChunks = Parallel.chunks(model.netW.length, NET_CHUNK);
        part = new double[netChunks];
        netHp = new double[model.netW.length];
    }

    /** The workers the evaluations run on (shared with the solver's element-wise steps). */
    Parallel par() {
        return par;
    }

    /** WA wirelength of the last {@link #evaluate}. */
    double lastWa() {
        return lastWa;
    }

    /**
     * Evaluates wirelength (smoothing {@code gamma}) and density at centres {@code (x, y)}; fills
     * {@link #wgx}, {@link #wgy}, {@link #dgx}, {@link #dgy} and the density model's maps.
     */
    void evaluate(double[] x, double[] y, double gamma) {
        int np = px.length;
        int pinChunk = 8192;
        par.run(Parallel.chunks(np, pinChunk), (c, w) -> Wirelength.pinPositions(c * pinChunk,
                Math.min(np, (c + 1) * pinChunk), model.pinObj, model.offX, model.offY, x, y, px, py));
        int ne = model.netW.length;
        par.run(netChunks, (c, w) -> part[c] = Wirelength.wa(c * NET_CHUNK, Math.min(ne, (c + 1) * NET_CHUNK),
                model.netStart, model.netW, px, py, gamma, pgx, pgy, ea, eb, netHp));
        double s = 0;
        for (int c = 0; c < netChunks; c++) {
            s += part[c];
        }
        lastWa = s;
        int nr = model.numReal;
        par.run(Parallel.chunks(nr, OBJ_CHUNK), (c, w) -> Wirelength.gather(c * OBJ_CHUNK,
                Math.min(nr, (c + 1) * OBJ_CHUNK), model.objPinStart, model.objPins, pgx, pgy, wgx, wgy));
        density.update(x, y, false);
        density.gradient(x, y, dgx, dgy);
    }

    /**
     * The density part of {@link #evaluate} for the fillers alone, when only fillers moved since the
     * last evaluation: {@link #dgx}, {@link #dgy} of the fillers and the density maps; the wirelength
     * buffers and the real objects' gradients are left as they were.
     */
    void evaluateFillers(double[] x, double[] y) {
        density.update(x, y, false, true);
        density.gradient(x, y, dgx, dgy, model.numReal);
    }

    /**
     * HPWL of the pin positions of the last {@link #evaluate}: the nets' HPWLs summed in the netlist's
     * net order, in chunks of {@link #NET_CHUNK} nets (the same bits whatever the model's net order).
     */
    double hpwl() {
        int ne = netHp.length;
        int[] newNet = model.newNet;
        double s = 0;
        for (int c = 0; c < netChunks; c++) {
            double part = 0;
            for (int e = c * NET_CHUNK, end = Math.min(ne, e + NET_CHUNK); e < end; e++) {
                part += netHp[newNet == null ? e : newNet[e]];
            }
            s += part;
        }
        return s;
    }

    /** Combines the last gradients into the preconditioned gradient {@code (gx, gy)}. */
    void combine(double lambda, double[] gx, double[] gy) {
        int n = model.numObjects, nr = model.numReal;
        double[] pins = model.objPinCount;
        par.run(Parallel.chunks(n, OBJ_CHUNK), (c, w) -> {
            for (int o = c * OBJ_CHUNK, end = Math.min(n, o + OBJ_CHUNK); o < end; o++) {
                double pre = Math.max(1.0, (o < nr ? pins[o] : 0) + lambda * area[o]);
                double wx = o < nr ? wgx[o] : 0, wy = o < nr ? wgy[o] : 0;
                gx[o] = (wx + lambda * dgx[o]) / pre;
                gy[o] = (wy + lambda * dgy[o]) / pre;
            }
        });
    }

    /** RePlAce's initial density weight: L1 norm of the wirelength gradient over that of the density one. */
    double gradientNormRatio() {
        double w = 0, d = 0;
        for (int o = 0; o < model.numObjects; o++) {
            if (o < model.numReal) {
                w += Math.abs(wgx[o]) + Math.abs(wgy[o]);
            }
            d += Math.abs(dgx[o]) + Math.abs(dgy[o]);
        }
        return d > 0 && w > 0 ? w / d : 1.0;
    }
}
