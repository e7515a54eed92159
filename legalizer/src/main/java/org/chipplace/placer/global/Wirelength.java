package org.chipplace.placer.global;

/**
 * Wirelength kernels over flat pin arrays: pin positions, the weighted-average (WA) wirelength of
 * Hsu et al. (DAC 2011) as used in ePlace (Lu et al., TODAES 2015, eq. 6) with its analytic gradient,
 * and the half-perimeter wirelength (HPWL).
 *
 * <p>Pin {@code p} sits at {@code (cx[pinObj[p]] + offX[p], cy[pinObj[p]] + offY[p])} when
 * {@code pinObj[p] >= 0} (a pin of a movable object, offset from its centre) and at the absolute
 * position {@code (offX[p], offY[p])} otherwise (a fixed pin). The pins of net {@code e} are
 * {@code netStart[e] .. netStart[e+1]-1}; nets of weight 0 are skipped. All methods work on a range
 * of nets or objects so that callers can split the work into chunks; a range writes only the pin
 * entries of its own nets (or the object entries of its own objects).
 */
final class Wirelength {
    private Wirelength() {
    }

    /** Pin positions of pins {@code [p0, p1)} into {@code px, py}. */
    static void pinPositions(int p0, int p1, int[] pinObj, double[] offX, double[] offY, double[] cx, double[] cy,
                             double[] px, double[] py) {
        for (int p = p0; p < p1; p++) {
            int o = pinObj[p];
            if (o >= 0) {
                px[p] = cx[o] + offX[p];
                py[p] = cy[o] + offY[p];
            } else {
                px[p] = offX[p];
                py[p] = offY[p];
            }
        }
    }

    /**
     * Weighted-average wirelength of nets {@code [e0, e1)} (x plus y, times the net weights) at smoothing
     * {@code gamma}; writes the gradient with respect to each pin's position into {@code pgx, pgy}.
     * {@code ea, eb} are per-pin scratch arrays. When {@code netHp} is not null, each net's weighted HPWL
     * is stored in {@code netHp[e]} (0 for nets of weight 0), so that callers can sum them in any order.
     */
    static double wa(int e0, int e1, int[] netStart, double[] netW, double[] px, double[] py, double gamma,
                     double[] pgx, double[] pgy, double[] ea, double[] eb, double[] netHp) {
        double invGamma = 1.0 / gamma;
        double sum = 0;
        for (int e = e0; e < e1; e++) {
            double w = netW[e];
            int s = netStart[e];
            int t = netStart[e + 1];
            if (w == 0) {
                for (int p = s; p < t; p++) {
                    pgx[p] = 0;
                    pgy[p] = 0;
                }
                if (netHp != null) {
                    netHp[e] = 0;
                }
                continue;
            }
            double xl = px[s], xh = xl, yl = py[s], yh = yl;
            for (int p = s + 1; p < t; p++) {
                double x = px[p];
                double y = py[p];
                xl = Math.min(xl, x);
                xh = Math.max(xh, x);
                yl = Math.min(yl, y);
                yh = Math.max(yh, y);
            }
            if (netHp != null) {
                netHp[e] = w * ((xh - xl) + (yh - yl));
            }
            sum += w * (waAxis(s, t, px, xl, xh, invGamma, w, pgx, ea, eb)
                    + waAxis(s, t, py, yl, yh, invGamma, w, pgy, ea, eb));
        }
        return sum;
    }

    private static double waAxis(int s, int t, double[] x, double min, double max, double invGamma, double w,
                                 double[] g, double[] ea, double[] eb) {
        if (t - s == 2) {
            return waAxis2(s, x, min, max, invGamma, w, g);
        }
        double sp = 0, sxp = 0, sm = 0, sxm = 0;
        for (int p = s; p < t; p++) {
            double v = x[p];
            // exp(0) = 1 exactly: the pins at the extremes skip their exponential (same bits)
            double a = v == max ? 1.0 : Math.exp((v - max) * invGamma);
            double b = v == min ? 1.0 : Math.exp((min - v) * invGamma);
            ea[p] = a;
            eb[p] = b;
            sp += a;
            sxp += v * a;
            sm += b;
            sxm += v * b;
        }
        double xp = sxp / sp;
        double xm = sxm / sm;
        double ip = w / sp;
        double im = w / sm;
        for (int p = s; p < t; p++) {
            double v = x[p];
            g[p] = ea[p] * (1 + (v - xp) * invGamma) * ip - eb[p] * (1 - (v - xm) * invGamma) * im;
        }
        return xp - xm;
    }

    /**
     * {@link #waAxis} of a two-pin net with one exponential instead of four: the pin at the maximum has
     * {@code exp(0) = 1} for {@code a}, the one at the minimum {@code 1} for {@code b}, and the other two
     * are both {@code exp((min - max) / gamma)}. The sums run in the same order as the general loop, so
     * the result is the same to the last bit.
     */
    private static double waAxis2(int s, double[] x, double min, double max, double invGamma, double w, double[] g) {
        double v0 = x[s], v1 = x[s + 1];
        double e = Math.exp((min - max) * invGamma);
        double a0, a1, b0, b1;
        if (v1 >= v0) { // v1 is the maximum, v0 the minimum
            a0 = e;
            a1 = 1;
            b0 = 1;
            b1 = e;
        } else {
            a0 = 1;
            a1 = e;
            b0 = e;
            b1 = 1;
        }
        double sp = 0, sxp = 0, sm = 0, sxm = 0;
        sp += a0;
        sxp += v0 * a0;
        sm += b0;
        sxm += v0 * b0;
        sp += a1;
        sxp += v1 * a1;
        sm += b1;
        sxm += v1 * b1;
        double xp = sxp / sp;
        double xm = sxm / sm;
        double ip = w / sp;
        double im = w / sm;
        g[s] = a0 * (1 + (v0 - xp) * invGamma) * ip - b0 * (1 - (v0 - xm) * invGamma) * im;
        g[s + 1] = a1 * (1 + (v1 - xp) * invGamma) * ip - b1 * (1 - (v1 - xm) * invGamma) * im;
        return xp - xm;
    }

    /** Weighted HPWL of nets {@code [e0, e1)}. */
    static double hpwl(int e0, int e1, int[] netStart, double[] netW, double[] px, double[] py) {
        return hpwl(e0, e1, null, netStart, netW, px, py);
    }

    /**
     * Weighted HPWL of nets {@code order[k]} for {@code k} in {@code [k0, k1)}, summed in that order (the
     * nets {@code [k0, k1)} themselves when {@code order} is null).
     */
    static double hpwl(int k0, int k1, int[] order, int[] netStart, double[] netW, double[] px, double[] py) {
        double sum = 0;
        for (int k = k0; k < k1; k++) {
            int e = order == null ? k : order[k];
            double w = netW[e];
            if (w == 0) {
                continue;
            }
            int s = netStart[e];
            int t = netStart[e + 1];
            double xl = px[s], xh = xl, yl = py[s], yh = yl;
            for (int p = s + 1; p < t; p++) {
                double x = px[p];
                double y = py[p];
                xl = Math.min(xl, x);
                xh = Math.max(xh, x);
                yl = Math.min(yl, y);
                yh = Math.max(yh, y);
            }
            sum += w * ((xh - xl) + (yh - yl));
        }
        return sum;
    }

    /**
     * Sums the pin gradients of objects {@code [o0, o1)} into {@code gx, gy} (overwritten), in the fixed
     * order of {@code objPins}.
     */
    static void gather(int o0, int o1, int[] objPinStart, int[] objPins, double[] pgx, double[] pgy, double[] gx,
                       double[] gy) {
        for (int o = o0; o < o1; o++) {
            double sx = 0, sy = 0;
            for (int k = objPinStart[o], end = objPinStart[o + 1]; k < end; k++) {
                int p = objPins[k];
                sx += pgx[p];
                sy += pgy[p];
            }
            gx[o] = sx;
            gy[o] = sy;
        }
    }
}
