package org.chipplace.placer.legalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.chipplace.metrics.LegalityChecker;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.placer.rows.RowSegments;
import org.junit.jupiter.api.Test;

class CellLegalizerTest {
    private static final double H = TestDesigns.ROW_H;

    private static LegalizerOptions opts() {
        return LegalizerOptions.defaults().withThreads(2);
    }

    @Test
    void nearlyFullRowLegalizes() {
        NetlistBuilder b = new NetlistBuilder("full");
        TestDesigns.addRows(b, 1, 100);
        SplittableRandom rnd = new SplittableRandom(7);
        int left = 99;
        int i = 0;
        while (left > 0) {
            int w = Math.min(left, 1 + rnd.nextInt(6));
            int v = b.addMovable("c" + i++, w, H);
            b.setPosition(v, rnd.nextDouble() * 100 - 10, rnd.nextDouble() * 3, "N");
            left -= w;
        }
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        CellLegalizer.legalize(nl, p, opts());
        assertThat(TestDesigns.violations(nl, p)).isEmpty();
    }

    /**
     * a (1 pin, global x 10) and b (3 pins, global x 11), both 4 wide, collide in one row. Abacus puts the
     * cluster at the weighted mean of the targets: pin weights give (1*10 + 3*(11-4)) / 4 = 7.75, so a at
     * 8 and b at 12 (the best integer pair for 1*(xa-10)^2 + 3*(xb-11)^2); width weights give 8.5, so a
     * at 9 and b at 13.
     */
    @Test
    void pinWeightedAbacusMovesTheBetterConnectedCellLess() {
        NetlistBuilder b = new NetlistBuilder("weights");
        TestDesigns.addRows(b, 1, 40);
        int a = b.addMovable("a", 4, H);
        int c = b.addMovable("b", 4, H);
        b.setPosition(a, 10, 0, "N").setPosition(c, 11, 0, "N");
        int pad = b.addFixed("pad", 1, 1, true);
        b.setPosition(pad, 0, 40, "N");
        for (int k = 0; k < 3; k++) {
            b.addNet("n" + k, 1);
            b.addPin(pad, 0, 0, Netlist.DIR_OUTPUT);
            b.addPin(c, 0, 0, Netlist.DIR_INPUT);
            if (k == 0) {
                b.addPin(a, 0, 0, Netlist.DIR_INPUT);
            }
        }
        Netlist nl = b.build();
        assertThat(CellLegalizer.pinWeights(nl, new int[] {a, c, pad})).containsExactly(1, 3, 3);
        Placement p = nl.initialPlacement();
        CellLegalizer.legalize(nl, p, opts());
        assertThat(p.x()[a]).isEqualTo(8.0);
        assertThat(p.x()[c]).isEqualTo(12.0);
        Placement q = nl.initialPlacement();
        CellLegalizer.legalize(nl, q, opts().withPinWeighted(false));
        assertThat(q.x()[a]).isEqualTo(9.0);
        assertThat(q.x()[c]).isEqualTo(13.0);
        assertThat(TestDesigns.violations(nl, p)).isEmpty();
        assertThat(TestDesigns.violations(nl, q)).isEmpty();
        assertThat(LegalizerOptions.defaults().pinWeighted()).isTrue();
        assertThat(LegalizerOptions.defaults().withThreads(1).pinWeighted()).isTrue();
    }

    @Test
    void alreadyLegalPlacementIsUnchanged() {
        NetlistBuilder b = new NetlistBuilder("legal");
        TestDesigns.addRows(b, 3, 50);
        double[][] pos = {{0, 0}, {5, 0}, {12, 16}, {40, 32}, {3, 32}};
        for (int i = 0; i < pos.length; i++) {
            b.setPosition(b.addMovable("c" + i, 4, H), pos[i][0], pos[i][1], "N");
        }
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        CellLegalizer.legalize(nl, p, opts());
        for (int i = 0; i < pos.length; i++) {
            assertThat(p.x()[i]).isEqualTo(pos[i][0]);
            assertThat(p.y()[i]).isEqualTo(pos[i][1]);
        }
    }

    @Test
    void macroCuttingRowsSplitsThemAndNoCellOverlapsIt() {
        NetlistBuilder b = new NetlistBuilder("macro");
        TestDesigns.addRows(b, 4, 100);
        int m = b.addMovable("m", 20, 40);
        b.setPosition(m, 40, 0, "N");
        for (int i = 0; i < 30; i++) {
            b.setPosition(b.addMovable("c" + i, 3, H), 35 + i % 10, (i % 3) * H, "N");
        }
        Netlist nl = b.build();
        assertThat(nl.kind(m)).isEqualTo(NodeKind.MACRO);
        Placement p = nl.initialPlacement();
        RowSegments seg = RowSegments.build(nl, p, RowSegments.defaultBlockages(nl), 1);
        assertThat(seg.rowSegStart(1) - seg.rowSegStart(0)).isEqualTo(2);
        assertThat(seg.xHi(0)).isEqualTo(40.0);
        assertThat(seg.xLo(1)).isEqualTo(60.0);
        CellLegalizer.legalize(nl, p, opts());
        assertThat(p.x()[m]).isEqualTo(40.0);
        assertThat(TestDesigns.violations(nl, p)).isEmpty();
    }

    @Test
    void fixedBlockOffTheSiteGridRemovesWholeSites() {
        NetlistBuilder b = new NetlistBuilder("offgrid");
        TestDesigns.addRows(b, 1, 30);
        int f = b.addFixed("f", 4, H, false);
        b.setPosition(f, 10.5, 0, "N");
        Netlist nl = b.build();
        RowSegments seg = RowSegments.build(nl, nl.initialPlacement(), RowSegments.defaultBlockages(nl), 1);
        assertThat(seg.numSegments()).isEqualTo(2);
        assertThat(seg.xHi(0)).isEqualTo(10.0);
        assertThat(seg.xLo(1)).isEqualTo(15.0);
    }

    @Test
    void cellWiderThanSegmentGoesToAnotherRow() {
        NetlistBuilder b = new NetlistBuilder("wide");
        TestDesigns.addRows(b, 2, 50);
        int f = b.addFixed("f", 10, H, false);
        b.setPosition(f, 20, 0, "N");
        int c = b.addMovable("wide", 30, H);
        b.setPosition(c, 10, 0, "N");
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        CellLegalizer.legalize(nl, p, opts());
        assertThat(p.y()[c]).isEqualTo(H);
        assertThat(p.x()[c]).isEqualTo(10.0);
        assertThat(TestDesigns.violations(nl, p)).isEmpty();
    }

    @Test
    void cellsThatDoNotFitThrowWithAreaMessage() {
        NetlistBuilder b = new NetlistBuilder("over");
        TestDesigns.addRows(b, 1, 10);
        for (int i = 0; i < 4; i++) {
            b.addMovable("c" + i, 3, H);
        }
        Netlist nl = b.build();
        assertThatThrownBy(() -> CellLegalizer.legalize(nl, nl.initialPlacement(), opts()))
                .isInstanceOf(LegalizationException.class)
                .hasMessageContaining("cells need 192.000 area but rows offer 160.000 free");
    }

    @Test
    void cellWiderThanEverySegmentThrows() {
        NetlistBuilder b = new NetlistBuilder("toowide");
        TestDesigns.addRows(b, 2, 40);
        int f = b.addFixed("f", 2, 2 * H, false);
        b.setPosition(f, 19, 0, "N");
        b.addMovable("big", 25, H);
        Netlist nl = b.build();
        assertThatThrownBy(() -> CellLegalizer.legalize(nl, nl.initialPlacement(), opts()))
                .isInstanceOf(LegalizationException.class)
                .hasMessageContaining("cell big (w=25.0) is wider than every free segment");
    }

    @Test
    void fragmentedSpaceIsRecoveredByDecreasingWidthPacking() {
        // two rows of 20 sites filled exactly only by 6+6+8 per row; nearest-row greedy puts both 8s together
        NetlistBuilder b = new NetlistBuilder("frag");
        TestDesigns.addRows(b, 2, 20);
        double[] widths = {6, 6, 6, 6, 8, 8};
        for (int i = 0; i < widths.length; i++) {
            b.setPosition(b.addMovable("c" + i, widths[i], H), i < 4 ? i * 3 : 12, i < 4 ? 0 : 8, "N");
        }
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        CellLegalizer.legalize(nl, p, opts());
        assertThat(TestDesigns.violations(nl, p)).isEmpty();
    }

    @Test
    void randomSeededDesignsAreLegalAfterwards() {
        for (long seed = 1; seed <= 6; seed++) {
            Netlist nl = TestDesigns.random(seed, 20, 140, 1 + (int) (seed % 3), 0.85);
            assertThat(nl.numCells()).isGreaterThan(400);
            Placement p = nl.initialPlacement();
            CellLegalizer.legalize(nl, p, opts());
            assertThat(TestDesigns.violations(nl, p)).as("seed %d", seed).isEmpty();
            assertThat(LegalityChecker.check(nl, p).legal()).as("seed %d", seed).isTrue();
        }
    }

    @Test
    void randomMixedSizeDesignsWithMovableMacrosAreLegalAfterMacroThenCellLegalization() {
        for (long seed = 21; seed <= 24; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            NetlistBuilder b = new NetlistBuilder("mixed" + seed);
            TestDesigns.addRows(b, 20, 200);
            for (int i = 0; i < 6; i++) {
                int m = b.addMovable("m" + i, 10 + rnd.nextInt(30), H * (2 + rnd.nextInt(4)) - rnd.nextInt(5));
                b.setPosition(m, 50 + rnd.nextDouble() * 60, 80 + rnd.nextDouble() * 60, "N");
            }
            b.setPosition(b.addFixed("f", 30, 70, false), 120.5, 100.25, "N");
            for (int i = 0; i < 400; i++) {
                int w = 1 + rnd.nextInt(8);
                b.setPosition(b.addMovable("c" + i, w, H), rnd.nextDouble() * (200 - w), rnd.nextDouble() * 300, "N");
            }
            Netlist nl = b.build();
            Placement p = nl.initialPlacement();
            boolean[] macros = new boolean[nl.numNodes()];
            for (int v = 0; v < macros.length; v++) {
                macros[v] = nl.isMacro(v);
            }
            MacroLegalizer.legalize(nl, p, macros, opts());
            CellLegalizer.legalize(nl, p, opts());
            assertThat(TestDesigns.violations(nl, p)).as("seed %d", seed).isEmpty();
            assertThat(LegalityChecker.check(nl, p).legal()).as("seed %d", seed).isTrue();
        }
    }

    @Test
    void smallPerturbationOfALegalPlacementIsUndoneWithSmallDisplacement() {
        Netlist nl = TestDesigns.random(5, 20, 140, 2, 0.8);
        Placement p = nl.initialPlacement();
        CellLegalizer.legalize(nl, p, opts());
        SplittableRandom rnd = new SplittableRandom(9);
        Placement jittered = p.copy();
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.isMovable(v)) {
                jittered.x()[v] += rnd.nextDouble() * 4 - 2;
                jittered.y()[v] += rnd.nextDouble() * 0.8 * H - 0.4 * H;
            }
        }
        Placement q = jittered.copy();
        CellLegalizer.legalize(nl, q, opts());
        assertThat(TestDesigns.violations(nl, q)).isEmpty();
        double sum = 0;
        int n = 0;
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.isMovable(v)) {
                sum += Math.abs(q.x()[v] - jittered.x()[v]) + Math.abs(q.y()[v] - jittered.y()[v]);
                n++;
            }
        }
        // the jitter itself averages 1 (x) + 3.2 (y); Abacus must not do much worse than undoing it
        assertThat(sum / n).isLessThan(8.0);
    }

    @Test
    void cellsTallerThanARowOnlyGoToRowsHighEnough() {
        NetlistBuilder b = new NetlistBuilder("heights");
        for (int r = 0; r < 2; r++) {
            b.addRow(new org.chipplace.netlist.Row(r * 16, 16, 1, 1, 0, 30, "N"));
        }
        for (int r = 0; r < 3; r++) {
            b.addRow(new org.chipplace.netlist.Row(32 + r * 32, 32, 1, 1, 0, 30, "N"));
        }
        int tall = b.addMovable("tall", 5, 32);
        b.setPosition(tall, 3, 0, "N");
        b.setPosition(b.addMovable("low", 5, 16), 3, 0, "N");
        Netlist nl = b.build();
        assertThat(nl.kind(tall)).isEqualTo(NodeKind.CELL);
        Placement p = nl.initialPlacement();
        p.x()[tall] = 3;
        CellLegalizer.legalize(nl, p, opts());
        assertThat(p.y()[tall]).isEqualTo(32.0);
        assertThat(p.y()[1]).isEqualTo(0.0);
        assertThat(TestDesigns.violations(nl, p)).isEmpty();
    }

    @Test
    void nonFinitePositionIsRejected() {
        NetlistBuilder b = new NetlistBuilder("nan");
        TestDesigns.addRows(b, 1, 20);
        b.setPosition(b.addMovable("a", 4, H), Double.NaN, 0, "N");
        Netlist nl = b.build();
        assertThatThrownBy(() -> CellLegalizer.legalize(nl, nl.initialPlacement(), opts()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cell a");
    }
}
