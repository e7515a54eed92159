package org.chipplace.offline.experts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.synthetic.SyntheticCircuits;
import org.chipplace.netlist.synthetic.SyntheticOptions;
import org.chipplace.offline.TestDesigns;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.placer.ProgressListener;
import org.junit.jupiter.api.Test;

class CellDensityKernelTest {
    private static final int G = 7;

    /** A design with its cells scattered over (and partly outside) the core. */
    private static Placement scattered(Netlist nl, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Placement p = nl.initialPlacement();
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.kinds()[v] == NodeKind.CELL.code()) {
                p.x()[v] = -5 + 125 * rnd.nextDouble();
                p.y()[v] = -5 + 105 * rnd.nextDouble();
            }
        }
        return p;
    }

    private static double overlap(double a0, double a1, double b0, double b1) {
        return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
    }

    @Test
    void cellAreaPerGridCellMatchesBruteForceOverlap() {
        Netlist nl = TestDesigns.withObstacle(5, 3);
        Placement p = scattered(nl, 11);
        double cw = 120.0 / G, ch = 100.0 / G;
        double[] area = CellDensityKernel.cellArea(nl, p, G, 0, 0, cw, ch);
        for (int ix = 0; ix < G; ix++) {
            for (int iy = 0; iy < G; iy++) {
                double expected = 0;
                for (int v = 0; v < nl.numNodes(); v++) {
                    if (nl.kinds()[v] == NodeKind.CELL.code()) {
                        expected += overlap(p.x()[v], p.x()[v] + nl.widths()[v], ix * cw, (ix + 1) * cw)
                                * overlap(p.y()[v], p.y()[v] + nl.heights()[v], iy * ch, (iy + 1) * ch);
                    }
                }
                assertThat(area[ix * G + iy]).as("cell (%d, %d)", ix, iy).isCloseTo(expected, within(1e-9));
            }
        }
    }

    @Test
    void areaUnderMacrosMatchesTheSumOverTheirGridCells() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] grid = new double[G * G];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = rnd.nextDouble();
        }
        double[] prefix = new double[(G + 1) * (G + 1)];
        CellDensityKernel.prefixSums(grid, G, prefix);
        int[] gw = {1, 3, 2, 7};
        int[] gh = {2, 1, 4, 1};
        int[] cells = {0, 4 * G + 6, -1, 6 * G + 3}; // the second and fourth stick out and are clamped
        double expected = 0;
        for (int k = 0; k < cells.length; k++) {
            if (cells[k] < 0) {
                continue;
            }
            int ix0 = Math.min(cells[k] / G, G - gw[k]);
            int iy0 = Math.min(cells[k] % G, G - gh[k]);
            for (int ix = ix0; ix < ix0 + gw[k]; ix++) {
                for (int iy = iy0; iy < iy0 + gh[k]; iy++) {
                    expected += grid[ix * G + iy];
                }
            }
        }
        assertThat(CellDensityKernel.areaUnder(prefix, G, cells, gw, gh)).isCloseTo(expected, within(1e-9));
    }

    private static double areaUnderMacros(Netlist nl, Placement cellsAt, Placement macrosAt, EnvOptions o) {
        MacroEnv env = new MacroEnv(nl, macrosAt, o);
        int g = env.grid();
        double[] area = CellDensityKernel.cellArea(nl, cellsAt, g, env.gridX0(), env.gridY0(), env.cellWidth(),
                env.cellHeight());
        double[] prefix = new double[(g + 1) * (g + 1)];
        CellDensityKernel.prefixSums(area, g, prefix);
        int[] cells = new int[env.numSteps()];
        int[] gw = new int[cells.length];
        int[] gh = new int[cells.length];
        for (int k = 0; k < cells.length; k++) {
            cells[k] = env.snappedCell(k);
            gw[k] = env.gridWidth(k);
            gh[k] = env.gridHeight(k);
        }
        return CellDensityKernel.areaUnder(prefix, g, cells, gw, gh);
    }

    @Test
    void densityTermKeepsTheLocalSearchOffTheCellsAndIsDeterministicForASeed() {
        Netlist nl = SyntheticCircuits.generate("syn", SyntheticOptions.small(30), 21);
        EnvOptions o = EnvOptions.defaults().withGrid(32).withCellPins(true);
        Placement start = nl.initialPlacement();
        new GreedyPlacer(o).placeMacros(nl, start, 0, ProgressListener.NONE);
        EaOptions local = new EaOptions(60, 200, 1, 0, true, 2);
        Placement plain = start.copy();
        new EaPlacer(o, local).placeMacros(nl, plain, 7, ProgressListener.NONE);
        Placement dense = start.copy();
        new EaPlacer(o, local.withDensityWeight(50)).placeMacros(nl, dense, 7, ProgressListener.NONE);
        Placement again = start.copy();
        new EaPlacer(o, local.withDensityWeight(50)).placeMacros(nl, again, 7, ProgressListener.NONE);
        assertThat(again.x()).isEqualTo(dense.x());
        assertThat(again.y()).isEqualTo(dense.y());
        assertThat(areaUnderMacros(nl, start, dense, o)).isLessThan(areaUnderMacros(nl, start, plain, o));
        // the search never accepts a higher cost (HPWL + density term) than its start
        double scale = 50 / nl.rowHeight();
        double costDense = MacroEnv.macroHpwl(nl, dense, o) + scale * areaUnderMacros(nl, start, dense, o);
        double costStart = MacroEnv.macroHpwl(nl, start, o) + scale * areaUnderMacros(nl, start, start, o);
        assertThat(costDense).isLessThanOrEqualTo(costStart + 1e-9 * costStart);
    }

    @Test
    void densityWeightMustBeFiniteAndNonNegative() {
        assertThatThrownBy(() -> EaOptions.defaults().withDensityWeight(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("densityWeight");
        assertThatThrownBy(() -> EaOptions.defaults().withDensityWeight(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(EaOptions.defaults().densityWeight()).isZero();
        assertThat(new EaOptions(60, 0, 1, 0.5, true, 1).densityWeight()).isZero();
    }
}
