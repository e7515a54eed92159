package org.chipplace.gnn;

import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;

/**
 * Seeded random circuits for tests: cells and macros in a hidden linear order, nets joining nodes
 * within a locality window of that order (a crude Rent-like locality), pads fixed on the core
 * boundary. Row height 10, core {@code side x side}.
 */
final class SyntheticCircuits {
    private SyntheticCircuits() {
    }

    /**
     * @param cells         movable standard cells (height 10)
     * @param macros        movable macros ({@code macroSize x macroSize}, taller than a row)
     * @param pads          fixed 1x1 pads on the boundary
     * @param meanNetDegree mean pins per net (at least 2)
     * @param locality      window of a net as a fraction of the node count
     * @param macroSize     macro side
     */
    record Spec(int cells, int macros, int pads, double meanNetDegree, double locality, double macroSize) {
    }

    static Netlist generate(String name, Spec s, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        NetlistBuilder b = new NetlistBuilder(name);
        int movable = s.cells() + s.macros();
        int[] order = new int[movable]; // hidden linear position -> node
        boolean[] isMacroSlot = new boolean[movable];
        for (int k = 0; k < s.macros(); k++) {
            int slot;
            do {
                slot = rnd.nextInt(movable);
            } while (isMacroSlot[slot]);
            isMacroSlot[slot] = true;
        }
        int c = 0;
        int m = 0;
        for (int i = 0; i < movable; i++) {
            if (isMacroSlot[i]) {
                order[i] = b.addMovable("m" + m++, s.macroSize(), s.macroSize());
            } else {
                order[i] = b.addMovable("c" + c++, 2 + rnd.nextInt(6), 10);
            }
        }
        double side = Math.ceil(Math.sqrt(movable * 40.0 + s.macros() * s.macroSize() * s.macroSize()) * 1.3 / 10) * 10;
        int[] pad = new int[s.pads()];
        for (int p = 0; p < s.pads(); p++) {
            pad[p] = b.addFixed("p" + p, 1, 1, false);
            double t = (double) p / Math.max(1, s.pads()) * 4;
            int edge = (int) t;
            double f = (t - edge) * side;
            double x = edge == 0 ? f : edge == 1 ? side : edge == 2 ? side - f : 0;
            double y = edge == 0 ? 0 : edge == 1 ? f : edge == 2 ? side : side - f;
            b.setPosition(pad[p], x, y, "N");
        }
        for (int r = 0; r < side / 10; r++) {
            b.addRow(new Row(r * 10, 10, 1, 1, 0, (int) side, "N"));
        }
        int window = Math.max(2, (int) Math.round(s.locality() * movable));
        int nets = (int) Math.round(movable * 1.1);
        for (int e = 0; e < nets; e++) {
            b.addNet("n" + e, 1.0);
            int d = 2;
            while (rnd.nextDouble() > 1.0 / (s.meanNetDegree() - 1) && d < 40) {
                d++;
            }
            int centre = rnd.nextInt(movable);
            for (int k = 0; k < d; k++) {
                int pos = k == 0 ? centre : Math.floorMod(centre + rnd.nextInt(2 * window + 1) - window, movable);
                b.addPin(order[pos], 0, 0, k == 0 ? Netlist.DIR_OUTPUT : Netlist.DIR_INPUT);
            }
            if (s.pads() > 0 && rnd.nextDouble() < 0.05) {
                int p = (int) ((long) centre * s.pads() / movable);
                b.addPin(pad[p], 0, 0, Netlist.DIR_BIDIRECTIONAL);
            }
        }
        return b.build();
    }

    /** The same design with nodes renumbered by a seeded random permutation (names, nets and pins kept). */
    static Netlist permuted(Netlist nl, long seed) {
        int n = nl.numNodes();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        NetlistBuilder b = new NetlistBuilder(nl.name());
        Placement p = nl.initialPlacement();
        int[] newId = new int[n];
        for (int k = 0; k < n; k++) {
            int v = perm[k];
            double w = nl.widths()[v];
            double h = nl.heights()[v];
            newId[v] = nl.isMovable(v) ? b.addMovable(nl.nodeNames()[v], w, h)
                    : b.addFixed(nl.nodeNames()[v], w, h, nl.kind(v) == NodeKind.FIXED_NI);
            b.setPosition(newId[v], p.x()[v], p.y()[v], p.orient()[v]);
        }
        for (Row r : nl.rows()) {
            b.addRow(r);
        }
        for (int e = 0; e < nl.numNets(); e++) {
            b.addNet(nl.netNames()[e], nl.netWeights()[e]);
            for (int q = nl.netPinStart()[e]; q < nl.netPinStart()[e + 1]; q++) {
                b.addPin(newId[nl.pinNode()[q]], nl.pinDx()[q], nl.pinDy()[q], nl.pinDirection()[q]);
            }
        }
        return b.build();
    }
}
