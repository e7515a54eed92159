package org.chipplace.netlist.synthetic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Row;
import org.chipplace.netlist.bookshelf.Bookshelf;

/**
 * Seeded synthetic mixed-size circuits with Rent's-rule-like locality, built with
 * {@link NetlistBuilder}: rows of height 16 (site width 1) filling a near-square core at the given
 * utilisation with the core's lower-left at (0, 0); movable macros 2 to 12 rows high (scaled to
 * the requested macro area share); cells 16 high and 4..40 wide; 1x1 fixed pads just outside the
 * core on its four sides, evenly spaced, one pad net each (pad plus 1..3 movable nodes). The other
 * nets pick a random anchor (a macro for a fifth of them), a degree
 * (2 with probability 0.55, else 3 + Geometric(0.35), at most 16) and a level L of a recursive
 * bisection of a random node permutation (see {@link SyntheticOptions#rentExponent()}); the
 * other pins are drawn from the aligned block of size {@code degree * 2^L} around the anchor.
 * Macro pins get random offsets inside the macro, cell pins sit at the centre. Movable nodes start
 * at (0, 0). The same options and seed give the same netlist.
 */
public final class SyntheticCircuits {
    static final double ROW_HEIGHT = 16;

    private SyntheticCircuits() {
    }

    /**
     * {@code count} designs {@code synthetic-000, synthetic-001, ...} with the same options and
     * seeds drawn from {@code seed} (for {@code dataset generate --synthetic N}).
     */
    public static List<Netlist> generate(int count, SyntheticOptions o, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Netlist> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(generate(String.format("synthetic-%03d", i), o, rnd.nextLong()));
        }
        return out;
    }

    /** One design called {@code name}; the same options and seed give the same netlist. */
    public static Netlist generate(String name, SyntheticOptions o, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int nm = o.macros();
        int nc = o.cells();
        double[] cw = new double[nc];
        double cellArea = 0;
        for (int i = 0; i < nc; i++) {
            cw[i] = 4 + rnd.nextInt(37);
            cellArea += cw[i] * ROW_HEIGHT;
        }
        double[] mw = new double[nm];
        double[] mh = new double[nm];
        double raw = 0;
        for (int i = 0; i < nm; i++) {
            mh[i] = (2 + rnd.nextInt(11)) * ROW_HEIGHT;
            mw[i] = mh[i] * (0.5 + rnd.nextDouble());
            raw += mw[i] * mh[i];
        }
        double macroArea = nm == 0 ? 0
                : (nc == 0 ? raw : cellArea * o.macroFraction() / (1 - o.macroFraction()));
        double scale = nm == 0 || macroArea == 0 ? 1 : Math.sqrt(macroArea / raw);
        double total = cellArea;
        for (int i = 0; i < nm; i++) {
            mh[i] = Math.max(2 * ROW_HEIGHT, Math.round(mh[i] * scale));
            mw[i] = Math.max(2, Math.round(mw[i] * scale));
            total += mw[i] * mh[i];
        }
        double coreArea = total / o.utilisation();
        int rows = Math.max(4, (int) Math.ceil(Math.sqrt(coreArea) / ROW_HEIGHT));
        double height = rows * ROW_HEIGHT;
        int width = (int) Math.ceil(coreArea / height);
        for (int i = 0; i < nm; i++) {
            mh[i] = Math.min(mh[i], Math.floor(height / 2 / ROW_HEIGHT) * ROW_HEIGHT);
            mh[i] = Math.max(mh[i], 2 * ROW_HEIGHT);
            mw[i] = Math.min(mw[i], Math.floor(width / 2.0));
        }
        NetlistBuilder b = new NetlistBuilder(name);
        int movable = nm + nc;
        for (int i = 0; i < nm; i++) {
            b.addMovable("m" + i, mw[i], mh[i]);
        }
        for (int i = 0; i < nc; i++) {
            b.addMovable("c" + i, cw[i], ROW_HEIGHT);
        }
        for (int r = 0; r < rows; r++) {
            b.addRow(new Row(r * ROW_HEIGHT, ROW_HEIGHT, 1, 1, 0, width, r % 2 == 0 ? "N" : "FS"));
        }
        int[] pads = new int[o.pads()];
        for (int i = 0; i < o.pads(); i++) {
            pads[i] = b.addFixed("p" + i, 1, 1, false);
            double t = (i + 0.5) / o.pads() * 2 * (width + height);
            double px, py;
            if (t < width) {
                px = t;
                py = -1;
            } else if (t < width + height) {
                px = width;
                py = t - width;
            } else if (t < 2 * width + height) {
                px = 2 * width + height - t;
                py = height;
            } else {
                px = -1;
                py = 2 * (width + height) - t;
            }
            b.setPosition(pads[i], Math.floor(px), Math.floor(py), "N");
        }
        int[] perm = new int[movable];
        int[] pos = new int[movable];
        for (int i = 0; i < movable; i++) {
            perm[i] = i;
        }
        for (int i = movable - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        for (int i = 0; i < movable; i++) {
            pos[perm[i]] = i;
        }
        double levelRatio = Math.pow(2, o.rentExponent() - 1);
        int[] members = new int[17];
        for (int e = 0; e < o.nets(); e++) {
            b.addNet("n" + e, 1);
            if (e < o.pads()) {
                addPin(b, pads[e], 1, 1, rnd);
                int k = 1 + rnd.nextInt(3);
                int anchor = rnd.nextInt(movable);
                fillBlock(rnd, perm, pos, anchor, k, 4, movable, members);
                for (int i = 0; i < k; i++) {
                    addPin(b, members[i], size(members[i], nm, mw, cw), size2(members[i], nm, mh), rnd);
                }
                continue;
            }
            int deg = rnd.nextDouble() < 0.55 ? 2 : Math.min(16, 3 + geometric(rnd, 0.35));
            deg = Math.min(deg, movable);
            int anchor = nm > 0 && rnd.nextInt(5) == 0 ? rnd.nextInt(nm) : rnd.nextInt(movable);
            int level = 0;
            while (rnd.nextDouble() < levelRatio && ((long) deg << (level + 1)) < 2L * movable) {
                level++;
            }
            int block = (int) Math.min(movable, (long) deg << level);
            members[0] = anchor;
            fillBlock(rnd, perm, pos, anchor, deg - 1, block, movable, members, 1);
            for (int i = 0; i < deg; i++) {
                addPin(b, members[i], size(members[i], nm, mw, cw), size2(members[i], nm, mh), rnd);
            }
        }
        return b.build();
    }

    /**
     * Writes a design (for example a generated one) as Bookshelf into {@code dir}
     * ({@code <name>.aux} and the files it names) at its initial placement; {@link Bookshelf#read}
     * of the {@code .aux} gives the same design back (nodes, nets, pins, rows and positions).
     */
    public static void writeBookshelf(Netlist nl, Path dir) {
        Bookshelf.write(nl, nl.initialPlacement(), dir);
    }

    private static double size(int v, int nm, double[] mw, double[] cw) {
        return v < nm ? mw[v] : cw[v - nm];
    }

    private static double size2(int v, int nm, double[] mh) {
        return v < nm ? mh[v] : ROW_HEIGHT;
    }

    private static void addPin(NetlistBuilder b, int node, double w, double h, SplittableRandom rnd) {
        boolean macroLike = h > ROW_HEIGHT;
        double dx = macroLike ? (rnd.nextDouble() - 0.5) * 0.9 * w : 0;
        double dy = macroLike ? (rnd.nextDouble() - 0.5) * 0.9 * h : 0;
        b.addPin(node, Math.rint(dx), Math.rint(dy), Netlist.DIR_BIDIRECTIONAL);
    }

    private static int geometric(SplittableRandom rnd, double p) {
        int k = 0;
        while (rnd.nextDouble() > p && k < 64) {
            k++;
        }
        return k;
    }

    private static void fillBlock(SplittableRandom rnd, int[] perm, int[] pos, int anchor, int k, int block,
                                  int movable, int[] out) {
        out[0] = anchor;
        fillBlock(rnd, perm, pos, anchor, k - 1, block, movable, out, 1);
    }

    /** Writes {@code k} distinct nodes other than out[0..from-1] from the anchor's aligned block. */
    private static void fillBlock(SplittableRandom rnd, int[] perm, int[] pos, int anchor, int k, int block,
                                  int movable, int[] out, int from) {
        block = Math.max(block, from + k);
        int start = Math.min(pos[anchor] / block * block, Math.max(0, movable - block));
        int size = Math.min(block, movable - start);
        for (int i = 0; i < k; i++) {
            int v;
            int tries = 0;
            do {
                v = tries++ < 32 ? perm[start + rnd.nextInt(size)] : rnd.nextInt(movable);
            } while (contains(out, from + i, v));
            out[from + i] = v;
        }
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }
}
