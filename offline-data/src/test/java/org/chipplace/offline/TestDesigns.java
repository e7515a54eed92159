package org.chipplace.offline;

import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Row;

/** Small hand-made designs and brute-force references for the tests. */
public final class TestDesigns {
    private TestDesigns() {
    }

    /**
     * Core 0..120 x 0..100 (rows of height 10), {@code macros} macros of random size 15..40,
     * a fixed blocking macro at (50, 40) size 20 x 25, a non-blocking fixed node, 8 pads outside
     * the core, random nets with pin offsets, a few cells.
     */
    public static Netlist withObstacle(int macros, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        NetlistBuilder b = new NetlistBuilder("obst" + seed);
        for (int r = 0; r < 10; r++) {
            b.addRow(new Row(r * 10, 10, 1, 1, 0, 120, "N"));
        }
        int[] m = new int[macros];
        for (int i = 0; i < macros; i++) {
            m[i] = b.addMovable("m" + i, 15 + rnd.nextInt(26), 15 + rnd.nextInt(26));
        }
        int c0 = b.addMovable("c0", 5, 10);
        int c1 = b.addMovable("c1", 7, 10);
        int blk = b.addFixed("blk", 20, 25, false);
        b.setPosition(blk, 50, 40, "N");
        int ni = b.addFixed("ni", 30, 30, true);
        b.setPosition(ni, 5, 5, "N");
        int[] pads = new int[8];
        for (int i = 0; i < 8; i++) {
            pads[i] = b.addFixed("p" + i, 1, 1, false);
            double t = i / 8.0;
            b.setPosition(pads[i], i % 2 == 0 ? -2 : 121, 100 * t, "N");
        }
        int all = macros + 2;
        for (int e = 0; e < 3 * macros; e++) {
            b.addNet("n" + e, 1 + rnd.nextInt(2));
            int deg = 2 + rnd.nextInt(3);
            for (int k = 0; k < deg; k++) {
                int pick = rnd.nextInt(all + 10);
                int v;
                if (pick < macros) {
                    v = m[pick];
                } else if (pick < all) {
                    v = pick == macros ? c0 : c1;
                } else if (pick < all + 8) {
                    v = pads[pick - all];
                } else {
                    v = pick == all + 8 ? blk : ni;
                }
                b.addPin(v, rnd.nextInt(9) - 4, rnd.nextInt(9) - 4, Netlist.DIR_INPUT);
            }
        }
        return b.build();
    }
}
