package org.chipplace.placer.legalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Placement;
import org.junit.jupiter.api.Test;

class MacroLegalizerTest {
    private static final double H = TestDesigns.ROW_H;

    private static boolean[] macros(Netlist nl) {
        boolean[] m = new boolean[nl.numNodes()];
        for (int v = 0; v < m.length; v++) {
            m[v] = nl.isMacro(v);
        }
        return m;
    }

    @Test
    void overlappingMacrosAtOneSpotBecomeDisjointAlignedAndInsideCore() {
        NetlistBuilder b = new NetlistBuilder("stack");
        TestDesigns.addRows(b, 10, 200);
        b.setPosition(b.addFixed("f", 20, 50, false), 60, 10, "N");
        b.setPosition(b.addFixed("pad", 1, 1, false), -30, -30, "N");
        for (int i = 0; i < 5; i++) {
            b.setPosition(b.addMovable("m" + i, 30 + i, 40), 50.3, 20.7, "N");
        }
        b.setPosition(b.addMovable("out", 30, 40), 190, 150, "N");
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        MacroLegalizer.legalize(nl, p, macros(nl), LegalizerOptions.defaults());
        assertThat(TestDesigns.violations(nl, p)).isEmpty();
    }

    @Test
    void singleMacroGoesToTheNearestLegalSpotFoundByBruteForce() {
        NetlistBuilder b = new NetlistBuilder("near");
        TestDesigns.addRows(b, 8, 100);
        b.setPosition(b.addFixed("f1", 30, 60, false), 30, 20, "N");
        b.setPosition(b.addFixed("f2", 10, 30, false), 70, 70, "N");
        int m = b.addMovable("m", 25, 40);
        double tx = 41.4;
        double ty = 37.2;
        b.setPosition(m, tx, ty, "N");
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        MacroLegalizer.legalize(nl, p, macros(nl), LegalizerOptions.defaults());
        double best = Double.MAX_VALUE;
        for (int k = 0; k <= 75; k++) {
            for (int r = 0; r * H + 40 <= 8 * H; r++) {
                p.x()[m] = k;
                p.y()[m] = r * H;
                if (TestDesigns.violations(nl, p).isEmpty()) {
                    best = Math.min(best, Math.abs(k - tx) + Math.abs(r * H - ty));
                }
            }
        }
        Placement q = nl.initialPlacement();
        MacroLegalizer.legalize(nl, q, macros(nl), LegalizerOptions.defaults());
        assertThat(TestDesigns.violations(nl, q)).isEmpty();
        assertThat(Math.abs(q.x()[m] - tx) + Math.abs(q.y()[m] - ty)).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void unflaggedMacrosStayAndBlock() {
        NetlistBuilder b = new NetlistBuilder("keep");
        TestDesigns.addRows(b, 6, 100);
        int a = b.addMovable("a", 40, 48);
        int c = b.addMovable("c", 40, 48);
        b.setPosition(a, 10, 16, "N");
        b.setPosition(c, 20, 16, "N");
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        boolean[] only = new boolean[nl.numNodes()];
        only[c] = true;
        MacroLegalizer.legalize(nl, p, only, LegalizerOptions.defaults());
        assertThat(p.x()[a]).isEqualTo(10.0);
        assertThat(p.y()[a]).isEqualTo(16.0);
        assertThat(TestDesigns.violations(nl, p)).isEmpty();
    }

    @Test
    void tooManyMacrosThrow() {
        NetlistBuilder b = new NetlistBuilder("full");
        TestDesigns.addRows(b, 4, 100);
        for (int i = 0; i < 3; i++) {
            b.addMovable("m" + i, 40, 64);
        }
        Netlist nl = b.build();
        assertThatThrownBy(() -> MacroLegalizer.legalize(nl, nl.initialPlacement(), macros(nl),
                LegalizerOptions.defaults()))
                .isInstanceOf(LegalizationException.class)
                .hasMessageContaining("fits nowhere");
    }

    @Test
    void optionsRejectInvalidValues() {
        assertThatThrownBy(() -> new LegalizerOptions(0, 1, 1, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LegalizerOptions(1, -1, 1, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LegalizerOptions(1, 1, 0, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
