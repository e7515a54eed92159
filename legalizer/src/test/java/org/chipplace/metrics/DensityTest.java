package org.chipplace.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.junit.jupiter.api.Test;

class DensityTest {

    /** Brute force: {overflow, peak} and the density map, by direct rectangle-bin intersection. */
    private static double[] reference(Netlist nl, Placement p, DensityReport d, double td, double[] map) {
        double gx = nl.coreXl(), gy = nl.coreYl(), bw = d.binW(), bh = d.binH(), binArea = bw * bh;
        double over = 0, peak = 0, total = 0;
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.kind(v).movable()) {
                total += nl.widths()[v] * nl.heights()[v];
            }
        }
        for (int ix = 0; ix < d.nx(); ix++) {
            for (int iy = 0; iy < d.ny(); iy++) {
                double mov = 0, fix = 0;
                for (int v = 0; v < nl.numNodes(); v++) {
                    double a = Reference.inBin(p.x()[v], p.y()[v], p.x()[v] + nl.widths()[v],
                            p.y()[v] + nl.heights()[v], gx, gy, bw, bh, ix, iy);
                    if (nl.kind(v).movable()) {
                        mov += a;
                    } else if (nl.kind(v) == NodeKind.FIXED) {
                        fix += a;
                    }
                }
                fix = Math.min(fix, binArea);
                over += Math.max(0, mov - td * (binArea - fix));
                map[ix * d.ny() + iy] = (mov + fix) / binArea;
                peak = Math.max(peak, map[ix * d.ny() + iy]);
            }
        }
        return new double[] {over / total, peak};
    }

    @Test
    void densityAndOverflowMatchDirectIntersectionOnRandomDesigns() {
        for (long seed = 1; seed <= 15; seed++) {
            Netlist nl = HpwlTest.randomDesign(seed, 80, 5);
            Placement p = HpwlTest.randomPlacement(seed + 7, nl.numNodes());
            double td = seed % 2 == 0 ? 1.0 : 0.7;
            MetricsOptions o = MetricsOptions.defaults().withBinSize(seed % 3 == 0 ? 0 : 3 + seed).withTargetDensity(td);
            DensityReport d = Density.compute(nl, p, o);
            double[] map = new double[d.nx() * d.ny()];
            double[] ref = reference(nl, p, d, td, map);
            assertThat(d.overflow()).as("seed %d", seed).isCloseTo(ref[0], within(1e-9));
            assertThat(d.peak()).as("seed %d", seed).isCloseTo(ref[1], within(1e-9));
            for (int b = 0; b < map.length; b++) {
                assertThat(d.density()[b]).as("seed %d bin %d", seed, b).isCloseTo(map[b], within(1e-9));
            }
        }
    }

    @Test
    void macroOnFixedBlockOverflowsCompletely() {
        NetlistBuilder b = Reference.rows100("block");
        b.addMovable("m", 20, 20);
        b.addFixed("f", 50, 50, false);
        Netlist nl = b.build();
        Placement p = Reference.at(15, 15, 0, 0);
        DensityReport d = Density.compute(nl, p, MetricsOptions.defaults().withBinSize(50));
        assertThat(d.nx()).isEqualTo(2);
        assertThat(d.ny()).isEqualTo(2);
        // bin (0,0) is all fixed: free area 0, so all 400 of the macro overflow
        assertThat(d.overflow()).isCloseTo(1.0, within(1e-12));
        assertThat(d.density()[0]).isCloseTo((2500 + 400) / 2500.0, within(1e-12));
        // moved to the empty bin (1,1) it fits
        DensityReport moved = Density.compute(nl, Reference.at(60, 60, 0, 0), MetricsOptions.defaults().withBinSize(50));
        assertThat(moved.overflow()).isZero();
    }

    @Test
    void targetDensityScalesFreeArea() {
        NetlistBuilder b = Reference.rows100("td");
        b.addMovable("m", 40, 40);
        b.addFixed("f", 50, 25, false);
        Netlist nl = b.build();
        Placement p = Reference.at(5, 5, 0, 25);
        DensityReport d = Density.compute(nl, p, new MetricsOptions(50, 0.5, 1.0));
        // bin (0,0): movable 40*40 = 1600, fixed 50*25 = 1250, free 1250, allowed 625
        assertThat(d.overflow()).isCloseTo((1600 - 625) / 1600.0, within(1e-12));
    }

    @Test
    void nonImageFixedObjectsDoNotBlock() {
        NetlistBuilder b = Reference.rows100("ni");
        b.addMovable("m", 20, 20);
        b.addFixed("f", 50, 50, true);
        Netlist nl = b.build();
        DensityReport d = Density.compute(nl, Reference.at(15, 15, 0, 0), MetricsOptions.defaults().withBinSize(50));
        assertThat(d.overflow()).isZero();
        assertThat(d.density()[0]).isCloseTo(400 / 2500.0, within(1e-12));
    }

    @Test
    void automaticBinsFollowMovableCountAndAreClamped() {
        NetlistBuilder few = Reference.rows100("few");
        few.addMovable("a", 1, 10);
        DensityReport d = Density.compute(few.build(), new Placement(1), MetricsOptions.defaults());
        assertThat(d.nx()).isEqualTo(16);
        assertThat(d.ny()).isEqualTo(16);
        NetlistBuilder many = Reference.rows100("many");
        for (int i = 0; i < 2500; i++) {
            many.addMovable("c" + i, 1, 10);
        }
        Netlist nl = many.build();
        DensityReport m = Density.compute(nl, new Placement(nl.numNodes()), MetricsOptions.defaults());
        // bin edge sqrt(10000 / 2500) * 4 = 8: ceil(100 / 8) = 13 bins, clamped up to 16
        assertThat(m.nx()).isEqualTo(16);
        NetlistBuilder lots = Reference.rows100("lots");
        for (int i = 0; i < 40000; i++) {
            lots.addMovable("c" + i, 0.1, 10);
        }
        Netlist nl2 = lots.build();
        DensityReport l = Density.compute(nl2, new Placement(nl2.numNodes()), MetricsOptions.defaults());
        // bin edge sqrt(10000 / 40000) * 4 = 2: 50 bins of 2 x 2
        assertThat(l.nx()).isEqualTo(50);
        assertThat(l.binW()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void explicitBinSizeTilesTheCore() {
        NetlistBuilder b = Reference.rows100("explicit");
        b.addMovable("a", 1, 10);
        DensityReport d = Density.compute(b.build(), new Placement(1), MetricsOptions.defaults().withBinSize(30));
        assertThat(d.nx()).isEqualTo(4);
        assertThat(d.binW()).isCloseTo(25.0, within(1e-12));
        assertThat(d.density()).hasSize(16);
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> new MetricsOptions(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MetricsOptions(0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MetricsOptions(0, 1.5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MetricsOptions(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MetricsOptions(0, 1, 1, -1e-6, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MetricsOptions(Double.NaN, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MetricsOptions.defaults()).isEqualTo(new MetricsOptions(0, 1.0, 1.0, 1e-6, true));
    }
}
