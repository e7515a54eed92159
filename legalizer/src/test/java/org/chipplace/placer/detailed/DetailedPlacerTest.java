package org.chipplace.placer.detailed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Placement;
import org.chipplace.placer.legalize.CellLegalizer;
import org.chipplace.placer.legalize.LegalizerOptions;
import org.chipplace.placer.legalize.TestDesigns;
import org.chipplace.placer.rows.RowSegments;
import org.junit.jupiter.api.Test;

class DetailedPlacerTest {
    private static final double H = TestDesigns.ROW_H;

    private static DetailedPlacerOptions opts() {
        return new DetailedPlacerOptions(3, 3, 2, 1e-4, 1, 16, true, 8);
    }

    @Test
    void neverBreaksLegalityNorRaisesHpwlOnRandomLegalDesigns() {
        for (long seed = 11; seed <= 14; seed++) {
            Netlist nl = TestDesigns.random(seed, 16, 120, 1 + (int) (seed % 3), 0.8);
            Placement p = nl.initialPlacement();
            CellLegalizer.legalize(nl, p, LegalizerOptions.defaults().withThreads(1));
            double before = TestDesigns.hpwl(nl, p);
            DetailedPlacementResult r = DetailedPlacer.improve(nl, p, opts());
            double after = TestDesigns.hpwl(nl, p);
            assertThat(TestDesigns.violations(nl, p)).as("seed %d", seed).isEmpty();
            assertThat(r.hpwlBefore()).isCloseTo(before, offset(1e-6 * before));
            assertThat(r.hpwlAfter()).isCloseTo(after, offset(1e-6 * before));
            assertThat(after).as("seed %d", seed).isLessThan(before);
            assertThat(r.passes()).isBetween(1, 3);
        }
    }

    @Test
    void swapOfTwoCellsPulledToOppositePadsIsFound() {
        NetlistBuilder b = new NetlistBuilder("swap");
        TestDesigns.addRows(b, 1, 12);
        int a = b.addMovable("a", 4, H);
        int c = b.addMovable("c", 4, H);
        int d = b.addMovable("d", 4, H);
        b.setPosition(a, 0, 0, "N").setPosition(c, 4, 0, "N").setPosition(d, 8, 0, "N");
        int left = b.addFixed("padL", 1, 1, false);
        int right = b.addFixed("padR", 1, 1, false);
        b.setPosition(left, -20, 8, "N").setPosition(right, 40, 8, "N");
        b.addNet("aR", 1);
        b.addPin(a, 0, 0, Netlist.DIR_INPUT);
        b.addPin(right, 0, 0, Netlist.DIR_OUTPUT);
        b.addNet("dL", 1);
        b.addPin(d, 0, 0, Netlist.DIR_INPUT);
        b.addPin(left, 0, 0, Netlist.DIR_OUTPUT);
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        double before = TestDesigns.hpwl(nl, p);
        DetailedPlacementResult r = DetailedPlacer.improve(nl, p, opts());
        assertThat(r.hpwlAfter()).isLessThan(before);
        assertThat(p.x()[d]).isEqualTo(0.0);
        assertThat(p.x()[a]).isEqualTo(8.0);
        assertThat(TestDesigns.violations(nl, p)).isEmpty();
    }

    @Test
    void localReorderFindsTheBestOfAllPermutations() {
        for (long seed = 1; seed <= 8; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            NetlistBuilder b = new NetlistBuilder("perm" + seed);
            TestDesigns.addRows(b, 1, 40);
            int[] cell = new int[3];
            double xx = 2 + rnd.nextInt(3);
            for (int i = 0; i < 3; i++) {
                cell[i] = b.addMovable("c" + i, 2 + rnd.nextInt(5), H);
                b.setPosition(cell[i], xx, 0, "N");
                xx += 7 + rnd.nextInt(2);
            }
            int[] pad = new int[4];
            for (int i = 0; i < pad.length; i++) {
                pad[i] = b.addFixed("pad" + i, 1, 1, false);
                b.setPosition(pad[i], rnd.nextInt(60) - 10, 20 + rnd.nextInt(10), "N");
            }
            for (int e = 0; e < 5; e++) {
                b.addNet("n" + e, 1 + rnd.nextInt(3));
                b.addPin(cell[rnd.nextInt(3)], 0, 0, Netlist.DIR_INPUT);
                b.addPin(pad[rnd.nextInt(4)], 0, 0, Netlist.DIR_OUTPUT);
                if (rnd.nextBoolean()) {
                    b.addPin(cell[rnd.nextInt(3)], 1, 0, Netlist.DIR_INPUT);
                }
            }
            Netlist nl = b.build();
            Placement p = nl.initialPlacement();
            // brute force: keep as is, or any order packed from the left edge
            double best = TestDesigns.hpwl(nl, p);
            for (int[] perm : LocalReorder.permutations(3)) {
                Placement q = p.copy();
                double cur = p.x()[cell[0]];
                for (int i = 0; i < 3; i++) {
                    q.x()[cell[perm[i]]] = cur;
                    cur += nl.widths()[cell[perm[i]]];
                }
                best = Math.min(best, TestDesigns.hpwl(nl, q));
            }
            RowSegments seg = RowSegments.build(nl, p, RowSegments.defaultBlockages(nl), 1);
            SegmentCells sc = new SegmentCells(nl, p, seg);
            NetBoxes nb = new NetBoxes(nl, p.x(), p.y(), 1);
            new LocalReorder(sc, nb, 3).reorder(0, 0, 3);
            assertThat(TestDesigns.hpwl(nl, p)).as("seed %d", seed).isCloseTo(best, offset(1e-9));
            assertThat(nb.total()).isCloseTo(best, offset(1e-9));
            assertThat(TestDesigns.violations(nl, p)).isEmpty();
        }
    }

    @Test
    void cellsStayInRowsAtLeastAsHighAsThemselves() {
        SplittableRandom rnd = new SplittableRandom(4);
        NetlistBuilder b = new NetlistBuilder("heights");
        for (int r = 0; r < 3; r++) {
            b.addRow(new org.chipplace.netlist.Row(r * 16, 16, 1, 1, 0, 60, "N"));
        }
        for (int r = 0; r < 4; r++) {
            b.addRow(new org.chipplace.netlist.Row(48 + r * 32, 32, 1, 1, 0, 60, "N"));
        }
        int n = 80;
        for (int i = 0; i < n; i++) {
            double ch = i % 2 == 0 ? 32 : 16;
            b.setPosition(b.addMovable("c" + i, 1 + rnd.nextInt(4), ch), rnd.nextDouble() * 55,
                    rnd.nextDouble() * 140, "N");
        }
        for (int e = 0; e < 120; e++) {
            b.addNet("n" + e, 1);
            b.addPin(rnd.nextInt(n), 0, 0, Netlist.DIR_INPUT);
            b.addPin(rnd.nextInt(n), 0, 0, Netlist.DIR_OUTPUT);
        }
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        CellLegalizer.legalize(nl, p, LegalizerOptions.defaults().withThreads(1));
        double before = TestDesigns.hpwl(nl, p);
        DetailedPlacer.improve(nl, p, opts());
        assertThat(TestDesigns.hpwl(nl, p)).isLessThan(before);
        assertThat(TestDesigns.violations(nl, p)).isEmpty();
        for (int v = 0; v < n; v++) {
            if (nl.heights()[v] > 16) {
                assertThat(p.y()[v]).as(nl.nodeNames()[v]).isGreaterThanOrEqualTo(48.0);
            }
        }
    }

    @Test
    void permutationsAreAllDistinct() {
        int[][] ps = LocalReorder.permutations(4);
        assertThat(ps).hasNumberOfRows(24);
        assertThat(java.util.Arrays.stream(ps).map(java.util.Arrays::toString).distinct().count()).isEqualTo(24);
    }

    @Test
    void illegalInputIsRejected() {
        NetlistBuilder b = new NetlistBuilder("bad");
        TestDesigns.addRows(b, 1, 20);
        b.setPosition(b.addMovable("a", 4, H), 3.5, 0, "N");
        b.setPosition(b.addMovable("b", 4, H), 5, 7, "N");
        Netlist nl = b.build();
        assertThatThrownBy(() -> DetailedPlacer.improve(nl, nl.initialPlacement(), opts()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not inside a free row segment");
    }

    @Test
    void optionsRejectInvalidValues() {
        assertThatThrownBy(() -> new DetailedPlacerOptions(-1, 3, 1, 0, 1, 16, true, 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DetailedPlacerOptions(1, 5, 1, 0, 1, 16, true, 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DetailedPlacerOptions(1, 3, 0, 0, 1, 16, true, 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DetailedPlacerOptions(1, 3, 1, -1, 1, 16, true, 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DetailedPlacerOptions(1, 3, 1, 0, 1, 1, true, 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DetailedPlacerOptions(1, 3, 1, 0, 1, 65, true, 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DetailedPlacerOptions(1, 3, 1, 0, 1, -1, true, 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new DetailedPlacerOptions(1, 3, 1, 0, 1, 0, true, 8).ismSetSize()).isZero();
        assertThat(new DetailedPlacerOptions(1, 3, 1, 0, 1, 64, true, 8).ismSetSize()).isEqualTo(64);
        assertThat(DetailedPlacerOptions.defaults().ismSetSize()).isEqualTo(16);
        assertThat(DetailedPlacerOptions.defaults().withThreads(3).ismSetSize()).isEqualTo(16);
        assertThat(DetailedPlacerOptions.defaults().clustering()).isTrue();
        assertThat(DetailedPlacerOptions.defaults().withThreads(3).clustering()).isTrue();
        assertThat(DetailedPlacerOptions.defaults().withClustering(false).clustering()).isFalse();
        assertThatThrownBy(() -> new DetailedPlacerOptions(1, 3, 1, 0, 1, 16, true, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DetailedPlacerOptions(1, 3, 1, 0, 1, 16, true, 65))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DetailedPlacerOptions.defaults().pushCells()).isEqualTo(8);
        assertThat(DetailedPlacerOptions.defaults().withThreads(3).pushCells()).isEqualTo(8);
        assertThat(DetailedPlacerOptions.defaults().withClustering(false).pushCells()).isEqualTo(8);
        assertThat(DetailedPlacerOptions.defaults().withPushCells(0).pushCells()).isZero();
        assertThat(DetailedPlacerOptions.defaults().withPushCells(0).ismSetSize()).isEqualTo(16);
    }
}
