package org.chipplace.placer.legalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.chipplace.metrics.Legality;
import org.chipplace.metrics.LegalityChecker;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;
import org.junit.jupiter.api.Test;

/** Multi-row-height cells: rows alternate N/FS (row 0 is N), unit sites, row height {@link TestDesigns#ROW_H}. */
class MultiRowLegalizerTest {
    private static final double H = TestDesigns.ROW_H;
    private static final double EPS = 1e-6;

    private static LegalizerOptions opts() {
        return LegalizerOptions.defaults().withThreads(2);
    }

    /** Adds a CLASS CORE cell {@code rows} rows tall at (x, y). */
    private static int cell(NetlistBuilder b, String name, double w, int rows, double x, double y) {
        int v = b.addMovable(name, w, rows * H);
        b.setStandardCell(v);
        b.setPosition(v, x, y, "N");
        return v;
    }

    /**
     * Brute-force check of the multi-row rules: every row a cell spans exists at y + j*H and holds its x
     * range; cells of even height have an N bottom row. Returns one line per violation.
     */
    static List<String> multiRowViolations(Netlist nl, Placement p) {
        List<String> out = new ArrayList<>();
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.kind(v) != NodeKind.CELL) {
                continue;
            }
            int k = (int) Math.round(nl.heights()[v] / H);
            String bottom = null;
            for (int j = 0; j < k; j++) {
                Row found = null;
                for (Row r : nl.rows()) {
                    if (Math.abs(r.y() - (p.y()[v] + j * H)) < EPS && r.x() <= p.x()[v] + EPS
                            && r.xMax() >= p.x()[v] + nl.widths()[v] - EPS) {
                        found = r;
                    }
                }
                if (found == null) {
                    out.add(nl.nodeNames()[v] + ": no row " + j + " above its bottom");
                } else if (j == 0) {
                    bottom = found.orient();
                }
            }
            if (k % 2 == 0 && bottom != null && !bottom.equals("N")) {
                out.add(nl.nodeNames()[v] + ": " + k + " rows tall on a " + bottom + " row");
            }
        }
        return out;
    }

    private static void assertLegal(Netlist nl, Placement p) {
        assertThat(TestDesigns.violations(nl, p)).isEmpty();
        assertThat(multiRowViolations(nl, p)).isEmpty();
        Legality l = LegalityChecker.check(nl, p);
        assertThat(l.cellsWrongParity()).isZero();
        assertThat(l.legal()).isTrue();
    }

    @Test
    void classCoreCellsTwoAndThreeRowsTallAreCellsSpanningTheirRows() {
        NetlistBuilder b = new NetlistBuilder("kinds");
        TestDesigns.addRows(b, 4, 20);
        int one = cell(b, "one", 2, 1, 0, 0);
        int two = cell(b, "two", 2, 2, 0, 0);
        int three = cell(b, "three", 2, 3, 0, 0);
        int tall = b.addMovable("tall", 2, 2 * H); // no class information (Bookshelf): a macro
        int odd = cell(b, "odd", 2, 1, 0, 0);
        Netlist nl0 = b.build();
        assertThat(nl0.kind(one)).isEqualTo(NodeKind.CELL);
        assertThat(nl0.kind(two)).isEqualTo(NodeKind.CELL);
        assertThat(nl0.kind(three)).isEqualTo(NodeKind.CELL);
        assertThat(nl0.kind(tall)).isEqualTo(NodeKind.MACRO);
        assertThat(new int[] {nl0.rowSpan(one), nl0.rowSpan(two), nl0.rowSpan(three), nl0.rowSpan(odd)})
                .containsExactly(1, 2, 3, 1);
        NetlistBuilder c = new NetlistBuilder("half");
        TestDesigns.addRows(c, 4, 20);
        int half = c.addMovable("half", 2, 1.5 * H);
        c.setStandardCell(half);
        assertThat(c.build().kind(half)).as("1.5 rows tall: not a multi-row cell").isEqualTo(NodeKind.MACRO);
    }

    @Test
    void evenHeightCellWhoseNearestRowIsFsMovesToTheNearestNRow() {
        NetlistBuilder b = new NetlistBuilder("parity");
        TestDesigns.addRows(b, 6, 40);
        int dbl = cell(b, "dbl", 4, 2, 10, H + 1);      // nearest row 1 is FS: must go to row 0 or 2
        int tpl = cell(b, "tpl", 4, 3, 20, H);          // odd height: stays on FS row 1
        int dblN = cell(b, "dblN", 4, 2, 30, 2 * H);    // already on an N row: stays
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        CellLegalizer.legalize(nl, p, opts());
        assertThat(p.x()[dbl]).isEqualTo(10);
        assertThat(p.y()[dbl]).isEqualTo(2 * H); // row 2 (distance H - 1) is nearer than row 0 (H + 1)
        assertThat(new double[] {p.x()[tpl], p.y()[tpl]}).containsExactly(20, H);
        assertThat(new double[] {p.x()[dblN], p.y()[dblN]}).containsExactly(30, 2 * H);
        assertLegal(nl, p);
    }

    @Test
    void multiRowCellsFarOutsideTheRowsComeToTheNearestEdge() {
        NetlistBuilder b = new NetlistBuilder("outside");
        TestDesigns.addRows(b, 8, 30);
        int left = cell(b, "left", 3, 2, -500, 3.3 * H);   // nearest N row with a row above: row 4
        int right = cell(b, "right", 3, 3, 900, -200);     // odd height: bottom row 0
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        CellLegalizer.legalize(nl, p, opts());
        assertThat(new double[] {p.x()[left], p.y()[left]}).containsExactly(0, 4 * H);
        assertThat(new double[] {p.x()[right], p.y()[right]}).containsExactly(27, 0);
        assertLegal(nl, p);
    }

    @Test
    void evenHeightCellNeverStraddlesAMissingRow() {
        NetlistBuilder b = new NetlistBuilder("gap");
        for (int r : new int[] {0, 1, 2, 4, 5}) { // row 3 missing
            b.addRow(new Row(r * H, H, 1, 1, 0, 30, r % 2 == 0 ? "N" : "FS"));
        }
        int v = cell(b, "dbl", 3, 2, 5, 2 * H); // N row 2, but row 3 is missing: next N row with a row above is 4
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        CellLegalizer.legalize(nl, p, opts());
        assertThat(p.y()[v]).isEqualTo(4 * H);
        assertThat(multiRowViolations(nl, p)).isEmpty();
    }

    @Test
    void mixedOneTwoAndThreeRowCellsAroundBlockagesAreLegalWithParity() {
        for (long seed = 1; seed <= 8; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            NetlistBuilder b = new NetlistBuilder("mixed" + seed);
            int rows = 12;
            int sites = 80;
            TestDesigns.addRows(b, rows, sites);
            int f = b.addFixed("blk", 11.5, 2.5 * H, false);
            b.setPosition(f, 30.25, 3.5 * H, "N");
            double area = 0;
            int i = 0;
            while (area < 0.7 * rows * sites * H) {
                double w = 1 + rnd.nextInt(6);
                int k = rnd.nextInt(10) < 7 ? 1 : rnd.nextInt(10) < 7 ? 2 : 3;
                cell(b, "c" + i++, w, k, rnd.nextDouble() * (sites - w), rnd.nextDouble() * (rows - k) * H);
                area += w * k * H;
            }
            Netlist nl = b.build();
            Placement p = nl.initialPlacement();
            CellLegalizer.legalize(nl, p, opts());
            assertLegal(nl, p);
        }
    }

    @Test
    void nearlyFullDesignWithDoubleHeightCellsLegalizes() {
        NetlistBuilder b = new NetlistBuilder("full");
        TestDesigns.addRows(b, 4, 40);
        SplittableRandom rnd = new SplittableRandom(3);
        int i = 0;
        // 2-row cells: 30 of 40 sites of band 0-1 and 20 of band 2-3 worth of area
        for (int used = 0; used < 50; used += 5) {
            cell(b, "d" + i++, 5, 2, rnd.nextDouble() * 35, rnd.nextDouble() * 2 * H);
        }
        // one-site single-row cells fill the rest but 2 sites: 160 - 100 - 2 = 58 (98.75 % full)
        for (int used = 0; used < 58; used++) {
            cell(b, "s" + i++, 1, 1, rnd.nextDouble() * 39, rnd.nextDouble() * 3 * H);
        }
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        CellLegalizer.legalize(nl, p, opts());
        assertLegal(nl, p);
    }

    @Test
    void doubleHeightCellWithoutAnNBandFailsWithItsName() {
        NetlistBuilder b = new NetlistBuilder("noband");
        b.addRow(new Row(0, H, 1, 1, 0, 30, "FS"));
        b.addRow(new Row(H, H, 1, 1, 0, 30, "N")); // the only N row has no row above
        cell(b, "dff2", 3, 2, 0, 0);
        Netlist nl = b.build();
        Placement p = nl.initialPlacement();
        assertThatThrownBy(() -> CellLegalizer.legalize(nl, p, opts()))
                .isInstanceOf(LegalizationException.class)
                .hasMessageContaining("dff2")
                .hasMessageContaining("2 rows");
    }

    @Test
    void choosesTheNearestLegalSpotFoundByBruteForce() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            NetlistBuilder b = new NetlistBuilder("nearest" + seed);
            int rows = 8;
            int sites = 30;
            TestDesigns.addRows(b, rows, sites);
            for (int k = 0; k < 5; k++) {
                int f = b.addFixed("f" + k, 1 + rnd.nextInt(8), (1 + rnd.nextInt(3)) * H - 2, false);
                b.setPosition(f, rnd.nextInt(sites - 4) + 0.5, rnd.nextDouble() * (rows - 1) * H, "N");
            }
            int span = 2 + rnd.nextInt(2);
            double w = 2 + rnd.nextInt(5);
            double gx = rnd.nextDouble() * (sites - w);
            double gy = rnd.nextDouble() * (rows - span) * H;
            int v = cell(b, "m", w, span, gx, gy);
            Netlist nl = b.build();
            Placement p = nl.initialPlacement();
            double best = bruteForceCost(nl, p, v, gx, gy, span);
            if (Double.isInfinite(best)) {
                assertThatThrownBy(() -> CellLegalizer.legalize(nl, p, opts()))
                        .isInstanceOf(LegalizationException.class);
                continue;
            }
            CellLegalizer.legalize(nl, p, opts());
            double got = Math.abs(p.x()[v] - gx) + Math.abs(p.y()[v] - gy);
            assertThat(got).as("seed %d", seed).isCloseTo(best, org.assertj.core.api.Assertions.within(1e-9));
            assertLegal(nl, p);
        }
    }

    /** Least |dx| + |dy| over all site/row positions of cell v legal against the fixed nodes. */
    private static double bruteForceCost(Netlist nl, Placement p, int v, double gx, double gy, int span) {
        double best = Double.POSITIVE_INFINITY;
        double w = nl.widths()[v];
        int rows = nl.rows().length;
        int sites = nl.rows()[0].numSites();
        for (int r = 0; r + span <= rows; r++) {
            if (span % 2 == 0 && r % 2 == 1) {
                continue;
            }
            for (int s = 0; s + w <= sites; s++) {
                boolean free = true;
                for (int f = 0; f < nl.numNodes() && free; f++) {
                    if (nl.kind(f) != NodeKind.FIXED) {
                        continue;
                    }
                    double ox = Math.min(s + w, p.x()[f] + nl.widths()[f]) - Math.max(s, p.x()[f]);
                    double oy = Math.min((r + span) * H, p.y()[f] + nl.heights()[f]) - Math.max(r * H, p.y()[f]);
                    free = !(ox > EPS && oy > EPS);
                }
                if (free) {
                    best = Math.min(best, Math.abs(s - gx) + Math.abs(r * H - gy));
                }
            }
        }
        return best;
    }
}
