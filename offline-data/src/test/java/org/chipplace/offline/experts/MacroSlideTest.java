package org.chipplace.offline.experts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.chipplace.metrics.Hpwl;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;
import org.chipplace.offline.TestDesigns;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.placer.ProgressListener;
import org.chipplace.placer.legalize.LegalizerOptions;
import org.chipplace.placer.legalize.MacroLegalizer;
import org.junit.jupiter.api.Test;

class MacroSlideTest {
    private static final int G = 7;
    private static final double CW = 120.0 / G;
    private static final double CH = 100.0 / G;

    private static double overlap(double a0, double a1, double b0, double b1) {
        return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
    }

    private static double[] randomPrefix(double[] grid) {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < grid.length; i++) {
            grid[i] = rnd.nextDouble() * 50;
        }
        double[] prefix = new double[(G + 1) * (G + 1)];
        CellDensityKernel.prefixSums(grid, G, prefix);
        return prefix;
    }

    @Test
    void areaInMatchesUniformDensityPerGridCellOnArbitraryRectangles() {
        double[] grid = new double[G * G];
        double[] prefix = randomPrefix(grid);
        SplittableRandom rnd = new SplittableRandom(8);
        for (int t = 0; t < 200; t++) {
            double xl = -10 + 130 * rnd.nextDouble();
            double yl = -10 + 110 * rnd.nextDouble();
            double xh = xl + 60 * rnd.nextDouble();
            double yh = yl + 60 * rnd.nextDouble();
            double expected = 0;
            for (int ix = 0; ix < G; ix++) {
                for (int iy = 0; iy < G; iy++) {
                    double frac = overlap(xl, xh, ix * CW, (ix + 1) * CW) * overlap(yl, yh, iy * CH, (iy + 1) * CH)
                            / (CW * CH);
                    expected += frac * grid[ix * G + iy];
                }
            }
            assertThat(MacroSlide.areaIn(prefix, G, 0, 0, CW, CH, xl, yl, xh, yh))
                    .as("rectangle %d", t).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void areaInOfGridAlignedRectanglesIsTheEaDensityTerm() {
        double[] grid = new double[G * G];
        double[] prefix = randomPrefix(grid);
        int[] gw = {2, 3};
        int[] gh = {1, 4};
        int[] cells = {1 * G + 2, 4 * G + 3};
        double ea = CellDensityKernel.areaUnder(prefix, G, cells, gw, gh);
        double slide = 0;
        for (int k = 0; k < cells.length; k++) {
            double x = cells[k] / G * CW;
            double y = cells[k] % G * CH;
            slide += MacroSlide.areaIn(prefix, G, 0, 0, CW, CH, x, y, x + gw[k] * CW, y + gh[k] * CH);
        }
        assertThat(slide).isCloseTo(ea, within(1e-9));
    }

    /** HPWL plus scale times the cell area under all macros, computed from scratch. */
    private static double objective(Netlist nl, Placement p, int[] ids, double[] prefix, int g, double scale) {
        double c = Hpwl.total(nl, p.x(), p.y());
        double cw = (nl.coreXh() - nl.coreXl()) / g;
        double ch = (nl.coreYh() - nl.coreYl()) / g;
        for (int v : ids) {
            c += scale * MacroSlide.areaIn(prefix, g, nl.coreXl(), nl.coreYl(), cw, ch, p.x()[v], p.y()[v],
                    p.x()[v] + nl.widths()[v], p.y()[v] + nl.heights()[v]);
        }
        return c;
    }

    private static int[] macroIds(Netlist nl) {
        int[] ids = new int[nl.numMacros()];
        int k = 0;
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.isMacro(v)) {
                ids[k++] = v;
            }
        }
        return ids;
    }

    private static void assertLegalMacros(Netlist nl, Placement p, int[] ids) {
        for (int a : ids) {
            assertThat(p.x()[a]).isBetween(-1e-9, 120 - nl.widths()[a] + 1e-9);
            assertThat(p.y()[a]).isBetween(-1e-9, 100 - nl.heights()[a] + 1e-9);
            assertThat(p.y()[a] % 10).as("on a row bottom").isCloseTo(0, within(1e-9));
            assertThat(p.x()[a] - Math.rint(p.x()[a])).as("on a site").isCloseTo(0, within(1e-9));
            for (int b = 0; b < nl.numNodes(); b++) {
                boolean blocks = b != a && (nl.isMacro(b) || nl.kinds()[b] == NodeKind.FIXED.code());
                if (blocks) {
                    double o = overlap(p.x()[a], p.x()[a] + nl.widths()[a], p.x()[b], p.x()[b] + nl.widths()[b])
                            * overlap(p.y()[a], p.y()[a] + nl.heights()[a], p.y()[b], p.y()[b] + nl.heights()[b]);
                    assertThat(o).as("overlap of %d and %d", a, b).isLessThan(1e-9);
                }
            }
        }
    }

    @Test
    void slidesKeepTheMacrosLegalLowerTheObjectiveAndAreDeterministic() {
        for (long seed = 1; seed <= 6; seed++) {
            Netlist nl = TestDesigns.withObstacle(5, seed);
            int[] ids = macroIds(nl);
            // targets: random spots (overlapping); start: their legalization moved away from them
            SplittableRandom rnd = new SplittableRandom(seed);
            Placement target = nl.initialPlacement();
            for (int v : ids) {
                target.x()[v] = rnd.nextDouble() * (120 - nl.widths()[v]);
                target.y()[v] = rnd.nextDouble() * (100 - nl.heights()[v]);
            }
            Placement start = target.copy();
            for (int v : ids) {
                start.x()[v] = 120 - nl.widths()[v] - start.x()[v];
            }
            boolean[] macros = new boolean[nl.numNodes()];
            for (int v : ids) {
                macros[v] = true;
            }
            MacroLegalizer.legalize(nl, start, macros, LegalizerOptions.defaults().withThreads(1));
            double[] area = CellDensityKernel.cellArea(nl, start, G, 0, 0, CW, CH);
            double[] prefix = new double[(G + 1) * (G + 1)];
            CellDensityKernel.prefixSums(area, G, prefix);
            double before = objective(nl, start, ids, prefix, G, 0.5);
            Placement a = start.copy();
            Placement b = start.copy();
            int moves = MacroSlide.refine(nl, a, ids, target.x(), target.y(), prefix, G, 0.5, 0, 20);
            MacroSlide.refine(nl, b, ids, target.x(), target.y(), prefix, G, 0.5, 0, 20);
            assertLegalMacros(nl, a, ids);
            double after = objective(nl, a, ids, prefix, G, 0.5);
            assertThat(after).as("seed %d", seed).isLessThanOrEqualTo(before + 1e-9);
            if (moves > 0) {
                assertThat(after).as("seed %d", seed).isLessThan(before);
            }
            assertThat(a.x()).isEqualTo(b.x());
            assertThat(a.y()).isEqualTo(b.y());
        }
    }

    @Test
    void aMacroPulledByItsNetSlidesUpToTheBlockerInItsWayAndNoFurther() {
        NetlistBuilder nb = new NetlistBuilder("slide");
        for (int r = 0; r < 10; r++) {
            nb.addRow(new Row(r * 10, 10, 1, 1, 0, 120, "N"));
        }
        int m = nb.addMovable("m", 20, 20);
        int blk = nb.addFixed("blk", 10, 30, false);
        nb.setPosition(blk, 60, 0, "N");
        int pad = nb.addFixed("pad", 1, 1, false);
        nb.setPosition(pad, 121, 5, "N");
        nb.addNet("n", 1);
        nb.addPin(m, 0, 0, Netlist.DIR_OUTPUT);
        nb.addPin(pad, 0, 0, Netlist.DIR_INPUT);
        Netlist nl = nb.build();
        Placement p = nl.initialPlacement();
        p.x()[m] = 0;
        p.y()[m] = 0;
        double[] tx = p.x().clone();
        double[] ty = p.y().clone();
        tx[m] = 90;
        ty[m] = 0;
        double[] prefix = new double[(G + 1) * (G + 1)];
        int moves = MacroSlide.refine(nl, p, new int[] {m}, tx, ty, prefix, G, 0, 0, 5);
        assertThat(moves).isEqualTo(1);
        assertThat(p.x()[m]).isEqualTo(40.0);
        assertThat(p.y()[m]).isEqualTo(0.0);
        // a target behind the macro: moving there costs wirelength, so it stays
        tx[m] = 0;
        assertThat(MacroSlide.refine(nl, p, new int[] {m}, tx, ty, prefix, G, 0, 0, 5)).isZero();
        assertThat(p.x()[m]).isEqualTo(40.0);
    }

    @Test
    void slidingPlacerIsDeterministicLegalAndNoWorseThanTheLegalizedInnerResult() {
        Netlist nl = TestDesigns.withObstacle(5, 4);
        EnvOptions env = EnvOptions.defaults().withGrid(16).withCellPins(true);
        EaPlacer ea = new EaPlacer(env, new EaOptions(60, 30, 1, 0.5, true, 1, 4));
        Placement start = nl.initialPlacement();
        SplittableRandom rnd = new SplittableRandom(1);
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.isMovable(v)) {
                start.x()[v] = rnd.nextDouble() * (120 - nl.widths()[v]);
                start.y()[v] = rnd.nextDouble() * (100 - nl.heights()[v]);
            }
        }
        int[] ids = macroIds(nl);
        boolean[] macros = new boolean[nl.numNodes()];
        for (int v : ids) {
            macros[v] = true;
        }
        Placement plain = start.copy();
        ea.placeMacros(nl, plain, 3, ProgressListener.NONE);
        MacroLegalizer.legalize(nl, plain, macros, LegalizerOptions.defaults().withThreads(1));
        SlidingMacroPlacer sliding = new SlidingMacroPlacer(ea, new SlideOptions(20, List.of(4.0), List.of(0.0),
                16));
        assertThat(sliding.name()).isEqualTo("ea");
        Placement a = start.copy();
        Placement b = start.copy();
        sliding.placeMacros(nl, a, 3, ProgressListener.NONE);
        sliding.placeMacros(nl, b, 3, ProgressListener.NONE);
        assertThat(a.x()).isEqualTo(b.x());
        assertThat(a.y()).isEqualTo(b.y());
        assertLegalMacros(nl, a, ids);
        double[] area = CellDensityKernel.cellArea(nl, start, 16, 0, 0, 120.0 / 16, 100.0 / 16);
        double[] prefix = new double[17 * 17];
        CellDensityKernel.prefixSums(area, 16, prefix);
        double scale = 4 / nl.rowHeight();
        assertThat(objective(nl, a, ids, prefix, 16, scale))
                .isLessThanOrEqualTo(objective(nl, plain, ids, prefix, 16, scale) + 1e-9);
        for (int v = 0; v < nl.numNodes(); v++) {
            if (!macros[v]) {
                assertThat(a.x()[v]).isEqualTo(start.x()[v]);
            }
        }
    }

    @Test
    void candidatesAreOneLegalRefinementPerWeightTheFirstBeingPlaceMacrosResult() {
        Netlist nl = TestDesigns.withObstacle(5, 4);
        EnvOptions env = EnvOptions.defaults().withGrid(16).withCellPins(true);
        EaPlacer ea = new EaPlacer(env, new EaOptions(60, 30, 1, 0.5, true, 1, 4));
        SlidingMacroPlacer sliding = new SlidingMacroPlacer(ea,
                new SlideOptions(20, List.of(4.0, 0.0, 400.0), List.of(0.0, 0.0, 1000.0), 16));
        Placement start = nl.initialPlacement();
        SplittableRandom rnd = new SplittableRandom(2);
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.isMovable(v)) {
                start.x()[v] = rnd.nextDouble() * (120 - nl.widths()[v]);
                start.y()[v] = rnd.nextDouble() * (100 - nl.heights()[v]);
            }
        }
        Placement given = start.copy();
        List<Placement> c = sliding.candidates(nl, given, 5, ProgressListener.NONE);
        assertThat(given.x()).isEqualTo(start.x());
        assertThat(c).hasSizeBetween(1, 3);
        Placement single = start.copy();
        sliding.placeMacros(nl, single, 5, ProgressListener.NONE);
        assertThat(c.get(0).x()).isEqualTo(single.x());
        assertThat(c.get(0).y()).isEqualTo(single.y());
        int[] ids = macroIds(nl);
        for (int i = 0; i < c.size(); i++) {
            assertLegalMacros(nl, c.get(i), ids);
            for (int j = 0; j < i; j++) {
                boolean same = Arrays.equals(c.get(i).x(), c.get(j).x())
                        && Arrays.equals(c.get(i).y(), c.get(j).y());
                assertThat(same).as("candidates %d and %d", j, i).isFalse();
            }
        }
    }

    @Test
    void optionsRejectInvalidValues() {
        assertThat(SlideOptions.defaults()).isEqualTo(new SlideOptions(20, List.of(16.0), List.of(0.0), 256));
        List<Double> one = List.of(1.0);
        List<Double> none = List.of();
        assertThatThrownBy(() -> new SlideOptions(-1, one, one, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlideOptions(1, List.of(-1.0), one, 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlideOptions(1, List.of(Double.NaN), one, 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlideOptions(1, none, none, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlideOptions(1, one, List.of(-1.0), 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlideOptions(1, one, List.of(1.0, 2.0), 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlideOptions(1, one, one, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
