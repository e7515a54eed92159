package org.chipplace.api.service.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.chipplace.api.service.render.LayoutGeometry.Layout;
import org.chipplace.api.service.render.LayoutGeometry.MacroNets;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;
import org.junit.jupiter.api.Test;

class LayoutGeometryTest {
    /** 10 rows of height 10 over [0,100]^2, one 30x30 macro, one pad, cells on a seeded grid. */
    private static Netlist design(int cells, long seed) {
        NetlistBuilder b = new NetlistBuilder("geo");
        for (int r = 0; r < 10; r++) {
            b.addRow(new Row(10 * r, 10, 1, 1, 0, 100, "N"));
        }
        int macro = b.addMovable("m0", 30, 30);
        b.setPosition(macro, 40, 40, "N");
        int pad = b.addFixed("p0", 0, 0, false);
        b.setPosition(pad, 0, 50, "N");
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] ids = new int[cells];
        for (int i = 0; i < cells; i++) {
            ids[i] = b.addMovable("c" + i, 1 + rnd.nextInt(4), 10);
            b.setPosition(ids[i], rnd.nextDouble() * 96, 10 * rnd.nextInt(10), "N");
        }
        int net = b.addNet("n0", 1);
        b.addPin(macro, 5, -3, Netlist.DIR_OUTPUT);
        b.addPin(pad, 0, 0, Netlist.DIR_INPUT);
        b.addPin(ids[0], 0, 0, Netlist.DIR_INPUT);
        int big = b.addNet("n1", 2);
        for (int i = 0; i < cells; i++) {
            b.addPin(ids[i], 0, 0, Netlist.DIR_INPUT);
        }
        b.addPin(macro, 0, 0, Netlist.DIR_INPUT);
        assertThat(net).isNotEqualTo(big);
        return b.build();
    }

    @Test
    void cellAreaMatchesBruteForceOverlapPerBin() {
        Netlist nl = design(200, 3);
        Placement p = nl.initialPlacement();
        int nx = 7, ny = 5;
        double bw = 100.0 / nx, bh = 100.0 / ny;
        double[] fast = new double[nx * ny];
        LayoutGeometry.cellArea(p.x(), p.y(), nl.widths(), nl.heights(), nl.kinds(), NodeKind.CELL.code(), 0, 0, bw,
                bh, nx, ny, fast);
        double total = 0;
        for (int ix = 0; ix < nx; ix++) {
            for (int iy = 0; iy < ny; iy++) {
                double ref = 0;
                for (int v = 0; v < nl.numNodes(); v++) {
                    if (nl.kinds()[v] != NodeKind.CELL.code()) {
                        continue;
                    }
                    double ox = Math.min(p.x()[v] + nl.widths()[v], (ix + 1) * bw) - Math.max(p.x()[v], ix * bw);
                    double oy = Math.min(p.y()[v] + nl.heights()[v], (iy + 1) * bh) - Math.max(p.y()[v], iy * bh);
                    ref += Math.max(0, ox) * Math.max(0, oy);
                }
                assertThat(fast[ix * ny + iy]).as("bin %d,%d", ix, iy).isCloseTo(ref, within(1e-9));
                total += ref;
            }
        }
        double cellArea = 0;
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.kinds()[v] == NodeKind.CELL.code()) {
                cellArea += nl.widths()[v] * nl.heights()[v];
            }
        }
        assertThat(total).isCloseTo(cellArea, within(1e-6));
    }

    @Test
    void fewCellsAreSentAsRectanglesAndManyOnlyAsRaster() {
        Netlist nl = design(50, 1);
        Layout few = LayoutGeometry.of(nl, nl.initialPlacement(), null, 50, 16);
        assertThat(few.cells()).hasSize(4 * 50);
        assertThat(few.macros()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("m0");
            assertThat(m.x()).isEqualTo(40.0);
            assertThat(m.w()).isEqualTo(30.0);
        });
        assertThat(few.fixed()).extracting(LayoutGeometry.Node::name).containsExactly("p0");
        assertThat(few.rows()).hasSize(40);
        assertThat(few.rudy()).isNull();
        Layout many = LayoutGeometry.of(nl, nl.initialPlacement(), null, 49, 16);
        assertThat(many.cells()).isNull();
        assertThat(many.cellDensity().nx()).isEqualTo(16);
        assertThat(many.cellDensity().ny()).isEqualTo(16);
        double area = 0;
        for (float u : many.cellDensity().values()) {
            area += u * (100.0 / 16) * (100.0 / 16);
        }
        double expected = 0;
        for (int i = 0; i < many.numCells(); i++) {
            expected += few.cells()[4 * i + 2] * few.cells()[4 * i + 3];
        }
        assertThat(area).isCloseTo(expected, within(expected * 1e-3));
    }

    @Test
    void macroNetsListPinPositionsAndSkipNetsAboveTheDegreeLimit() {
        Netlist nl = design(30, 2);
        Placement p = nl.initialPlacement();
        MacroNets nets = LayoutGeometry.netsOf(nl, p, nl.nodeIndex("m0"), 10);
        assertThat(nets.skipped()).isEqualTo(1);
        assertThat(nets.nets()).singleElement().satisfies(n -> {
            assertThat(n.name()).isEqualTo("n0");
            // macro pin: x + w/2 + dx, y + h/2 + dy
            assertThat(n.pins()[0]).isEqualTo(40 + 15 + 5.0);
            assertThat(n.pins()[1]).isEqualTo(40 + 15 - 3.0);
            assertThat(n.pins()).hasSize(6);
        });
        assertThat(LayoutGeometry.netsOf(nl, p, nl.nodeIndex("m0"), 100).nets()).hasSize(2);
    }
}
