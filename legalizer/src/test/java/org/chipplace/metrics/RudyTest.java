package org.chipplace.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Placement;
import org.junit.jupiter.api.Test;

class RudyTest {

    /** Two 2 x 10 cells joined by one net with pins at their centres. */
    private static Netlist twoPinNet(double weight) {
        NetlistBuilder b = Reference.rows100("rudy");
        int a = b.addMovable("a", 2, 10);
        int c = b.addMovable("c", 2, 10);
        b.addNet("n", weight);
        b.addPin(a, 0, 0, Netlist.DIR_OUTPUT);
        b.addPin(c, 0, 0, Netlist.DIR_INPUT);
        return b.build();
    }

    private static Placement centres(double x1, double y1, double x2, double y2) {
        return Reference.at(x1 - 1, y1 - 5, x2 - 1, y2 - 5);
    }

    @Test
    void oneNetEqualsHandComputation() {
        Netlist nl = twoPinNet(2);
        // box [15, 55] x [15, 35]: W = 40, H = 20, density 2 * 60 / 800 = 0.15 per unit area
        RudyReport r = Rudy.compute(nl, centres(15, 15, 55, 35), new MetricsOptions(10, 1, 0.5));
        assertThat(r.nx()).isEqualTo(10);
        double scale = 1 / (100 * 0.5);
        double[] expected = new double[100];
        expected[1 * 10 + 1] = 0.15 * 25 * scale; // corner bin (1,1): 5 x 5
        expected[5 * 10 + 3] = 0.15 * 25 * scale; // corner bin (5,3): 5 x 5
        expected[1 * 10 + 2] = 0.15 * 50 * scale; // left column (1,2): 5 x 10
        expected[5 * 10 + 2] = 0.15 * 50 * scale;
        for (int ix = 2; ix <= 4; ix++) {
            expected[ix * 10 + 1] = 0.15 * 50 * scale; // bottom row 10 x 5
            expected[ix * 10 + 3] = 0.15 * 50 * scale; // top row 10 x 5
            expected[ix * 10 + 2] = 0.15 * 100 * scale; // interior
        }
        expected[1 * 10 + 3] = 0.15 * 25 * scale;
        expected[5 * 10 + 1] = 0.15 * 25 * scale;
        for (int b = 0; b < 100; b++) {
            assertThat(r.map()[b]).as("bin %d", b).isCloseTo(expected[b], within(1e-12));
        }
        assertThat(r.peak()).isCloseTo(0.15 * 100 * scale, within(1e-12));
        assertThat(r.totalOverflow()).isZero();
    }

    @Test
    void degenerateNetIsWidenedToOneBinAndKeepsItsWirelength() {
        Netlist nl = twoPinNet(1);
        // horizontal net at y = 55 from x = 12 to 52: H = 0, widened to [50, 60], density 40 / 400
        RudyReport r = Rudy.compute(nl, centres(12, 55, 52, 55), new MetricsOptions(10, 1, 1));
        assertThat(r.map()[1 * 10 + 5]).isCloseTo(0.1 * 8 * 10 / 100, within(1e-12));
        for (int ix = 2; ix <= 4; ix++) {
            assertThat(r.map()[ix * 10 + 5]).isCloseTo(0.1, within(1e-12));
        }
        assertThat(r.map()[5 * 10 + 5]).isCloseTo(0.1 * 2 * 10 / 100, within(1e-12));
        double sum = 0;
        for (double v : r.map()) {
            sum += v * 100;
        }
        assertThat(sum).isCloseTo(40, within(1e-9));
        // a point net at the core edge is widened inwards; a net with all pins at one point adds nothing
        RudyReport point = Rudy.compute(nl, centres(30, 30, 30, 30), new MetricsOptions(10, 1, 1));
        assertThat(point.peak()).isZero();
        RudyReport edge = Rudy.compute(nl, centres(0, 1, 0, 9), new MetricsOptions(10, 1, 1));
        assertThat(edge.map()[0]).isCloseTo(8 / 100.0, within(1e-12));
    }

    @Test
    void totalOverflowSumsDemandAboveCapacity() {
        NetlistBuilder b = Reference.rows100("hot");
        int a = b.addMovable("a", 2, 10);
        int c = b.addMovable("c", 2, 10);
        for (int k = 0; k < 30; k++) {
            b.addNet("n" + k, 1);
            b.addPin(a, 0, 0, Netlist.DIR_OUTPUT);
            b.addPin(c, 0, 0, Netlist.DIR_INPUT);
        }
        Netlist nl = b.build();
        // 30 nets on box [12, 28] x [12, 18]: W = 16, H = 6 widened to 10 (fits in [10, 20])
        RudyReport r = Rudy.compute(nl, centres(12, 12, 28, 18), new MetricsOptions(10, 1, 1));
        double d = 30 * 22.0 / (16 * 10);
        double bin1 = d * 8 * 10 / 100, bin2 = d * 8 * 10 / 100; // (1,1): [12,20], (2,1): [20,28]
        assertThat(r.map()[11]).isCloseTo(bin1, within(1e-12));
        assertThat(r.map()[21]).isCloseTo(bin2, within(1e-12));
        assertThat(r.totalOverflow()).isCloseTo((bin1 - 1) * 100 + (bin2 - 1) * 100, within(1e-9));
        assertThat(r.peak()).isCloseTo(Math.max(bin1, bin2), within(1e-12));
    }

    @Test
    void matchesDirectIntersectionOnRandomDesigns() {
        for (long seed = 1; seed <= 15; seed++) {
            Netlist nl = HpwlTest.randomDesign(seed, 50, 40);
            Placement p = HpwlTest.randomPlacement(seed + 3, nl.numNodes());
            MetricsOptions o = new MetricsOptions(seed % 3 == 0 ? 0 : 2 + seed, 1, 0.25 * seed);
            RudyReport r = Rudy.compute(nl, p, o);
            double bw = 100.0 / r.nx(), bh = 100.0 / r.ny();
            double[] ref = new double[r.nx() * r.ny()];
            for (int e = 0; e < nl.numNets(); e++) {
                int[] nps = nl.netPinStart();
                if (nps[e + 1] - nps[e] < 2) {
                    continue;
                }
                double xl = 1e300, xh = -1e300, yl = 1e300, yh = -1e300;
                for (int q = nps[e]; q < nps[e + 1]; q++) {
                    int v = nl.pinNode()[q];
                    double px = p.x()[v] + nl.widths()[v] / 2 + nl.pinDx()[q];
                    double py = p.y()[v] + nl.heights()[v] / 2 + nl.pinDy()[q];
                    xl = Math.min(xl, px);
                    xh = Math.max(xh, px);
                    yl = Math.min(yl, py);
                    yh = Math.max(yh, py);
                }
                double wl = nl.netWeights()[e] * (xh - xl + yh - yl);
                double[] bx = widen(xl, xh, bw), by = widen(yl, yh, bh);
                double dens = wl / ((bx[1] - bx[0]) * (by[1] - by[0]));
                for (int ix = 0; ix < r.nx(); ix++) {
                    for (int iy = 0; iy < r.ny(); iy++) {
                        ref[ix * r.ny() + iy] += dens * Reference.inBin(bx[0], by[0], bx[1], by[1], 0, 0, bw, bh, ix, iy)
                                / (bw * bh * o.rudyCapacity());
                    }
                }
            }
            double peak = 0;
            for (int b = 0; b < ref.length; b++) {
                assertThat(r.map()[b]).as("seed %d bin %d", seed, b).isCloseTo(ref[b], within(1e-9 * (1 + ref[b])));
                peak = Math.max(peak, ref[b]);
            }
            assertThat(r.peak()).isCloseTo(peak, within(1e-9 * (1 + peak)));
        }
    }

    /** The widening rule of {@link Rudy}, restated for the 0..100 core. */
    private static double[] widen(double lo, double hi, double bin) {
        if (hi - lo >= bin) {
            return new double[] {lo, hi};
        }
        double l = (lo + hi) / 2 - bin / 2;
        if (l < 0 && l + bin > 0) {
            l = 0;
        } else if (l + bin > 100 && l < 100) {
            l = 100 - bin;
        }
        return new double[] {l, l + bin};
    }
}
