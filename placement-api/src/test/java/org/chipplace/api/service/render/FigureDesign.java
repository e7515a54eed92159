package org.chipplace.api.service.render;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Row;

/**
 * A hand-made design for picture tests: core 200 x 50 (five rows of height 10), a movable macro
 * 40 x 20 at (20, 10), a fixed block 30 x 20 at (120, 20), one cell, and three zero-size pads: at the
 * core's top-right corner, its lower-left corner and the middle of its bottom edge.
 */
final class FigureDesign {
    private FigureDesign() {
    }

    static Netlist build() {
        NetlistBuilder b = new NetlistBuilder("fig");
        for (int r = 0; r < 5; r++) {
            b.addRow(new Row(10 * r, 10, 1, 1, 0, 200, "N"));
        }
        int m = b.addMovable("m0", 40, 20);
        b.setMacro(m).setPosition(m, 20, 10, "N");
        int f = b.addFixed("f0", 30, 20, false);
        b.setPosition(f, 120, 20, "N");
        int c = b.addMovable("c0", 4, 10);
        b.setPosition(c, 100, 0, "N");
        int p0 = b.addFixed("p0", 0, 0, true);
        b.setPosition(p0, 200, 50, "N");
        int p1 = b.addFixed("p1", 0, 0, true);
        b.setPosition(p1, 0, 0, "N");
        int p2 = b.addFixed("p2", 0, 0, true);
        b.setPosition(p2, 100, 0, "N");
        b.addNet("n0", 1);
        b.addPin(m, 0, 0, Netlist.DIR_OUTPUT);
        b.addPin(c, 0, 0, Netlist.DIR_INPUT);
        b.addPin(p0, 0, 0, Netlist.DIR_INPUT);
        return b.build();
    }
}
