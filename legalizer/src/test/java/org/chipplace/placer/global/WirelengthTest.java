package org.chipplace.placer.global;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WirelengthTest {

    /** A tiny random design in Wirelength's flat layout: 8 movable objects, fixed pins, 10 nets. */
    private static final class Tiny {
        final int numObj = 8;
        final int[] netStart;
        final double[] netW;
        final int[] pinObj;
        final double[] offX, offY;
        final double[] cx = new double[numObj], cy = new double[numObj];
        double fusedHpwl = Double.NaN;

        Tiny(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            int nets = 10;
            netStart = new int[nets + 1];
            netW = new double[nets];
            int[] deg = new int[nets];
            for (int e = 0; e < nets; e++) {
                deg[e] = 2 + r.nextInt(5);
                netStart[e + 1] = netStart[e] + deg[e];
                netW[e] = 0.5 + r.nextDouble();
            }
            int np = netStart[nets];
            pinObj = new int[np];
            offX = new double[np];
            offY = new double[np];
            for (int p = 0; p < np; p++) {
                boolean fixed = r.nextInt(5) == 0;
                pinObj[p] = fixed ? -1 : r.nextInt(numObj);
                offX[p] = fixed ? r.nextDouble() * 100 : r.nextDouble() * 4 - 2;
                offY[p] = fixed ? r.nextDouble() * 100 : r.nextDouble() * 4 - 2;
            }
            for (int o = 0; o < numObj; o++) {
                cx[o] = r.nextDouble() * 100;
                cy[o] = r.nextDouble() * 100;
            }
        }

        double wa(double gamma, double[] gx, double[] gy) {
            int np = pinObj.length;
            double[] px = new double[np], py = new double[np], pgx = new double[np], pgy = new double[np];
            Wirelength.pinPositions(0, np, pinObj, offX, offY, cx, cy, px, py);
            double[] netHp = new double[netW.length];
            double v = Wirelength.wa(0, netW.length, netStart, netW, px, py, gamma, pgx, pgy, new double[np],
                    new double[np], netHp);
            fusedHpwl = 0;
            for (double h : netHp) {
                fusedHpwl += h;
            }
            if (gx != null) {
                int[] start = new int[numObj + 1];
                for (int o : pinObj) {
                    if (o >= 0) {
                        start[o + 1]++;
                    }
                }
                for (int o = 0; o < numObj; o++) {
                    start[o + 1] += start[o];
                }
                int[] pins = new int[start[numObj]];
                int[] fill = start.clone();
                for (int p = 0; p < np; p++) {
                    if (pinObj[p] >= 0) {
                        pins[fill[pinObj[p]]++] = p;
                    }
                }
                Wirelength.gather(0, numObj, start, pins, pgx, pgy, gx, gy);
            }
            return v;
        }

        double hpwl() {
            int np = pinObj.length;
            double[] px = new double[np], py = new double[np];
            Wirelength.pinPositions(0, np, pinObj, offX, offY, cx, cy, px, py);
            return Wirelength.hpwl(0, netW.length, netStart, netW, px, py);
        }

        double bruteHpwl() {
            double s = 0;
            for (int e = 0; e < netW.length; e++) {
                double xl = Double.MAX_VALUE, xh = -Double.MAX_VALUE, yl = Double.MAX_VALUE, yh = -Double.MAX_VALUE;
                for (int p = netStart[e]; p < netStart[e + 1]; p++) {
                    double x = pinObj[p] >= 0 ? cx[pinObj[p]] + offX[p] : offX[p];
                    double y = pinObj[p] >= 0 ? cy[pinObj[p]] + offY[p] : offY[p];
                    xl = Math.min(xl, x);
                    xh = Math.max(xh, x);
                    yl = Math.min(yl, y);
                    yh = Math.max(yh, y);
                }
                s += netW[e] * (xh - xl + yh - yl);
            }
            return s;
        }
    }

    @Test
    void waGradientMatchesCentralFiniteDifferences() {
        for (long seed = 1; seed <= 3; seed++) {
            Tiny t = new Tiny(seed);
            double gamma = 6.0;
            double[] gx = new double[t.numObj], gy = new double[t.numObj];
            t.wa(gamma, gx, gy);
            double h = 1e-4, err = 0, norm = 0;
            for (int o = 0; o < t.numObj; o++) {
                for (int axis = 0; axis < 2; axis++) {
                    double[] c = axis == 0 ? t.cx : t.cy;
                    double keep = c[o];
                    c[o] = keep + h;
                    double fp = t.wa(gamma, null, null);
                    c[o] = keep - h;
                    double fm = t.wa(gamma, null, null);
                    c[o] = keep;
                    double fd = (fp - fm) / (2 * h);
                    double g = axis == 0 ? gx[o] : gy[o];
                    err += (g - fd) * (g - fd);
                    norm += fd * fd;
                }
            }
            assertThat(norm).isGreaterThan(0);
            assertThat(Math.sqrt(err / norm)).isLessThan(1e-4);
        }
    }

    @Test
    void waApproachesHpwlFromBelowAsGammaShrinks() {
        Tiny t = new Tiny(11);
        double hpwl = t.hpwl();
        double previousGap = Double.MAX_VALUE;
        for (double gamma : new double[] {20, 5, 1, 0.1, 0.01}) {
            double wa = t.wa(gamma, null, null);
            assertThat(wa).isLessThanOrEqualTo(hpwl + 1e-9);
            double gap = hpwl - wa;
            assertThat(gap).isLessThanOrEqualTo(previousGap + 1e-9);
            previousGap = gap;
        }
        assertThat(previousGap / hpwl).isLessThan(1e-3);
    }

    @Test
    void hpwlKernelAndHpwlFusedIntoWaMatchBruteForce() {
        Tiny t = new Tiny(5);
        assertThat(t.hpwl()).isCloseTo(t.bruteHpwl(), org.assertj.core.data.Offset.offset(1e-9 * t.bruteHpwl()));
        t.wa(3.0, null, null);
        assertThat(t.fusedHpwl).isCloseTo(t.bruteHpwl(), org.assertj.core.data.Offset.offset(1e-9 * t.bruteHpwl()));
    }

    @Test
    void aTwoPinNetGivesTheSameBitsAsTheGeneralFourExponentialFormula() {
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 2000; trial++) {
            double x0 = Math.floor(r.nextDouble() * 50), x1 = trial % 7 == 0 ? x0 : r.nextDouble() * 50; // ties too
            double y0 = r.nextDouble() * 50, y1 = r.nextDouble() * 50;
            double gamma = 0.1 + r.nextDouble() * 20, w = 0.5 + r.nextDouble();
            double[] px = {x0, x1}, py = {y0, y1}, pgx = new double[2], pgy = new double[2];
            double v = Wirelength.wa(0, 1, new int[]{0, 2}, new double[]{w}, px, py, gamma, pgx, pgy,
                    new double[2], new double[2], null);
            double[] rx = new double[2], ry = new double[2];
            double ref = w * (generalWaAxis(px, 1 / gamma, w, rx) + generalWaAxis(py, 1 / gamma, w, ry));
            assertThat(v).isEqualTo(ref);
            assertThat(pgx).containsExactly(rx);
            assertThat(pgy).containsExactly(ry);
        }
    }

    @Test
    void aManyPinNetGivesTheSameBitsAsTheFormulaWithEveryExponentialComputed() {
        SplittableRandom r = new SplittableRandom(8);
        for (int trial = 0; trial < 2000; trial++) {
            int k = 3 + r.nextInt(10);
            double[] px = new double[k], py = new double[k];
            for (int p = 0; p < k; p++) { // coarse values: ties at the extremes are common
                px[p] = trial % 3 == 0 ? Math.floor(r.nextDouble() * 4) : r.nextDouble() * 50;
                py[p] = trial % 5 == 0 ? Math.floor(r.nextDouble() * 3) : r.nextDouble() * 50;
            }
            double gamma = 0.1 + r.nextDouble() * 20, w = 0.5 + r.nextDouble();
            double[] pgx = new double[k], pgy = new double[k];
            double v = Wirelength.wa(0, 1, new int[]{0, k}, new double[]{w}, px, py, gamma, pgx, pgy,
                    new double[k], new double[k], null);
            double[] rx = new double[k], ry = new double[k];
            double ref = w * (generalWaAxis(px, 1 / gamma, w, rx) + generalWaAxis(py, 1 / gamma, w, ry));
            assertThat(v).isEqualTo(ref);
            assertThat(pgx).containsExactly(rx);
            assertThat(pgy).containsExactly(ry);
        }
    }

    /** ePlace's WA along one axis of one net with every exponential computed (the general loop). */
    private static double generalWaAxis(double[] x, double invGamma, double w, double[] g) {
        double min = x[0], max = x[0];
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double[] a = new double[x.length], b = new double[x.length];
        double sp = 0, sxp = 0, sm = 0, sxm = 0;
        for (int p = 0; p < x.length; p++) {
            a[p] = Math.exp((x[p] - max) * invGamma);
            b[p] = Math.exp((min - x[p]) * invGamma);
            sp += a[p];
            sxp += x[p] * a[p];
            sm += b[p];
            sxm += x[p] * b[p];
        }
        double xp = sxp / sp, xm = sxm / sm, ip = w / sp, im = w / sm;
        for (int p = 0; p < x.length; p++) {
            g[p] = a[p] * (1 + (x[p] - xp) * invGamma) * ip - b[p] * (1 - (x[p] - xm) * invGamma) * im;
        }
        return xp - xm;
    }
}
