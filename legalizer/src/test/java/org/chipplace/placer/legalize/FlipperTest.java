package org.chipplace.placer.legalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.chipplace.metrics.Hpwl;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Placement;
import org.junit.jupiter.api.Test;

class FlipperTest {
    private static final String[] FAMILY = {"N", "FN", "FS", "S"};

    private static boolean[] macros(Netlist nl) {
        boolean[] m = new boolean[nl.numNodes()];
        for (int v = 0; v < m.length; v++) {
            m[v] = nl.isMacro(v);
        }
        return m;
    }

    /** A macro with all pins on its left edge, its only neighbour a pad far to the right. */
    private static Netlist leftPinnedMacro() {
        NetlistBuilder b = new NetlistBuilder("left");
        TestDesigns.addRows(b, 10, 200);
        int m = b.addMovable("m", 40, 40);
        b.setPosition(m, 20, 20, "N");
        int pad = b.addFixed("pad", 0, 0, true);
        b.setPosition(pad, 190, 40, "N");
        for (int i = 0; i < 3; i++) {
            b.addNet("n" + i, 1);
            b.addPin(m, -20, -15 + 10 * i, Netlist.DIR_OUTPUT);
            b.addPin(pad, 0, 0, Netlist.DIR_INPUT);
        }
        return b.build();
    }

    @Test
    void macroWithPinsAwayFromItsLogicTurnsToFaceItAndHpwlDrops() {
        Netlist nl = leftPinnedMacro();
        Placement p = nl.initialPlacement();
        double before = Hpwl.total(nl, p.x(), p.y());
        Netlist flipped = Flipper.flip(nl, p, macros(nl));
        int m = nl.nodeIndex("m");
        assertThat(p.orient()[m]).isIn("FN", "S");
        assertThat(Hpwl.total(flipped, p.x(), p.y())).isLessThan(before - 3 * 30);
        assertThat(p.x()[m]).isEqualTo(20); // flipping keeps the bounding box
        assertThat(flipped.pinDx()[0]).isEqualTo(20);
        assertThat(nl.pinDx()[0]).isEqualTo(-20); // the input netlist is unchanged
    }

    @Test
    void macroWhoseOrientationIsAlreadyBestKeepsItAndTheSameNetlist() {
        Netlist nl = leftPinnedMacro();
        Placement p = nl.initialPlacement();
        p.x()[nl.nodeIndex("pad")] = 0; // the pad now sits left of the macro, where its pins are
        Netlist same = Flipper.flip(nl, p, macros(nl));
        assertThat(same).isSameAs(nl);
        assertThat(p.orient()[nl.nodeIndex("m")]).isEqualTo("N");
    }

    /** Three 40x40 macros and six cells with random nets; with {@code coupled}, nets may join two macros. */
    private static Netlist randomDesign(Random rnd, int trial, boolean coupled, int[] ms) {
        NetlistBuilder b = new NetlistBuilder("r" + trial);
        TestDesigns.addRows(b, 20, 400);
        for (int i = 0; i < ms.length; i++) {
            ms[i] = b.addMovable("m" + i, 40, 40);
            b.setPosition(ms[i], 20 + 120 * i, 20 + rnd.nextInt(100), "N");
        }
        int[] cells = new int[6];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = b.addMovable("c" + i, 4, 10);
            b.setPosition(cells[i], rnd.nextInt(380), rnd.nextInt(190), "N");
        }
        for (int e = 0; e < 8; e++) {
            b.addNet("e" + e, 1 + rnd.nextInt(2));
            int m = ms[rnd.nextInt(ms.length)];
            b.addPin(m, rnd.nextInt(41) - 20, rnd.nextInt(41) - 20, Netlist.DIR_OUTPUT);
            b.addPin(cells[rnd.nextInt(cells.length)], 0, 0, Netlist.DIR_INPUT);
            b.addPin(coupled ? ms[rnd.nextInt(ms.length)] : m, rnd.nextInt(41) - 20, rnd.nextInt(41) - 20,
                    Netlist.DIR_INPUT);
        }
        return b.build();
    }

    private static double hpwlWith(Netlist nl, String[] orient) {
        Placement q = nl.initialPlacement();
        return Hpwl.weighted(nl.reoriented(orient), q.x(), q.y());
    }

    @Test
    void withoutNetsBetweenMacrosTheFlipsAreTheBruteForceOptimum() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int[] ms = new int[3];
            Netlist nl = randomDesign(rnd, trial, false, ms);
            double best = Double.MAX_VALUE;
            for (int code = 0; code < 64; code++) {
                String[] o = nl.initialPlacement().orient();
                for (int i = 0; i < ms.length; i++) {
                    o[ms[i]] = FAMILY[(code >> (2 * i)) & 3];
                }
                best = Math.min(best, hpwlWith(nl, o));
            }
            Placement p = nl.initialPlacement();
            Netlist flipped = Flipper.flip(nl, p, macros(nl));
            assertThat(Hpwl.weighted(flipped, p.x(), p.y())).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(flipped.reoriented(p.orient())).isSameAs(flipped);
        }
    }

    @Test
    void withNetsBetweenMacrosNoSingleFlipImprovesTheResult() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            int[] ms = new int[3];
            Netlist nl = randomDesign(rnd, trial, true, ms);
            Placement p = nl.initialPlacement();
            double start = Hpwl.weighted(nl, p.x(), p.y());
            Flipper.flip(nl, p, macros(nl));
            double got = hpwlWith(nl, p.orient());
            assertThat(got).isLessThanOrEqualTo(start);
            for (int m : ms) {
                for (String alt : FAMILY) {
                    String[] o = p.orient().clone();
                    o[m] = alt;
                    assertThat(hpwlWith(nl, o)).isGreaterThanOrEqualTo(got - 1e-9);
                }
            }
        }
    }

    @Test
    void reorientedMirrorsOffsetsRelativeToTheReadOrientationAndComposes() {
        NetlistBuilder b = new NetlistBuilder("o");
        TestDesigns.addRows(b, 4, 100);
        int m = b.addMovable("m", 20, 20);
        b.setPosition(m, 0, 0, "FS");
        int c = b.addMovable("c", 2, 10);
        b.setPosition(c, 50, 0, "N");
        b.addNet("n", 1);
        b.addPin(m, 3, 4, Netlist.DIR_OUTPUT);
        b.addPin(c, 1, 0, Netlist.DIR_INPUT);
        Netlist nl = b.build();
        String[] o = nl.initialPlacement().orient();
        o[m] = "S"; // FS -> S mirrors x only
        Netlist s = nl.reoriented(o);
        assertThat(s.pinDx()[0]).isEqualTo(-3);
        assertThat(s.pinDy()[0]).isEqualTo(4);
        assertThat(s.initialPlacement().orient()[m]).isEqualTo("S");
        o[m] = "N"; // from S to N mirrors both axes
        Netlist n = s.reoriented(o);
        assertThat(n.pinDx()[0]).isEqualTo(3);
        assertThat(n.pinDy()[0]).isEqualTo(-4);
        o[m] = "E"; // quarter turns keep the offsets
        assertThat(nl.reoriented(o).pinDx()[0]).isEqualTo(3);
        assertThat(nl.reoriented(nl.initialPlacement().orient())).isSameAs(nl);
    }

    @Test
    void cellsInRowsAreOnlyMirroredInX() {
        NetlistBuilder b = new NetlistBuilder("cells");
        TestDesigns.addRows(b, 4, 100);
        int c = b.addMovable("c", 8, TestDesigns.ROW_H);
        b.setPosition(c, 40, 0, "N");
        int pad = b.addFixed("pad", 0, 0, true);
        b.setPosition(pad, 90, 60, "N"); // right and above: x mirror helps, a y mirror would help too
        b.addNet("n", 1);
        b.addPin(c, -3, -5, Netlist.DIR_OUTPUT);
        b.addPin(pad, 0, 0, Netlist.DIR_INPUT);
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        boolean[] cells = new boolean[nl.numNodes()];
        cells[c] = true;
        Netlist flipped = Flipper.flipCells(nl, p, cells);
        assertThat(p.orient()[c]).isEqualTo("FN");
        assertThat(flipped.pinDx()[0]).isEqualTo(3);
        assertThat(flipped.pinDy()[0]).isEqualTo(-5);
        assertThat(p.x()[c]).isEqualTo(40);
    }
}
