package org.chipplace.placer.legalize;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;

/** Hand-made and random seeded designs plus a brute-force legality checker, shared by tests. */
public final class TestDesigns {
    public static final double ROW_H = 16;
    private static final double EPS = 1e-6;

    private TestDesigns() {
    }

    /** Adds {@code numRows} rows of {@code sites} unit sites starting at (0, 0). */
    public static void addRows(NetlistBuilder b, int numRows, int sites) {
        for (int r = 0; r < numRows; r++) {
            b.addRow(new Row(r * ROW_H, ROW_H, 1, 1, 0, sites, r % 2 == 0 ? "N" : "FS"));
        }
    }

    /** Adds a net of weight {@code weight} from {@code driver}'s centre (output) to {@code sink}'s (input). */
    public static void addTwoPinNet(NetlistBuilder b, String name, double weight, int sink, int driver) {
        b.addNet(name, weight);
        b.addPin(sink, 0, 0, Netlist.DIR_INPUT);
        b.addPin(driver, 0, 0, Netlist.DIR_OUTPUT);
    }

    /**
     * A random design: {@code numRows} rows of {@code sites} sites, {@code numBlocks} fixed blockages
     * of random size, cells of width 1..8 filling about {@code util} of the free area, placed at random
     * in the core, and random 2..4-pin nets.
     */
    public static Netlist random(long seed, int numRows, int sites, int numBlocks, double util) {
        SplittableRandom rnd = new SplittableRandom(seed);
        NetlistBuilder b = new NetlistBuilder("rand" + seed);
        addRows(b, numRows, sites);
        double coreW = sites;
        double coreH = numRows * ROW_H;
        double blocked = 0;
        for (int i = 0; i < numBlocks; i++) {
            double bw = 5 + rnd.nextInt(sites / 4);
            double bh = ROW_H * (1 + rnd.nextInt(Math.max(1, numRows / 3))) + rnd.nextInt(8);
            double bx = rnd.nextInt((int) (coreW - bw)) + 0.5 * rnd.nextInt(2);
            double by = rnd.nextDouble() * (coreH - bh);
            int v = b.addFixed("blk" + i, bw, bh, false);
            b.setPosition(v, bx, by, "N");
            blocked += bw * bh;
        }
        double free = Math.max(0, coreW * coreH - blocked);
        List<Integer> cells = new ArrayList<>();
        double area = 0;
        int c = 0;
        while (area + 8 * ROW_H < util * free) {
            double w = 1 + rnd.nextInt(8);
            int v = b.addMovable("c" + c++, w, ROW_H);
            b.setPosition(v, rnd.nextDouble() * (coreW - w), rnd.nextDouble() * (coreH - ROW_H), "N");
            cells.add(v);
            area += w * ROW_H;
        }
        for (int e = 0; e < cells.size(); e++) {
            b.addNet("n" + e, 1);
            int deg = 2 + rnd.nextInt(3);
            for (int k = 0; k < deg; k++) {
                b.addPin(cells.get(rnd.nextInt(cells.size())), 0, 0, Netlist.DIR_BIDIRECTIONAL);
            }
        }
        return b.build();
    }

    /**
     * Every legality violation, found by brute force: movable nodes outside the core, cells not on a
     * row or off the site grid, macros off the row/site grid, and any overlap of positive area between
     * two blocking nodes (cells, macros, fixed; not two fixed ones).
     */
    public static List<String> violations(Netlist nl, Placement p) {
        List<String> out = new ArrayList<>();
        double[] x = p.x();
        double[] y = p.y();
        double[] w = nl.widths();
        double[] h = nl.heights();
        String[] names = nl.nodeNames();
        Row[] rows = nl.rows();
        int n = nl.numNodes();
        for (int v = 0; v < n; v++) {
            if (!nl.isMovable(v)) {
                continue;
            }
            if (x[v] < nl.coreXl() - EPS || y[v] < nl.coreYl() - EPS || x[v] + w[v] > nl.coreXh() + EPS
                    || y[v] + h[v] > nl.coreYh() + EPS) {
                out.add(names[v] + " outside the core at (" + x[v] + ", " + y[v] + ")");
            }
            boolean onRow = false;
            for (Row r : rows) {
                if (Math.abs(r.y() - y[v]) < EPS && x[v] >= r.x() - EPS
                        && (nl.kind(v) == NodeKind.MACRO || x[v] + w[v] <= r.xMax() + EPS)) {
                    double k = (x[v] - r.x()) / r.siteSpacing();
                    if (Math.abs(k - Math.rint(k)) < EPS) {
                        onRow = true;
                    }
                }
            }
            if (!onRow) {
                out.add(names[v] + " not on a row/site at (" + x[v] + ", " + y[v] + ")");
            }
        }
        for (int a = 0; a < n; a++) {
            if (nl.kind(a) == NodeKind.FIXED_NI || w[a] <= 0 || h[a] <= 0) {
                continue;
            }
            for (int c = a + 1; c < n; c++) {
                if (nl.kind(c) == NodeKind.FIXED_NI || w[c] <= 0 || h[c] <= 0
                        || (!nl.isMovable(a) && !nl.isMovable(c))) {
                    continue;
                }
                double ox = Math.min(x[a] + w[a], x[c] + w[c]) - Math.max(x[a], x[c]);
                double oy = Math.min(y[a] + h[a], y[c] + h[c]) - Math.max(y[a], y[c]);
                if (ox > EPS && oy > EPS) {
                    out.add(names[a] + " overlaps " + names[c]);
                }
            }
        }
        return out;
    }

    /** Weighted HPWL of all nets, pins at node centre plus offset (brute force). */
    public static double hpwl(Netlist nl, Placement p) {
        double total = 0;
        int[] ps = nl.netPinStart();
        int[] pn = nl.pinNode();
        for (int e = 0; e < nl.numNets(); e++) {
            double xl = Double.MAX_VALUE;
            double xh = -Double.MAX_VALUE;
            double yl = Double.MAX_VALUE;
            double yh = -Double.MAX_VALUE;
            for (int q = ps[e]; q < ps[e + 1]; q++) {
                int v = pn[q];
                double px = p.x()[v] + nl.widths()[v] / 2 + nl.pinDx()[q];
                double py = p.y()[v] + nl.heights()[v] / 2 + nl.pinDy()[q];
                xl = Math.min(xl, px);
                xh = Math.max(xh, px);
                yl = Math.min(yl, py);
                yh = Math.max(yh, py);
            }
            if (ps[e + 1] - ps[e] >= 2) {
                total += nl.netWeights()[e] * (xh - xl + yh - yl);
            }
        }
        return total;
    }
}
