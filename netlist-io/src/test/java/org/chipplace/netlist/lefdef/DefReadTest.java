package org.chipplace.netlist.lefdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;
import org.junit.jupiter.api.Test;

/** Reading the DEF fixture against the three LEF fixtures. */
class DefReadTest {
    private static final double EPS = 1e-9;
    private final DefDesign d = LefDefFixtures.design();
    private final Netlist nl = d.netlist();

    @Test
    void readsHeaderDieAreaAndUnits() {
        assertThat(d.designName()).isEqualTo("top");
        assertThat(nl.name()).isEqualTo("top");
        assertThat(d.dbuPerMicron()).isEqualTo(1000);
        // L-shaped polygon -> its bounding box
        assertThat(d.dieArea()).containsExactly(0, 0, 60000, 30000);
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void rowsAlternateNAndFsWithSiteSizeInDatabaseUnits() {
        Row[] rows = nl.rows();
        assertThat(rows).hasSize(4);
        String[] orient = {"N", "FS", "N", "FS"};
        for (int i = 0; i < 4; i++) {
            // LEF site 0.2 x 2.0 microns * 1000 DEF units per micron
            assertThat(rows[i]).isEqualTo(new Row(4000 + 2000 * i, 2000, 200, 200, 10000, 200, orient[i]));
        }
        assertThat(nl.rowHeight()).isEqualTo(2000);
        assertThat(new double[] {nl.coreXl(), nl.coreYl(), nl.coreXh(), nl.coreYh()})
                .containsExactly(10000, 4000, 50000, 12000);
    }

    @Test
    void countsAndKindsFollowStatusLefClassAndHeight() {
        assertThat(d.components()).hasSize(14);
        assertThat(nl.numNodes()).isEqualTo(14 + 3 + 1);
        assertThat(nl.numNets()).isEqualTo(4);
        assertThat(nl.numPins()).isEqualTo(5 + 6 + 4 + 6);
        assertThat(nl.numCells()).isEqualTo(9);
        assertThat(nl.numMacros()).isEqualTo(2);
        assertThat(nl.numFixed()).isEqualTo(4);
        assertThat(nl.numFixedNi()).isEqualTo(3);
        assertThat(kind("u_n")).isEqualTo(NodeKind.CELL);
        assertThat(kind("u_e")).isEqualTo(NodeKind.CELL);
        assertThat(kind("u_unpl")).isEqualTo(NodeKind.CELL);
        assertThat(kind("u_fn")).isEqualTo(NodeKind.FIXED);
        assertThat(kind("u_fe")).isEqualTo(NodeKind.FIXED); // COVER
        assertThat(kind("ram0")).isEqualTo(NodeKind.FIXED);
        assertThat(kind("ram1")).isEqualTo(NodeKind.MACRO);
        assertThat(kind("ff1")).isEqualTo(NodeKind.CELL); // CLASS CORE, two rows tall: a multi-row cell
        assertThat(kind("blk")).isEqualTo(NodeKind.MACRO); // CLASS BLOCK though only one row tall
        assertThat(kind("in1")).isEqualTo(NodeKind.FIXED_NI);
        assertThat(kind("__blockage0")).isEqualTo(NodeKind.FIXED);
        for (int i = 0; i < 14; i++) {
            assertThat(nl.nodeNames()[i]).isEqualTo(d.components().get(i).name());
        }
    }

    @Test
    void sizesArePositionsAreInDatabaseUnitsAndRotatedSizesSwap() {
        assertSize("u_n", 600, 2000);
        assertSize("u_e", 2000, 600);
        assertSize("u_fw", 2000, 600);
        assertSize("u_fs", 600, 2000);
        assertSize("ram1", 20000, 10000);
        assertSize("ff1", 1200, 4000);
        Placement p = d.placement();
        assertPos(p, "u_s", 11000, 6000, "S");
        assertPos(p, "u_fs", 19000, 6000, "FS");
        assertPos(p, "u_fe", 20000, 6000, "FE");
        assertPos(p, "ram1", 30000, 14000, "FN");
        assertPos(p, "u_unpl", 0, 0, "N");
        assertPos(p, "u_src", 0, 0, "N");
        DefDesign.Component fs = d.components().get(nl.nodeIndex("u_fs"));
        assertThat(fs).isEqualTo(new DefDesign.Component("u_fs", "INV", "PLACED", 19000, 6000, "FS"));
        assertThat(d.components().get(nl.nodeIndex("u_fe")).status()).isEqualTo("COVER");
        assertThat(d.components().get(nl.nodeIndex("u_unpl")).status()).isEqualTo("UNPLACED");
        assertThat(d.components().get(nl.nodeIndex("u_src")).status()).isEqualTo("UNPLACED");
    }

    @Test
    void pinOffsetsAreRotatedAndMirroredForAllEightOrientations() {
        // INV pin A is (-150, -300) from the centre in orientation N (hand-computed from the LEF)
        Map<String, double[]> expected = new LinkedHashMap<>();
        expected.put("u_n", new double[] {-150, -300});
        expected.put("u_s", new double[] {150, 300});
        expected.put("u_w", new double[] {300, -150});
        expected.put("u_e", new double[] {-300, 150});
        expected.put("u_fn", new double[] {150, -300});
        expected.put("u_fs", new double[] {-150, 300});
        expected.put("u_fw", new double[] {300, 150});
        expected.put("u_fe", new double[] {-300, -150});
        for (Map.Entry<String, double[]> e : expected.entrySet()) {
            String net = e.getKey().equals("u_n") || e.getKey().equals("u_s") || e.getKey().equals("u_w")
                    || e.getKey().equals("u_e") ? "n1" : "n2";
            int pin = pin(e.getKey(), net);
            assertThat(new double[] {nl.pinDx()[pin], nl.pinDy()[pin]}).as(e.getKey())
                    .containsExactly(e.getValue(), within(EPS));
        }
        // RAM pin DIN (-8900, -4800) mirrored in x by FN
        int din = pin("ram1", "n3");
        assertThat(nl.pinDx()[din]).isCloseTo(8900, within(EPS));
        assertThat(nl.pinDy()[din]).isCloseTo(-4800, within(EPS));
        // DFF2H pin D with ORIGIN 0.1 0: (-500, -800)
        int dPin = pin("ff1", "n3");
        assertThat(nl.pinDx()[dPin]).isCloseTo(-500, within(EPS));
        assertThat(nl.pinDy()[dPin]).isCloseTo(-800, within(EPS));
        assertThat(nl.pinDirection()[dPin]).isEqualTo(Netlist.DIR_INPUT);
    }

    @Test
    void ioPinsAreZeroSizeTerminalsAtTheirOrientedShapeCentres() {
        Placement p = d.placement();
        // in1: LAYER ( -100 0 ) ( 100 200 ), centre (0, 100), turned by E to (100, 0), at (0, 15000)
        assertPos(p, "in1", 100, 15000, "N");
        assertPos(p, "out1", 60000, 15000, "N");
        // clk: centre (50, 50), turned by S to (-50, -50), at (30000, 30000)
        assertPos(p, "clk", 29950, 29950, "N");
        assertSize("clk", 0, 0);
        int in1 = pin("in1", "n1");
        assertThat(nl.pinDx()[in1]).isZero();
        assertThat(nl.pinDirection()[in1]).isEqualTo(Netlist.DIR_OUTPUT); // design input drives the net
        assertThat(nl.pinDirection()[pin("out1", "n3")]).isEqualTo(Netlist.DIR_INPUT);
    }

    @Test
    void onlyHardPlacementBlockagesBecomeFixedNodes() {
        int b = nl.nodeIndex("__blockage0");
        assertThat(b).isEqualTo(17);
        assertThat(nl.nodeIndex("__blockage1")).isEqualTo(-1);
        assertSize("__blockage0", 2000, 4000);
        assertPos(d.placement(), "__blockage0", 40000, 4000, "N");
    }

    @Test
    void netsKeepNamesWeightsAndPinCounts() {
        assertThat(nl.netNames()).containsExactly("n1", "n2", "n3", "clk");
        assertThat(nl.netWeights()).containsExactly(1, 3, 1, 1);
        assertThat(new int[] {nl.netDegree(0), nl.netDegree(1), nl.netDegree(2), nl.netDegree(3)})
                .containsExactly(5, 6, 4, 6);
    }

    @Test
    void pinPositionsAndHpwlEqualBruteForceFromLefRectanglesAndDefPlacements() {
        Map<String, List<String>> nets = new LinkedHashMap<>();
        nets.put("n1", List.of("PIN in1", "u_n A", "u_s A", "u_e A", "u_w A"));
        nets.put("n2", List.of("u_n Y", "u_fn A", "u_fs A", "u_fe A", "u_fw A", "u_unpl A"));
        nets.put("n3", List.of("u_fs Y", "ram1 DIN", "PIN out1", "ff1 D"));
        nets.put("clk", List.of("PIN clk", "ff1 CK", "u_src B", "ram0 DOUT", "blk A", "ff1 Q"));
        Map<String, double[]> io = Map.of("in1", new double[] {100, 15000}, "out1", new double[] {60000, 15000},
                "clk", new double[] {29950, 29950});
        LefLibrary lib = d.library();
        double brute = 0;
        Placement pl = d.placement();
        int e = 0;
        for (List<String> conns : nets.values()) {
            double xl = Double.MAX_VALUE, xh = -Double.MAX_VALUE, yl = Double.MAX_VALUE, yh = -Double.MAX_VALUE;
            int k = nl.netPinStart()[e++];
            for (String c : conns) {
                String[] t = c.split(" ");
                double[] pos;
                if (t[0].equals("PIN")) {
                    pos = io.get(t[1]);
                } else {
                    DefDesign.Component comp = d.components().get(nl.nodeIndex(t[0]));
                    LefLibrary.Macro m = lib.macros().get(comp.macro());
                    pos = LefDefFixtures.pinPosition(m, m.pins().get(t[1]), comp.x(), comp.y(), comp.orient(), 1000);
                }
                // pins are kept in DEF order, so pin k is this connection
                int v = nl.pinNode()[k];
                assertThat(pl.x()[v] + nl.widths()[v] / 2 + nl.pinDx()[k]).as(c).isCloseTo(pos[0], within(1e-6));
                assertThat(pl.y()[v] + nl.heights()[v] / 2 + nl.pinDy()[k]).as(c).isCloseTo(pos[1], within(1e-6));
                k++;
                xl = Math.min(xl, pos[0]);
                xh = Math.max(xh, pos[0]);
                yl = Math.min(yl, pos[1]);
                yh = Math.max(yh, pos[1]);
            }
            brute += xh - xl + yh - yl;
        }
        assertThat(hpwl(nl, d.placement())).isCloseTo(brute, within(1e-6));
        assertThat(brute).isGreaterThan(0);
    }

    /** HPWL with the netlist convention: pin at x + w/2 + dx. */
    static double hpwl(Netlist nl, Placement p) {
        double sum = 0;
        for (int e = 0; e < nl.numNets(); e++) {
            double xl = Double.MAX_VALUE, xh = -Double.MAX_VALUE, yl = Double.MAX_VALUE, yh = -Double.MAX_VALUE;
            for (int k = nl.netPinStart()[e]; k < nl.netPinStart()[e + 1]; k++) {
                int v = nl.pinNode()[k];
                double x = p.x()[v] + nl.widths()[v] / 2 + nl.pinDx()[k];
                double y = p.y()[v] + nl.heights()[v] / 2 + nl.pinDy()[k];
                xl = Math.min(xl, x);
                xh = Math.max(xh, x);
                yl = Math.min(yl, y);
                yh = Math.max(yh, y);
            }
            sum += xh - xl + yh - yl;
        }
        return sum;
    }

    private NodeKind kind(String name) {
        return nl.kind(nl.nodeIndex(name));
    }

    private void assertSize(String name, double w, double h) {
        int v = nl.nodeIndex(name);
        assertThat(new double[] {nl.widths()[v], nl.heights()[v]}).as(name).containsExactly(w, h);
    }

    private void assertPos(Placement p, String name, double x, double y, String orient) {
        int v = nl.nodeIndex(name);
        assertThat(new double[] {p.x()[v], p.y()[v]}).as(name).containsExactly(x, y);
        assertThat(p.orient()[v]).as(name).isEqualTo(orient);
    }

    /** The pin of node {@code name} on net {@code net}. */
    private int pin(String name, String net) {
        int v = nl.nodeIndex(name);
        int e = List.of(nl.netNames()).indexOf(net);
        for (int k = nl.netPinStart()[e]; k < nl.netPinStart()[e + 1]; k++) {
            if (nl.pinNode()[k] == v) {
                return k;
            }
        }
        throw new AssertionError("no pin of " + name + " on " + net);
    }

    @Test
    void haloMarginsAreReadInDatabaseUnits() {
        int ram = nl.nodeIndex("ram0");
        assertThat(nl.hasHalo(ram)).isTrue();
        assertThat(java.util.Arrays.copyOfRange(nl.halos(), 4 * ram, 4 * ram + 4)).containsExactly(100, 100, 100, 100);
        assertThat(nl.hasHalo(nl.nodeIndex("u_n"))).isFalse();
    }
}
