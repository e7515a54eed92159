package org.chipplace.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Placement;
import org.junit.jupiter.api.Test;

class HpwlTest {

    /** Random design: n nodes (every 7th a macro, every 11th fixed), m nets of degree 1..6. */
    static Netlist randomDesign(long seed, int n, int m) {
        SplittableRandom r = new SplittableRandom(seed);
        NetlistBuilder b = Reference.rows100("rand" + seed);
        for (int v = 0; v < n; v++) {
            if (v % 11 == 5) {
                b.addFixed("f" + v, 1 + r.nextInt(20), 1 + r.nextInt(20), v % 22 == 5);
            } else if (v % 7 == 3) {
                b.addMovable("m" + v, 5 + r.nextInt(30), 11 + r.nextInt(30));
            } else {
                b.addMovable("c" + v, 1 + r.nextInt(6), 10);
            }
        }
        for (int e = 0; e < m; e++) {
            b.addNet("n" + e, 0.5 + r.nextInt(4));
            int deg = 1 + r.nextInt(6);
            for (int k = 0; k < deg; k++) {
                b.addPin(r.nextInt(n), r.nextDouble() - 0.5, r.nextDouble() - 0.5, Netlist.DIR_INPUT);
            }
        }
        return b.build();
    }

    static Placement randomPlacement(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        Placement p = new Placement(n);
        for (int v = 0; v < n; v++) {
            p.x()[v] = r.nextDouble(-10, 100);
            p.y()[v] = r.nextDouble(-10, 100);
        }
        return p;
    }

    @Test
    void totalAndWeightedMatchPerPinLoops() {
        for (long seed = 1; seed <= 20; seed++) {
            Netlist nl = randomDesign(seed, 40, 60);
            Placement p = randomPlacement(seed + 100, nl.numNodes());
            double total = 0, weighted = 0;
            for (int e = 0; e < nl.numNets(); e++) {
                double l = Reference.netHpwl(nl, p.x(), p.y(), e);
                total += l;
                weighted += nl.netWeights()[e] * l;
            }
            assertThat(Hpwl.total(nl, p.x(), p.y())).isCloseTo(total, within(1e-9 * total));
            assertThat(Hpwl.weighted(nl, p.x(), p.y())).isCloseTo(weighted, within(1e-9 * weighted));
        }
    }

    @Test
    void twoPinNetUsesCentresPlusOffsets() {
        NetlistBuilder b = Reference.rows100("two");
        int a = b.addMovable("a", 4, 10);
        int c = b.addMovable("c", 2, 10);
        b.addNet("n", 3);
        b.addPin(a, 1, -2, Netlist.DIR_OUTPUT);
        b.addPin(c, -0.5, 3, Netlist.DIR_INPUT);
        Netlist nl = b.build();
        Placement p = Reference.at(10, 20, 30, 50);
        // pin a at (10+2+1, 20+5-2) = (13, 23); pin c at (30+1-0.5, 50+5+3) = (30.5, 58)
        double expected = (30.5 - 13) + (58 - 23);
        assertThat(Hpwl.total(nl, p.x(), p.y())).isCloseTo(expected, within(1e-12));
        assertThat(Hpwl.weighted(nl, p.x(), p.y())).isCloseTo(3 * expected, within(1e-12));
    }

    @Test
    void netsWithFewerThanTwoPinsContributeNothing() {
        NetlistBuilder b = Reference.rows100("single");
        int a = b.addMovable("a", 4, 10);
        b.addNet("one", 1);
        b.addPin(a, 1, 1, Netlist.DIR_OUTPUT);
        b.addNet("empty", 1);
        Netlist nl = b.build();
        Placement p = Reference.at(10, 20);
        double[] out = {-1, -1};
        Hpwl.perNet(nl, p.x(), p.y(), out);
        assertThat(out).containsExactly(0, 0);
        assertThat(Hpwl.total(nl, p.x(), p.y())).isZero();
    }

    @Test
    void perNetMatchesReferenceAndSumsToTotal() {
        Netlist nl = randomDesign(7, 50, 80);
        Placement p = randomPlacement(8, nl.numNodes());
        double[] out = new double[nl.numNets()];
        Hpwl.perNet(nl, p.x(), p.y(), out);
        double sum = 0;
        for (int e = 0; e < nl.numNets(); e++) {
            assertThat(out[e]).isCloseTo(Reference.netHpwl(nl, p.x(), p.y(), e), within(1e-12));
            sum += out[e];
        }
        assertThat(Hpwl.total(nl, p.x(), p.y())).isCloseTo(sum, within(1e-9));
        assertThatThrownBy(() -> Hpwl.perNet(nl, p.x(), p.y(), new double[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void macroHpwlIgnoresSingleMacroNetsAndCellPins() {
        NetlistBuilder b = Reference.rows100("macro");
        int m1 = b.addMovable("m1", 20, 20);
        int m2 = b.addMovable("m2", 10, 30);
        int c = b.addMovable("c", 2, 10);
        int f = b.addFixed("f", 20, 20, false);
        b.addNet("mm", 1); // two macros and a far cell: only macro pins count
        b.addPin(m1, 0, 0, Netlist.DIR_OUTPUT);
        b.addPin(m2, 1, 2, Netlist.DIR_INPUT);
        b.addPin(c, 0, 0, Netlist.DIR_INPUT);
        b.addNet("mc", 1); // one macro and a cell: ignored
        b.addPin(m1, 0, 0, Netlist.DIR_OUTPUT);
        b.addPin(c, 0, 0, Netlist.DIR_INPUT);
        b.addNet("mf", 1); // one macro and a fixed block: ignored (fixed is not a MACRO)
        b.addPin(m2, 0, 0, Netlist.DIR_OUTPUT);
        b.addPin(f, 0, 0, Netlist.DIR_INPUT);
        Netlist nl = b.build();
        assertThat(nl.isMacro(m1) && nl.isMacro(m2) && !nl.isMacro(c)).isTrue();
        Placement p = Reference.at(0, 0, 50, 40, 95, 95, 70, 70);
        // m1 pin (10, 10), m2 pin (50+5+1, 40+15+2) = (56, 57)
        assertThat(Hpwl.macro(nl, p.x(), p.y())).isCloseTo((56 - 10) + (57 - 10), within(1e-12));
    }

    @Test
    void largeDesignSummedInChunksMatchesReference() {
        Netlist nl = randomDesign(3, 3000, 30000); // about 100k pins: several chunks
        Placement p = randomPlacement(4, nl.numNodes());
        double total = 0;
        for (int e = 0; e < nl.numNets(); e++) {
            total += Reference.netHpwl(nl, p.x(), p.y(), e);
        }
        assertThat(nl.numPins()).isGreaterThan(Hpwl.PARALLEL_MIN);
        assertThat(Hpwl.total(nl, p.x(), p.y())).isCloseTo(total, within(1e-9 * total));
    }
}
