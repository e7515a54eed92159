package org.chipplace.placer.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;
import org.chipplace.parallel.Parallel;
import org.junit.jupiter.api.Test;

class DensityModelTest {
    private static final int CELLS = 12;

    /** 12 movable cells (6..12 wide, 8 or 16 high) on a 64 x 64 core, one fixed block, one pad outside. */
    private static Netlist tiny() {
        NetlistBuilder b = new NetlistBuilder("tiny");
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < CELLS; i++) {
            int c = b.addMovable("c" + i, 6 + r.nextInt(7), i % 3 == 0 ? 16 : 8);
            b.setPosition(c, 4 + r.nextDouble() * 40, 4 + r.nextDouble() * 40, "N");
        }
        int block = b.addFixed("block", 10, 12, false);
        b.setPosition(block, 40, 30, "N");
        int pad = b.addFixed("pad", 1, 1, false);
        b.setPosition(pad, -5, 70, "N");
        int ni = b.addFixed("ni", 20, 20, true);
        b.setPosition(ni, 5, 5, "N");
        for (int row = 0; row < 8; row++) {
            b.addRow(new Row(row * 8.0, 8, 1, 1, 0, 64, "N"));
        }
        b.addNet("n0", 1);
        b.addPin(0, 0, 0, Netlist.DIR_OUTPUT);
        b.addPin(pad, 0, 0, Netlist.DIR_INPUT);
        return b.build();
    }

    private static boolean[] cellsMovable(Netlist nl) {
        boolean[] mv = new boolean[nl.numNodes()];
        for (int v = 0; v < CELLS; v++) {
            mv[v] = true;
        }
        return mv;
    }

    @Test
    void densityGradientMatchesFiniteDifferencesOfTheEnergy() {
        Netlist nl = tiny();
        Placement p = nl.initialPlacement();
        boolean[] mv = cellsMovable(nl);
        try (Parallel par = new Parallel(1)) {
            PlacementModel model = new PlacementModel(nl, p, mv);
            DensityModel d = new DensityModel(nl, p, mv, 64, 0.9, par);
            d.bind(model);
            double[] x = model.cx, y = model.cy;
            double[] gx = new double[model.numObjects], gy = new double[model.numObjects];
            d.update(x, y, true);
            d.gradient(x, y, gx, gy);
            double h = 0.25, err = 0, norm = 0;
            for (int o = 0; o < model.numObjects; o++) {
                for (int axis = 0; axis < 2; axis++) {
                    double[] c = axis == 0 ? x : y;
                    double keep = c[o];
                    c[o] = keep + h;
                    d.update(x, y, true);
                    double ep = d.energy();
                    c[o] = keep - h;
                    d.update(x, y, true);
                    double em = d.energy();
                    c[o] = keep;
                    double fd = (ep - em) / (2 * h);
                    double g = axis == 0 ? gx[o] : gy[o];
                    err += (g - fd) * (g - fd);
                    norm += fd * fd;
                }
            }
            assertThat(norm).isGreaterThan(0);
            // q * E approximates the exact derivative of the discretised energy (ePlace); the
            // discretisation error is small when cells span several bins
            assertThat(Math.sqrt(err / norm)).isLessThan(0.05);
        }
    }

    @Test
    void scatterKeepsEveryChargeAndScalesObstaclesAndMacrosByTargetDensity() {
        Netlist nl = tiny();
        Placement p = nl.initialPlacement();
        boolean[] mv = cellsMovable(nl);
        try (Parallel par = new Parallel(2)) {
            PlacementModel model = new PlacementModel(nl, p, mv);
            DensityModel d = new DensityModel(nl, p, mv, 16, 0.8, par);
            model.addFillers(5, 2, 2, new SplittableRandom(1));
            for (int f = model.numReal; f < model.numObjects; f++) {
                model.cx[f] = 20 + 3 * (f - model.numReal); // away from the border, where stretched boxes would be clipped
                model.cy[f] = 30;
            }
            d.bind(model);
            d.update(model.cx, model.cy, false);
            double fixed = 0, real = 0, total = 0, cells = 0;
            for (int b = 0; b < 256; b++) {
                fixed += d.fixed[b];
                real += d.real[b];
                total += d.total[b];
            }
            for (int v = 0; v < CELLS; v++) {
                // 16-high nodes are movable macros (taller than the row): charge times the target density
                cells += nl.widths()[v] * nl.heights()[v] * (nl.isMacro(v) ? 0.8 : 1.0);
            }
            assertThat(nl.numMacros()).isEqualTo(4);
            // the FIXED_NI node is not an obstacle, the pad is outside the core
            assertThat(fixed).isCloseTo(0.8 * 10 * 12, offset(1e-9));
            assertThat(d.freeArea()).isCloseTo(64 * 64 - 120, offset(1e-9));
            assertThat(real).isCloseTo(cells, offset(1e-9));
            assertThat(total).isCloseTo(cells + fixed + 5 * 4, offset(1e-9));
        }
    }

    @Test
    void overflowOfStackedCellsMatchesBruteForce() {
        Netlist nl = tiny();
        Placement p = nl.initialPlacement();
        boolean[] mv = cellsMovable(nl);
        try (Parallel par = new Parallel(1)) {
            PlacementModel model = new PlacementModel(nl, p, mv);
            DensityModel d = new DensityModel(nl, p, mv, 8, 1.0, par);
            d.bind(model);
            double[] x = new double[CELLS], y = new double[CELLS];
            java.util.Arrays.fill(x, 12);
            java.util.Arrays.fill(y, 12);
            d.update(x, y, false);
            // brute force with the local smoothing to sqrt(2) bins; target density 1 leaves macros unscaled
            double binArea = 64, over = 0, charge = 0;
            double[] map = new double[64];
            for (int o = 0; o < CELLS; o++) {
                double w = Math.max(model.w[o], Math.sqrt(2) * 8), hh = Math.max(model.h[o], Math.sqrt(2) * 8);
                double s = model.w[o] * model.h[o] / (w * hh);
                charge += model.w[o] * model.h[o];
                for (int b = 0; b < 64; b++) {
                    double bx = (b / 8) * 8.0, by = (b % 8) * 8.0;
                    double ox = Math.max(0, Math.min(12 + w / 2, bx + 8) - Math.max(12 - w / 2, bx));
                    double oy = Math.max(0, Math.min(12 + hh / 2, by + 8) - Math.max(12 - hh / 2, by));
                    map[b] += s * ox * oy;
                }
            }
            for (int b = 0; b < 64; b++) {
                over += Math.max(0, map[b] + d.fixed[b] - binArea);
            }
            assertThat(d.overflow()).isCloseTo(over / charge, offset(1e-12));
            assertThat(d.overflow()).isGreaterThan(0.5);
        }
    }

    @Test
    void aMovableMacroChargesItsHaloAndABlockingObjectsHaloIsBlocked() {
        NetlistBuilder b = new NetlistBuilder("halo");
        for (int row = 0; row < 8; row++) {
            b.addRow(new Row(row * 8.0, 8, 1, 1, 0, 64, "N"));
        }
        int macro = b.addMovable("m", 16, 24); // taller than a row: a macro
        b.setPosition(macro, 20, 20, "N");
        b.setHalo(macro, 2, 3, 4, 5);
        int cell = b.addMovable("c", 4, 8);
        b.setPosition(cell, 2, 2, "N");
        int block = b.addFixed("blk", 8, 8, false);
        b.setPosition(block, 48, 48, "N");
        b.setHalo(block, 4, 4, 4, 4);
        Netlist withBlockHalo = b.build();
        boolean[] mv = new boolean[withBlockHalo.numNodes()];
        mv[macro] = true;
        mv[cell] = true;
        Placement p = withBlockHalo.initialPlacement();
        try (Parallel par = new Parallel(1)) {
            PlacementModel model = new PlacementModel(withBlockHalo, p, mv);
            DensityModel d = new DensityModel(withBlockHalo, p, mv, 16, 0.9, par);
            d.bind(model);
            // macro (16 + 2 + 4) x (24 + 3 + 5) at the target density, the cell at 1
            assertThat(d.realCharge()).isCloseTo(22 * 32 * 0.9 + 4 * 8, offset(1e-9));
            // the block and its 4-unit halo, 16 x 16, are not free
            assertThat(d.freeArea()).isCloseTo(64 * 64 - 16 * 16, offset(1e-6));
        }
    }

    @Test
    void gradientFromTheOverlapsKeptByUpdateEqualsTheRecomputedOneBitForBit() {
        Netlist nl = tiny();
        Placement p = nl.initialPlacement();
        boolean[] mv = cellsMovable(nl);
        try (Parallel par = new Parallel(2)) {
            PlacementModel model = new PlacementModel(nl, p, mv);
            DensityModel d = new DensityModel(nl, p, mv, 16, 0.9, par);
            model.addFillers(40, 3, 3, new SplittableRandom(3));
            SplittableRandom r = new SplittableRandom(11);
            for (int o = 0; o < model.numObjects; o++) {
                // anywhere in the core, at the edges too (where the 3 x 3 window is moved back onto the grid)
                double u = r.nextDouble();
                model.cx[o] = u < 0.2 ? 0.5 : u > 0.8 ? 63.5 : r.nextDouble() * 64;
                model.cy[o] = r.nextInt(4) == 0 ? 63.9 : r.nextDouble() * 64;
            }
            d.bind(model);
            double[] x = model.cx, y = model.cy;
            int n = model.numObjects;
            double[] kx = new double[n], ky = new double[n], fx = new double[n], fy = new double[n];
            d.update(x, y, false);
            d.gradient(x, y, kx, ky); // the overlaps of update
            d.gradient(x.clone(), y.clone(), fx, fy); // other arrays: recomputed from the positions
            assertThat(kx).containsExactly(fx);
            assertThat(ky).containsExactly(fy);
            double norm = 0;
            for (int o = 0; o < n; o++) {
                norm += Math.abs(kx[o]) + Math.abs(ky[o]);
            }
            assertThat(norm).isGreaterThan(0);
        }
    }
}
