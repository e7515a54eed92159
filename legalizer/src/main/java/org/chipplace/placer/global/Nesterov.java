package org.chipplace.placer.global;

import org.chipplace.parallel.Parallel;
import org.chipplace.placer.ProgressListener;

/**
 * ePlace's Nesterov solver (Lu et al., TODAES 2015, alg. 1): major solution {@code u}, reference
 * solution {@code v}, step from the Lipschitz-constant prediction
 * {@code alpha = |v_k - v_(k-1)| / |g(v_k) - g(v_(k-1))|}, backtracking while the new prediction is
 * below 0.95 of the step used. Density weight, WA smoothing and the stopping rules are {@link Schedule}'s.
 * As in DREAMPlace, the iterate of least overflow is kept: when the HPWL doubles while the overflow
 * gets worse (divergence, seen with overlapping movable macros) or the overflow stalls, the solver
 * stops and returns that iterate. The guards end a run that buys little overflow with much
 * wirelength: while one is active, every window it compares with the previous checkpoint and, when
 * the rule says the window did not pay, returns that checkpoint (the mixed-size wirelength guard only
 * after {@link Schedule#GUARD_MIXED_PATIENCE} failed windows in a row, measured from the checkpoint
 * before the first; the iterate a stop at the first would have returned stays available as
 * {@link #earlyX()}). Cells only, the wirelength guard
 * catches a target overflow below what the bins allow (ibm02 at target 0.04 crept from 0.057 to 0.040
 * while HPWL went from 3.36e6 to 8.03e6); with movable macros, macros stuck on each other at a high
 * overflow; and the tail guard the last percent of overflow that macros resting on each other cannot
 * give up (ICCAD04 ibm03: 0.014 to 0.010 over 460 iterations while HPWL tripled).
 * All vectors are preallocated; objects are clamped into the core after every move.
 */
final class Nesterov {
    private final PlacementModel model;
    private final Objective f;
    private final GlobalPlacerOptions opt;
    private final ProgressListener progress;
    private final int n;
    private final Parallel par;
    /** Objects per chunk of the parallel element-wise steps. */
    private static final int STEP_CHUNK = 8192;
    private final double[] bestX, bestY, guardX, guardY;
    private double[] earlyX, earlyY; // see earlyX()
    private int earlyKept = -1;
    private double[] ux, uy, vx, vy, gx, gy, nux, nuy, nvx, nvy, ngx, ngy;
    private final double[] hpwlTrace, overflowTrace;
    private int iterations;
    private int kept = -1;
    private double overflow;

    Nesterov(PlacementModel model, Objective f, GlobalPlacerOptions opt, ProgressListener progress) {
        this.model = model;
        this.f = f;
        this.opt = opt;
        this.progress = progress;
        this.par = f.par();
        this.n = model.numObjects;
        ux = model.cx.clone();
        uy = model.cy.clone();
        vx = model.cx.clone();
        vy = model.cy.clone();
        gx = new double[n];
        gy = new double[n];
        nux = new double[n];
        nuy = new double[n];
        nvx = new double[n];
        nvy = new double[n];
        ngx = new double[n];
        ngy = new double[n];
        bestX = new double[n];
        bestY = new double[n];
        guardX = new double[n];
        guardY = new double[n];
        hpwlTrace = new double[opt.maxIterations()];
        overflowTrace = new double[opt.maxIterations()];
    }

    double[] x() {
        return vx;
    }

    double[] y() {
        return vy;
    }

    int iterations() {
        return iterations;
    }

    double overflow() {
        return overflow;
    }

    /** The 0-based iteration whose placement {@link #x()}, {@link #y()} hold after {@link #run}. */
    int keptIteration() {
        return kept;
    }

    /**
     * The iterate a stop at the first failed window of the mixed-size wirelength guard returns, when the
     * run went on past it ({@link Schedule#GUARD_MIXED_PATIENCE}) and returned another iterate; null
     * otherwise. {@link #earlyKeptIteration()} is its iteration.
     */
    double[] earlyX() {
        return earlyKept >= 0 && earlyKept != kept ? earlyX : null;
    }

    double[] earlyY() {
        return earlyKept >= 0 && earlyKept != kept ? earlyY : null;
    }

    int earlyKeptIteration() {
        return earlyKept;
    }

    double[] hpwlTrace() {
        return hpwlTrace;
    }

    double[] overflowTrace() {
        return overflowTrace;
    }

    void run() {
        DensityModel dens = f.density;
        double binSize = 0.5 * (dens.binW + dens.binH);
        model.clamp(0, n, vx, vy);
        model.clamp(0, n, ux, uy);
        if (opt.initialPlacementIterations() == 0 && n > model.numReal) {
            settleFillers(binSize);
        }
        f.evaluate(vx, vy, Schedule.gamma(opt.gammaScale(), binSize, 1.0));
        overflow = dens.overflow();
        double gamma = Schedule.gamma(opt.gammaScale(), binSize, overflow);
        f.evaluate(vx, vy, gamma);
        boolean macrosMove = false;
        for (int o = 0; o < model.numReal && !macrosMove; o++) {
            macrosMove = model.objMacro[o];
        }
        double lambda = opt.initialDensityWeight() > 0 ? opt.initialDensityWeight()
                : Schedule.LAMBDA_FACTOR * f.gradientNormRatio()
                * (opt.initialPlacementIterations() == 0 ? Schedule.REFINEMENT_LAMBDA_SCALE : 1);
        double hpwl = f.hpwl();
        f.combine(lambda, gx, gy);
        // initial step: a small probe move along the gradient
        double gmax = 0;
        for (int i = 0; i < n; i++) {
            gmax = Math.max(gmax, Math.max(Math.abs(gx[i]), Math.abs(gy[i])));
        }
        double probe = gmax > 0 ? 0.01 * binSize / gmax : 0;
        for (int i = 0; i < n; i++) {
            nvx[i] = vx[i] - probe * gx[i];
            nvy[i] = vy[i] - probe * gy[i];
        }
        model.clamp(0, n, nvx, nvy);
        f.evaluate(nvx, nvy, gamma);
        f.combine(lambda, ngx, ngy);
        double alpha = ratio(nvx, nvy, vx, vy, ngx, ngy, gx, gy, binSize);
        double refFraction = macrosMove ? Schedule.REF_HPWL_FRACTION_MIXED : Schedule.REF_HPWL_FRACTION;
        // a floor for the reference: every net spanning one bin (the HPWL of a collapsed start is ~0)
        double hpwlFloor = 0;
        for (double w : model.netW) {
            hpwlFloor += w * binSize;
        }
        double a = 1;
        int max = opt.maxIterations();
        double bestOverflow = Double.MAX_VALUE, bestHpwl = 0;
        int bestIt = 0;
        int guardIt = -1;
        double guardHpwl = 0, guardOverflow = 0;
        boolean guarded = false;
        int strikes = 0; // consecutive failed guard windows, measured from the same checkpoint
        int checkAt = 0; // iteration of the next guard check
        for (int it = 0; it < max; it++) {
            double alphaNew = alpha, aNew = a;
            for (int bt = 0; bt < Schedule.MAX_BACKTRACK; bt++) {
                aNew = (1 + Math.sqrt(4 * a * a + 1)) / 2;
                step(alpha, (a - 1) / aNew, 0);
                f.evaluate(nvx, nvy, gamma);
                f.combine(lambda, ngx, ngy);
                alphaNew = ratio(nvx, nvy, vx, vy, ngx, ngy, gx, gy, alpha);
                if (alphaNew > 0.95 * alpha) {
                    break;
                }
                alpha = alphaNew;
            }
            acceptStep();
            alpha = alphaNew;
            a = aNew;
            overflow = dens.overflow();
            double h = f.hpwl();
            hpwlTrace[it] = h;
            overflowTrace[it] = overflow;
            iterations = it + 1;
            lambda *= Schedule.mu(h - hpwl, refFraction * Math.max(hpwl, hpwlFloor));
            hpwl = h;
            gamma = Schedule.gamma(opt.gammaScale(), binSize, overflow);
            boolean done = overflow <= opt.targetOverflow();
            if (overflow < bestOverflow) {
                System.arraycopy(vx, 0, bestX, 0, n);
                System.arraycopy(vy, 0, bestY, 0, n);
                bestOverflow = overflow;
                bestHpwl = h;
                bestIt = it;
            } else if ((bestOverflow < Schedule.DIVERGENCE_CHECK_BELOW && h > Schedule.DIVERGENCE_HPWL * bestHpwl
                    && overflow > bestOverflow + Schedule.DIVERGENCE_OVERFLOW)
                    || Schedule.stalled(macrosMove, it - bestIt, bestOverflow)) {
                done = true; // diverged or stalled: fall back to the least-overflow iterate below
            }
            int window = Schedule.guardWindow(macrosMove, overflow);
            if (window == 0) {
                guardIt = -1;
                strikes = 0;
            } else if (!done && (guardIt < 0 || it >= checkAt)) {
                checkAt = it + window;
                boolean fails = guardIt >= 0 && Schedule.guardStops(macrosMove, guardHpwl, guardOverflow, h, overflow);
                strikes = fails ? strikes + 1 : 0;
                int patience = Schedule.guardPatience(macrosMove, overflow);
                if (fails && strikes == 1 && patience > 1 && earlyX == null) {
                    // what a stop at the first failed window returns: kept as the alternative
                    earlyX = guardX.clone();
                    earlyY = guardY.clone();
                    earlyKept = guardIt;
                }
                if (fails && strikes >= patience) {
                    guarded = true; // the last windows bought little overflow with much wirelength
                    done = true;
                } else if (!fails) {
                    System.arraycopy(vx, 0, guardX, 0, n);
                    System.arraycopy(vy, 0, guardY, 0, n);
                    guardIt = it;
                    guardHpwl = h;
                    guardOverflow = overflow;
                }
            }
            if (done || it % GlobalPlacer.REPORT_EVERY == 0 || it == max - 1) {
                progress.report("global", it, done ? 1.0 : Math.min(1.0, (double) it / max), h, overflow);
            }
            if (done) {
                break;
            }
        }
        kept = iterations - 1;
        if (guarded) {
            System.arraycopy(guardX, 0, vx, 0, n);
            System.arraycopy(guardY, 0, vy, 0, n);
            overflow = guardOverflow;
            kept = guardIt;
        } else if (overflow > bestOverflow) {
            System.arraycopy(bestX, 0, vx, 0, n);
            System.arraycopy(bestY, 0, vy, 0, n);
            overflow = bestOverflow;
            kept = bestIt;
        }
    }

    /**
     * ePlace-MS's filler-only placement before a refinement (cGP after macro legalization): the real
     * objects stay where they are and the fillers, which start at random positions, follow the density
     * gradient alone for {@link Schedule#FILLER_ITERATIONS} Nesterov steps, so that they settle into the
     * whitespace instead of pushing the already spread cells around. Updates {@code u = v} (fillers only).
     */
    private void settleFillers(double binSize) {
        int r = model.numReal;
        double gamma = Schedule.gamma(opt.gammaScale(), binSize, 1.0);
        f.evaluate(vx, vy, gamma);
        f.combine(1.0, gx, gy);
        zeroReal(gx, gy);
        double gmax = 0;
        for (int i = r; i < n; i++) {
            gmax = Math.max(gmax, Math.max(Math.abs(gx[i]), Math.abs(gy[i])));
        }
        if (!(gmax > 0)) {
            return;
        }
        double probe = 0.01 * binSize / gmax;
        System.arraycopy(vx, 0, nvx, 0, n);
        System.arraycopy(vy, 0, nvy, 0, n);
        for (int i = r; i < n; i++) {
            nvx[i] = vx[i] - probe * gx[i];
            nvy[i] = vy[i] - probe * gy[i];
        }
        model.clamp(r, n, nvx, nvy);
        f.evaluateFillers(nvx, nvy);
        f.combine(1.0, ngx, ngy);
        zeroReal(ngx, ngy);
        double alpha = ratio(nvx, nvy, vx, vy, ngx, ngy, gx, gy, probe);
        double a = 1;
        System.arraycopy(vx, 0, nux, 0, n);
        System.arraycopy(vy, 0, nuy, 0, n);
        for (int it = 0; it < Schedule.FILLER_ITERATIONS; it++) {
            double aNew = (1 + Math.sqrt(4 * a * a + 1)) / 2;
            step(alpha, (a - 1) / aNew, r); // the fillers only
            f.evaluateFillers(nvx, nvy);
            f.combine(1.0, ngx, ngy);
            zeroReal(ngx, ngy);
            double alphaNew = ratio(nvx, nvy, vx, vy, ngx, ngy, gx, gy, alpha);
            acceptStep();
            alpha = alphaNew;
            a = aNew;
        }
        System.arraycopy(vx, 0, ux, 0, n);
        System.arraycopy(vy, 0, uy, 0, n);
    }

    /**
     * One Nesterov move from (u, v, g) into (nu, nv), element by element in parallel chunks (each element
     * is computed as in a plain loop, so the result does not depend on the chunks):
     * {@code nu = clamp(v - alpha g)}, {@code nv = clamp(nu + coef (nu - u))}, for objects
     * {@code [from, n)} (the others' entries are left as they are).
     */
    private void step(double alpha, double coef, int from) {
        double[] ux = this.ux, uy = this.uy, vx = this.vx, vy = this.vy, gx = this.gx, gy = this.gy;
        double[] nux = this.nux, nuy = this.nuy, nvx = this.nvx, nvy = this.nvy;
        par.run(Parallel.chunks(n - from, STEP_CHUNK), (c, w) -> {
            int i0 = from + c * STEP_CHUNK, i1 = Math.min(n, i0 + STEP_CHUNK);
            for (int i = i0; i < i1; i++) {
                nux[i] = vx[i] - alpha * gx[i];
                nuy[i] = vy[i] - alpha * gy[i];
            }
            model.clamp(i0, i1, nux, nuy);
            for (int i = i0; i < i1; i++) {
                nvx[i] = nux[i] + coef * (nux[i] - ux[i]);
                nvy[i] = nuy[i] + coef * (nuy[i] - uy[i]);
            }
            model.clamp(i0, i1, nvx, nvy);
        });
    }

    /** The new iterate (nu, nv, ng) becomes the current one (u, v, g); the old buffers are reused. */
    private void acceptStep() {
        double[] t;
        t = ux; ux = nux; nux = t;
        t = uy; uy = nuy; nuy = t;
        t = vx; vx = nvx; nvx = t;
        t = vy; vy = nvy; nvy = t;
        t = gx; gx = ngx; ngx = t;
        t = gy; gy = ngy; ngy = t;
    }

    private void zeroReal(double[] x, double[] y) {
        for (int i = 0; i < model.numReal; i++) {
            x[i] = 0;
            y[i] = 0;
        }
    }

    /** Lipschitz step prediction |x1 - x0| / |g1 - g0|; {@code fallback} when the gradients coincide. */
    private double ratio(double[] x1, double[] y1, double[] x0, double[] y0, double[] g1x, double[] g1y,
                         double[] g0x, double[] g0y, double fallback) {
        double dx = 0, dg = 0;
        for (int i = 0; i < n; i++) {
            double a = x1[i] - x0[i], b = y1[i] - y0[i];
            dx += a * a + b * b;
            double c = g1x[i] - g0x[i], d = g1y[i] - g0y[i];
            dg += c * c + d * d;
        }
        if (!(dg > 0) || !(dx > 0)) {
            return fallback;
        }
        return Math.sqrt(dx / dg);
    }
}
