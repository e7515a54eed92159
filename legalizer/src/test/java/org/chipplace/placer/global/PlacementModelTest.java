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
        boolean[] mv = new boolean[nl.numNodes()];
        SplittableRandom r = new SplittableRandom(2);
        for (int v = 0; v < mv.length; v++) {
            mv[v] = nl.isMovable(v);
            if (mv[v]) { // scattered, so that the order changes
                p.x()[v] = nl.coreXl() + r.nextDouble() * (nl.coreXh() - nl.coreXl() - nl.widths()[v]);
                p.y()[v] = nl.coreYl() + r.nextDouble() * (nl.coreYh() - nl.coreYl() - nl.heights()[v]);
            }
        }
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
            for (int k = model.objPinStart[o]; k < model.objPinStart[o + 1]; k++) {
                assertThat(model.pinObj[model.objPins[k]]).isEqualTo(o);
                if (k > model.objPinStart[o]) {
                    assertThat(model.objPins[k]).isGreaterThan(model.objPins[k - 1]); // net order kept
                }
            }
        }
        for (int q = 0; q < pinNode.length; q++) {
            assertThat(model.pinObj[q] >= 0 ? model.objNode[model.pinObj[q]] : -1).isEqualTo(pinNode[q]);
        }
        java.util.Arrays.sort(fillerX);
        double[] after = java.util.Arrays.copyOfRange(model.cx, real, n);
        java.util.Arrays.sort(after);
        assertThat(after).containsExactly(fillerX); // fillers stay fillers
        assertThat(isSortedByBin(model, 0, real, m)).isTrue();
        assertThat(isSortedByBin(model, real, n, m)).isTrue();
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
