package org.chipplace.placer.global;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.chipplace.parallel.Parallel;
import org.junit.jupiter.api.Test;

class PoissonSolverTest {

    /** Direct O(m^4) evaluation of the cosine/sine series of {@link PoissonSolver}'s documentation. */
    private static double[][] bruteForce(double[] rho, int m, double lx, double ly) {
        double[] psi = new double[m * m], ex = new double[m * m], ey = new double[m * m];
        for (int u = 0; u < m; u++) {
            for (int v = 0; v < m; v++) {
                if (u == 0 && v == 0) {
                    continue;
                }
                double a = 0;
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        a += rho[i * m + j] * Math.cos(Math.PI * u * (i + 0.5) / m) * Math.cos(Math.PI * v * (j + 0.5) / m);
                    }
                }
                double wu = Math.PI * u / lx, wv = Math.PI * v / ly;
                double c = a * (u == 0 ? 1 : 2) * (v == 0 ? 1 : 2) / (m * m) / (wu * wu + wv * wv);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        double cu = Math.cos(Math.PI * u * (i + 0.5) / m), su = Math.sin(Math.PI * u * (i + 0.5) / m);
                        double cv = Math.cos(Math.PI * v * (j + 0.5) / m), sv = Math.sin(Math.PI * v * (j + 0.5) / m);
                        psi[i * m + j] += c * cu * cv;
                        ex[i * m + j] += c * wu * su * cv;
                        ey[i * m + j] += c * wv * cu * sv;
                    }
                }
            }
        }
        return new double[][] {psi, ex, ey};
    }

    @Test
    void potentialAndFieldMatchDirectSeriesOnEightByEightGrid() {
        int m = 8;
        double lx = 40, ly = 24;
        double[] rho = new double[m * m];
        SplittableRandom r = new SplittableRandom(3);
        for (int b = 0; b < rho.length; b++) {
            rho[b] = r.nextDouble() * 1.5;
        }
        for (int threads : new int[] {1, 2}) {
            try (Parallel par = new Parallel(threads)) {
                PoissonSolver s = new PoissonSolver(m, lx, ly, par);
                double[] psi = new double[m * m], ex = new double[m * m], ey = new double[m * m];
                s.solve(rho, ex, ey, psi);
                double[][] ref = bruteForce(rho, m, lx, ly);
                for (int b = 0; b < m * m; b++) {
                    assertThat(psi[b]).isCloseTo(ref[0][b], org.assertj.core.data.Offset.offset(1e-9));
                    assertThat(ex[b]).isCloseTo(ref[1][b], org.assertj.core.data.Offset.offset(1e-9));
                    assertThat(ey[b]).isCloseTo(ref[2][b], org.assertj.core.data.Offset.offset(1e-9));
                }
            }
        }
    }

    @Test
    void potentialSatisfiesPoissonEquationForSmoothDensity() {
        int m = 64;
        double lx = 64, ly = 64;
        double[] rho = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double x = i + 0.5 - 32, y = j + 0.5 - 32;
                rho[i * m + j] = Math.exp(-(x * x + y * y) / 50.0);
            }
        }
        double mean = 0;
        for (double v : rho) {
            mean += v / rho.length;
        }
        try (Parallel par = new Parallel(1)) {
            PoissonSolver s = new PoissonSolver(m, lx, ly, par);
            double[] psi = new double[m * m], ex = new double[m * m], ey = new double[m * m];
            s.solve(rho, ex, ey, psi);
            for (int i = 20; i < 44; i += 3) {
                for (int j = 20; j < 44; j += 3) {
                    int b = i * m + j;
                    double lap = psi[b + m] + psi[b - m] + psi[b + 1] + psi[b - 1] - 4 * psi[b];
                    assertThat(-lap).isCloseTo(rho[b] - mean, org.assertj.core.data.Offset.offset(0.02));
                    // the field is minus the gradient of the potential
                    assertThat(ex[b]).isCloseTo(-(psi[b + m] - psi[b - m]) / 2, org.assertj.core.data.Offset.offset(0.02));
                    assertThat(ey[b]).isCloseTo(-(psi[b + 1] - psi[b - 1]) / 2, org.assertj.core.data.Offset.offset(0.02));
                }
            }
            // a positive charge pushes outwards
            assertThat(ex[40 * m + 32]).isGreaterThan(0);
            assertThat(ex[24 * m + 32]).isLessThan(0);
        }
    }
}
