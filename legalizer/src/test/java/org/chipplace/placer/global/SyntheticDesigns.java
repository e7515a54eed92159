package org.chipplace.placer.global;

import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Row;

/**
 * Seeded synthetic designs for tests and the benchmark: standard cells (row height 10, widths 2..8)
 * on a square core at the given utilisation, fixed pads on the core boundary, and local nets: cells
 * are laid on a hidden lattice and every net joins a cell with 1-4 lattice neighbours, so that a good
 * placement has far less wirelength than a random one.
 */
final class SyntheticDesigns {
    private SyntheticDesigns() {
    }

    static Netlist cells(int numCells, int numPads, double utilisation, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        NetlistBuilder b = new NetlistBuilder("synthetic" + numCells);
        double area = 0;
        int[] cells = new int[numCells];
        for (int i = 0; i < numCells; i++) {
            double w = 2 + rnd.nextInt(7);
            cells[i] = b.addMovable("c" + i, w, 10);
            area += w * 10;
        }
        int rows = (int) Math.ceil(Math.sqrt(area / utilisation) / 10);
        int sites = (int) Math.ceil(area / utilisation / (rows * 10.0));
        for (int r = 0; r < rows; r++) {
            b.addRow(new Row(r * 10.0, 10, 1, 1, 0, sites, "N"));
        }
        double cw = sites, ch = rows * 10.0;
        int side = (int) Math.ceil(Math.sqrt(numCells));
        int[] lattice = new int[numCells];
        for (int i = 0; i < numCells; i++) {
            lattice[i] = i;
        }
        for (int i = numCells - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = lattice[i];
            lattice[i] = lattice[j];
            lattice[j] = t;
        }
        // lattice position k holds cell cellAt[k]
        int[] cellAt = new int[side * side];
        java.util.Arrays.fill(cellAt, -1);
        for (int i = 0; i < numCells; i++) {
            cellAt[lattice[i]] = cells[i];
        }
        int net = 0;
        for (int i = 0; i < numCells; i++) {
            int k = lattice[i];
            int kx = k % side, ky = k / side;
            b.addNet("n" + net++, 1.0);
            b.addPin(cells[i], 0, 0, Netlist.DIR_OUTPUT);
            int fanout = 1 + rnd.nextInt(4);
            for (int f = 0; f < fanout; f++) {
                int nx = Math.max(0, Math.min(side - 1, kx + rnd.nextInt(5) - 2));
                int ny = Math.max(0, Math.min(side - 1, ky + rnd.nextInt(5) - 2));
                int c = cellAt[ny * side + nx];
                if (c >= 0 && c != cells[i]) {
                    b.addPin(c, rnd.nextDouble() - 0.5, rnd.nextDouble() * 8 - 4, Netlist.DIR_INPUT);
                }
            }
        }
        for (int p = 0; p < numPads; p++) {
            double t = (p + 0.5) / numPads;
            int sideIdx = p % 4;
            double px, py;
            int kx, ky;
            switch (sideIdx) {
                case 0 -> { px = t * cw; py = -1; kx = (int) (t * side); ky = 0; }
                case 1 -> { px = cw; py = t * ch; kx = side - 1; ky = (int) (t * side); }
                case 2 -> { px = t * cw; py = ch; kx = (int) (t * side); ky = side - 1; }
                default -> { px = -1; py = t * ch; kx = 0; ky = (int) (t * side); }
            }
            int pad = b.addFixed("p" + p, 1, 1, false);
            b.setPosition(pad, px, py, "N");
            int c = cellAt[Math.min(side - 1, ky) * side + Math.min(side - 1, kx)];
            if (c >= 0) {
                b.addNet("n" + net++, 1.0);
                b.addPin(pad, 0, 0, Netlist.DIR_OUTPUT);
                b.addPin(c, 0, 0, Netlist.DIR_INPUT);
            }
        }
        return b.build();
    }
}
