package org.chipplace.placer.global;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.junit.jupiter.api.Test;

class PlacementModelTest {

    @Test
    void sortingSpatiallyRenumbersObjectsByBinAndKeepsEveryObjectItsNodeSizePositionAndPins() {
        Netlist nl = SyntheticDesigns.cells(400, 16, 0.6, 3L);
        Placement p = nl.initialPlacement();
        boolean[] mv = SyntheticDesigns.scatter(nl, p, 2L);
        PlacementModel model = new PlacementModel(nl, p, mv);
        model.addFillers(50, 2, 2, new SplittableRandom(4));
        int real = model.numReal, n = model.numObjects;
        double hpwl = model.hpwl(model.cx, model.cy);
        double[] fillerX = java.util.Arrays.copyOfRange(model.cx, real, n);
        int[] pinNode = new int[model.pinObj.length];
        for (int q = 0; q < pinNode.length; q++) {
            pinNode[q] = model.pinObj[q] >= 0 ? model.objNode[model.pinObj[q]] : -1;
        }
        int m = 8;
        model.sortSpatially(m);

        assertThat(model.hpwl(model.cx, model.cy)).isEqualTo(hpwl);
        boolean[] seen = new boolean[nl.numNodes()];
        for (int o = 0; o < real; o++) {
            int v = model.objNode[o];
            assertThat(seen[v]).isFalse();
            seen[v] = true;
            assertThat(model.w[o]).isEqualTo(nl.widths()[v]);
            assertThat(model.cx[o]).isEqualTo(p.x()[v] + nl.widths()[v] / 2);
            assertThat(model.cy[o]).isEqualTo(p.y()[v] + nl.heights()[v] / 2);
            int prevNetlistPin = -1;
            for (int k = model.objPinStart[o]; k < model.objPinStart[o + 1]; k++) {
                assertThat(model.pinObj[model.objPins[k]]).isEqualTo(o);
                int q = netlistPin(model, model.objPins[k]);
                assertThat(q).isGreaterThan(prevNetlistPin); // the netlist's pin order kept
                prevNetlistPin = q;
            }
        }
        for (int q = 0; q < pinNode.length; q++) {
            int mp = model.modelPin()[q];
            assertThat(model.pinObj[mp] >= 0 ? model.objNode[model.pinObj[mp]] : -1).isEqualTo(pinNode[q]);
        }
        for (int e = 0; e < nl.numNets(); e++) { // every net keeps its pins, in order, and its weight
            int k = model.newNet[e];
            assertThat(model.netStart[k + 1] - model.netStart[k]).isEqualTo(nl.netPinStart()[e + 1] - nl.netPinStart()[e]);
            for (int i = 0; i < model.netStart[k + 1] - model.netStart[k]; i++) {
                assertThat(model.modelPin()[nl.netPinStart()[e] + i]).isEqualTo(model.netStart[k] + i);
            }
        }
        java.util.Arrays.sort(fillerX);
        double[] after = java.util.Arrays.copyOfRange(model.cx, real, n);
        java.util.Arrays.sort(after);
        assertThat(after).containsExactly(fillerX); // fillers stay fillers
        assertThat(isSortedByBin(model, 0, real, m)).isTrue();
        assertThat(isSortedByBin(model, real, n, m)).isTrue();
    }

    @Test
    void renumberingObjectsAndNetsLeavesTheWirelengthGradientAndHpwlTheSameToTheBit() {
        Netlist nl = SyntheticDesigns.cells(3000, 16, 0.6, 7L);
        Placement p = nl.initialPlacement();
        boolean[] mv = SyntheticDesigns.scatter(nl, p, 9L);
        try (org.chipplace.parallel.Parallel par = new org.chipplace.parallel.Parallel(2)) {
            PlacementModel plain = new PlacementModel(nl, p, mv);
            PlacementModel sorted = new PlacementModel(nl, p, mv);
            Objective fp = objective(nl, p, mv, plain, par);
            fp.evaluate(plain.cx, plain.cy, 3.0);
            int[] objOfPlain = new int[nl.numNodes()];
            for (int o = 0; o < plain.numReal; o++) {
                objOfPlain[plain.objNode[o]] = o;
            }
            for (int m : new int[]{32, 8}) { // a second renumbering composes with the first
                sorted.sortSpatially(m);
                assertThat(sorted.newNet).isNotNull();
                Objective fs = objective(nl, p, mv, sorted, par);
                fs.evaluate(sorted.cx, sorted.cy, 3.0);
                assertThat(fs.hpwl()).isEqualTo(fp.hpwl());
                assertThat(sorted.hpwl(sorted.cx, sorted.cy)).isEqualTo(plain.hpwl(plain.cx, plain.cy));
                for (int o = 0; o < sorted.numReal; o++) {
                    int q = objOfPlain[sorted.objNode[o]];
                    assertThat(fs.wgx[o]).isEqualTo(fp.wgx[q]);
                    assertThat(fs.wgy[o]).isEqualTo(fp.wgy[q]);
                }
            }
        }
    }

    private static Objective objective(Netlist nl, Placement p, boolean[] mv, PlacementModel model,
                                       org.chipplace.parallel.Parallel par) {
        DensityModel dens = new DensityModel(nl, p, mv, 16, 1.0, par);
        dens.bind(model);
        return new Objective(model, dens, par);
    }

    private static int netlistPin(PlacementModel model, int p) {
        int[] mp = model.modelPin();
        for (int q = 0; q < mp.length; q++) {
            if (mp[q] == p) {
                return q;
            }
        }
        throw new AssertionError("model pin " + p + " has no netlist pin");
    }

    private static boolean isSortedByBin(PlacementModel model, int from, int to, int m) {
        double bw = (model.coreXh - model.coreXl) / m, bh = (model.coreYh - model.coreYl) / m;
        int prev = -1;
        for (int o = from; o < to; o++) {
            int ix = Math.max(0, Math.min(m - 1, (int) Math.floor((model.cx[o] - model.coreXl) / bw)));
            int iy = Math.max(0, Math.min(m - 1, (int) Math.floor((model.cy[o] - model.coreYl) / bh)));
            int b = ix * m + iy;
            if (b < prev) {
                return false;
            }
            prev = b;
        }
        return true;
    }
}
