package org.chipplace.netlist.lefdef;

import static org.chipplace.netlist.lefdef.OpenRoadLikeLibrary.ceilTo;
import static org.chipplace.netlist.lefdef.OpenRoadLikeLibrary.clamp;
import static org.chipplace.netlist.lefdef.OpenRoadLikeLibrary.gauss;
import static org.chipplace.netlist.lefdef.OpenRoadLikeLibrary.weighted;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic stand-in for an OpenROAD-flow design such as ariane133 (which is not available here):
 * {@code tech.lef} and {@code cells.lef} from {@link OpenRoadLikeLibrary}, and two DEFs of the same
 * netlist. The floorplan puts the SRAM macros ({@code CLASS BLOCK}, FIXED) in rings along the core
 * boundary with 10 um channels, and the rows (alternating N/FS) are cut around them as
 * {@code cut_rows} does. About 88 % of the cells are one row tall, 10 % two and 2 % three rows tall.
 * Every cell has a hidden location (uniform over the core outside the macros); nets are local in
 * it: each cell drives one net of 1 to 8 sinks, mostly from neighbouring bins, some from farther
 * away, a few anywhere; every SRAM pin and every I/O pin connects to cells near it.
 *
 * <p>{@code design.def} holds the placement a flow would hand over after global placement: the
 * hidden locations plus Gaussian noise of {@code noise} times the core width, unlegalized (off
 * sites and rows, overlapping). {@code reference.def} holds the noise-free hidden locations (also
 * unlegalized), an optimistic reference for wirelength. DEF units: 2000 per micron.
 */
final class OpenRoadLikeLefDef {
    private static final int MARGIN = 40000; // die to core, 20 um
    private static final int RING_GAP = 40000; // core edge to the first macro ring
    private static final int CHANNEL = 20000; // between macros, 10 um
    private static final int BINS = 64;

    /** What was generated. */
    record Summary(int singles, int doubles, int triples, int macros, int ioPins, int rows, int nets,
                   double coreMicrons, double utilisation) {
    }

    private OpenRoadLikeLefDef() {
    }

    static List<Path> lefs(Path dir) {
        return List.of(dir.resolve("tech.lef"), dir.resolve("cells.lef"));
    }

    static Path def(Path dir) {
        return dir.resolve("design.def");
    }

    static Path reference(Path dir) {
        return dir.resolve("reference.def");
    }

    static Summary write(Path dir, int cells, int macros, double noise, long seed) {
        try {
            OpenRoadLikeLibrary.write(dir.resolve("tech.lef"), dir.resolve("cells.lef"));
            return new OpenRoadLikeLefDef.Gen(cells, macros, noise, new SplittableRandom(seed)).write(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One generation run. */
    private static final class Gen {
        private final int cells;
        private final int numMacros;
        private final double noise;
        private final SplittableRandom rnd;
        private final int[] master;
        private long coreW;
        private long coreH;
        private final List<long[]> macroAt = new ArrayList<>();
        private final long[] hx;
        private final long[] hy;
        private int[] binStart;
        private int[] binCells;

        Gen(int cells, int macros, double noise, SplittableRandom rnd) {
            this.cells = cells;
            this.numMacros = macros;
            this.noise = noise;
            this.rnd = rnd;
            master = new int[cells];
            hx = new long[cells];
            hy = new long[cells];
        }

        Summary write(Path dir) throws IOException {
            int[] singles = OpenRoadLikeLibrary.mastersOfHeight(1);
            int[] weights = {10, 6, 10, 6, 6, 4, 4, 4, 8, 2};
            int[] doubles = OpenRoadLikeLibrary.mastersOfHeight(2);
            int[] triples = OpenRoadLikeLibrary.mastersOfHeight(3);
            int[] count = new int[4];
            double cellArea = 0;
            for (int c = 0; c < cells; c++) {
                double r = rnd.nextDouble();
                master[c] = r < 0.02 ? triples[rnd.nextInt(triples.length)]
                        : r < 0.12 ? doubles[rnd.nextInt(doubles.length)] : singles[weighted(rnd, weights)];
                count[OpenRoadLikeLibrary.ROWS[master[c]]]++;
                cellArea += width(c) * (double) height(c);
            }
            floorplan(cellArea);
            hiddenLocations();
            StringBuilder nets = new StringBuilder(1 << 20);
            int numNets = nets(nets);
            int ioPins = 4 * 128;
            int rows = 0;
            for (int pass = 0; pass < 2; pass++) {
                Path out = pass == 0 ? def(dir) : reference(dir);
                try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.ISO_8859_1)) {
                    rows = header(w);
                    components(w, pass == 0);
                    pins(w, ioPins);
                    w.write("SPECIALNETS 2 ;\n - VDD ( * VDD ) + USE POWER ;\n - VSS ( * VSS ) + USE GROUND ;\n"
                            + "END SPECIALNETS\nNETS " + numNets + " ;\n");
                    w.append(nets);
                    w.write("END NETS\nEND DESIGN\n");
                }
            }
            double free = coreW * (double) coreH - macroAt.size() * (double) OpenRoadLikeLibrary.SRAM_W
                    * OpenRoadLikeLibrary.SRAM_H;
            return new Summary(count[1], count[2], count[3], macroAt.size(), ioPins, rows, numNets,
                    coreW / (double) OpenRoadLikeLibrary.DBU, cellArea / free);
        }

        private long width(int c) {
            return (long) OpenRoadLikeLibrary.SITES[master[c]] * OpenRoadLikeLibrary.SITE_W;
        }

        private long height(int c) {
            return (long) OpenRoadLikeLibrary.ROWS[master[c]] * OpenRoadLikeLibrary.ROW_H;
        }

        /** Grows a square core until the macro rings fit and the cells fill at most half the rest. */
        private void floorplan(double cellArea) {
            double macroArea = numMacros * (double) OpenRoadLikeLibrary.SRAM_W * OpenRoadLikeLibrary.SRAM_H;
            double side = Math.sqrt(macroArea + cellArea / 0.5);
            while (true) {
                long rowsN = (long) Math.ceil(side / OpenRoadLikeLibrary.ROW_H);
                long sitesN = (long) Math.ceil(side / OpenRoadLikeLibrary.SITE_W);
                coreW = sitesN * OpenRoadLikeLibrary.SITE_W;
                coreH = rowsN * OpenRoadLikeLibrary.ROW_H;
                if (rings() && cellArea / (coreW * (double) coreH - macroArea) <= 0.5) {
                    return;
                }
                side *= 1.03;
            }
        }

        /** Places the macros in rings along the core boundary; false when they do not all fit. */
        private boolean rings() {
            macroAt.clear();
            long mw = OpenRoadLikeLibrary.SRAM_W;
            long mh = OpenRoadLikeLibrary.SRAM_H;
            long rh = OpenRoadLikeLibrary.ROW_H;
            for (int k = 0; macroAt.size() < numMacros; k++) {
                long d = RING_GAP + k * (Math.max(mw, mh) + CHANNEL);
                long xl = MARGIN + d;
                long xh = MARGIN + coreW - d;
                long yl = MARGIN + ceilTo(d, rh);
                long yh = MARGIN + (coreH - d) / rh * rh;
                if (xh - xl < 3 * mw || yh - yl < 3 * mh) {
                    return false;
                }
                for (long x = xl; x + mw <= xh && macroAt.size() < numMacros; x += mw + CHANNEL) {
                    macroAt.add(new long[] {x, yl});
                    if (macroAt.size() < numMacros) {
                        macroAt.add(new long[] {x, yh - ceilTo(mh, rh)});
                    }
                }
                long y0 = yl + ceilTo(mh + CHANNEL, rh);
                for (long y = y0; y + mh <= yh - ceilTo(mh + CHANNEL, rh) && macroAt.size() < numMacros;
                     y += ceilTo(mh + CHANNEL, rh)) {
                    macroAt.add(new long[] {xl, y});
                    if (macroAt.size() < numMacros) {
                        macroAt.add(new long[] {xh - mw, y});
                    }
                }
            }
            return true;
        }

        private boolean inMacro(long x, long y, long w, long h) {
            for (long[] m : macroAt) {
                if (x < m[0] + OpenRoadLikeLibrary.SRAM_W && x + w > m[0] && y < m[1] + OpenRoadLikeLibrary.SRAM_H
                        && y + h > m[1]) {
                    return true;
                }
            }
            return false;
        }

        private void hiddenLocations() {
            int[] bin = new int[cells];
            binStart = new int[BINS * BINS + 1];
            for (int c = 0; c < cells; c++) {
                long w = width(c);
                long h = height(c);
                do {
                    hx[c] = MARGIN + (long) (rnd.nextDouble() * (coreW - w));
                    hy[c] = MARGIN + (long) (rnd.nextDouble() * (coreH - h));
                } while (inMacro(hx[c], hy[c], w, h));
                bin[c] = binOf(hx[c] + w / 2, hy[c] + h / 2);
                binStart[bin[c] + 1]++;
            }
            for (int b = 0; b < BINS * BINS; b++) {
                binStart[b + 1] += binStart[b];
            }
            int[] fill = binStart.clone();
            binCells = new int[cells];
            for (int c = 0; c < cells; c++) {
                binCells[fill[bin[c]]++] = c;
            }
        }

        private int binOf(long x, long y) {
            int bx = (int) Math.min(BINS - 1, Math.max(0, (x - MARGIN) * BINS / coreW));
            int by = (int) Math.min(BINS - 1, Math.max(0, (y - MARGIN) * BINS / coreH));
            return bx * BINS + by;
        }

        /** A random cell in a bin within {@code rad} bins of bin {@code b} (any cell when none is found). */
        private int near(int b, int rad) {
            int bx = b / BINS;
            int by = b % BINS;
            for (int t = 0; t < 30; t++) {
                int x = bx + rnd.nextInt(2 * rad + 1) - rad;
                int y = by + rnd.nextInt(2 * rad + 1) - rad;
                if (x < 0 || y < 0 || x >= BINS || y >= BINS) {
                    continue;
                }
                int k = x * BINS + y;
                int n = binStart[k + 1] - binStart[k];
                if (n > 0) {
                    return binCells[binStart[k] + rnd.nextInt(n)];
                }
            }
            return rnd.nextInt(cells);
        }

        private int localRadius() {
            double r = rnd.nextDouble();
            return r < 0.85 ? 1 : r < 0.98 ? 4 : BINS;
        }

        private String input(int c) {
            return OpenRoadLikeLibrary.inputName(rnd.nextInt(OpenRoadLikeLibrary.INPUTS[master[c]]));
        }

        private int nets(StringBuilder sb) {
            int n = 0;
            for (int c = 0; c < cells; c++) {
                int fanout = 1;
                while (fanout < 8 && rnd.nextDouble() < 0.45) {
                    fanout++;
                }
                int b = binOf(hx[c], hy[c]);
                sb.append(" - n").append(c).append(" ( u").append(c).append(" Z )");
                for (int k = 0; k < fanout; k++) {
                    int s = near(b, localRadius());
                    if (s != c) {
                        sb.append(" ( u").append(s).append(' ').append(input(s)).append(" )");
                    }
                }
                sb.append(" ;\n");
                n++;
            }
            for (int m = 0; m < macroAt.size(); m++) {
                long[] at = macroAt.get(m);
                for (int p = 0; p < OpenRoadLikeLibrary.SRAM_PINS; p++) {
                    long py = at[1] + (long) OpenRoadLikeLibrary.SRAM_H * p / OpenRoadLikeLibrary.SRAM_PINS;
                    long px = at[0] + (at[0] < MARGIN + coreW / 2 ? OpenRoadLikeLibrary.SRAM_W + 20000 : -20000);
                    int b = binOf(px, py);
                    sb.append(" - sram").append(m).append("_d").append(p).append(" ( sram").append(m).append(" D[")
                            .append(p).append("] )");
                    for (int k = 0; k < 2; k++) {
                        int s = near(b, 2);
                        sb.append(" ( u").append(s).append(' ').append(input(s)).append(" )");
                    }
                    sb.append(" ;\n");
                    n++;
                }
            }
            for (int p = 0; p < 4 * 128; p++) {
                long[] at = ioLocation(p);
                int b = binOf(at[0], at[1]);
                sb.append(" - io").append(p).append(" ( PIN io").append(p).append(" )");
                for (int k = 0; k < 2; k++) {
                    int s = near(b, 2);
                    sb.append(" ( u").append(s).append(' ').append(k == 0 ? "Z" : input(s)).append(" )");
                }
                sb.append(" ;\n");
                n++;
            }
            return n;
        }

        /** I/O pin p: 128 per die side, evenly spaced. */
        private long[] ioLocation(int p) {
            long dw = coreW + 2L * MARGIN;
            long dh = coreH + 2L * MARGIN;
            int side = p / 128;
            long t = (p % 128) * 2L + 1;
            return switch (side) {
                case 0 -> new long[] {dw * t / 256, 0};
                case 1 -> new long[] {dw, dh * t / 256};
                case 2 -> new long[] {dw * t / 256, dh};
                default -> new long[] {0, dh * t / 256};
            };
        }

        /** Header, die, rows (cut around the macros), tracks and vias; returns the number of ROW statements. */
        private int header(BufferedWriter w) throws IOException {
            long dw = coreW + 2L * MARGIN;
            long dh = coreH + 2L * MARGIN;
            w.write("VERSION 5.8 ;\nDIVIDERCHAR \"/\" ;\nBUSBITCHARS \"[]\" ;\nDESIGN ariane_like ;\n"
                    + "UNITS DISTANCE MICRONS 2000 ;\nDIEAREA ( 0 0 ) ( " + dw + " " + dh + " ) ;\n");
            int numRows = (int) (coreH / OpenRoadLikeLibrary.ROW_H);
            long sw = OpenRoadLikeLibrary.SITE_W;
            int k = 0;
            for (int r = 0; r < numRows; r++) {
                long y = MARGIN + (long) r * OpenRoadLikeLibrary.ROW_H;
                List<long[]> blocked = new ArrayList<>();
                for (long[] m : macroAt) {
                    if (m[1] < y + OpenRoadLikeLibrary.ROW_H && m[1] + OpenRoadLikeLibrary.SRAM_H > y) {
                        blocked.add(m);
                    }
                }
                blocked.sort((a, b) -> Long.compare(a[0], b[0]));
                long from = MARGIN;
                for (int i = 0; i <= blocked.size(); i++) {
                    long to = i < blocked.size() ? blocked.get(i)[0] : MARGIN + coreW;
                    long s0 = (from - MARGIN + sw - 1) / sw;
                    long s1 = (to - MARGIN) / sw;
                    if (s1 - s0 >= 1) {
                        w.write("ROW ROW_" + k++ + " " + OpenRoadLikeLibrary.SITE + " " + (MARGIN + s0 * sw) + " " + y
                                + (r % 2 == 0 ? " N" : " FS") + " DO " + (s1 - s0) + " BY 1 STEP " + sw + " 0 ;\n");
                    }
                    if (i < blocked.size()) {
                        from = Math.max(from, blocked.get(i)[0] + OpenRoadLikeLibrary.SRAM_W);
                    }
                }
            }
            for (int l = 1; l <= 6; l++) {
                boolean horizontal = l % 2 == 1;
                w.write("TRACKS " + (horizontal ? "Y" : "X") + " 190 DO " + ((horizontal ? dh : dw) / 380) + " STEP 380 LAYER metal"
                        + l + " ;\n");
            }
            w.write("GCELLGRID X 0 DO 64 STEP " + dw / 64 + " ;\nGCELLGRID Y 0 DO 64 STEP " + dh / 64 + " ;\n");
            w.write("VIAS 1 ;\n - via1_4 + RECT metal1 ( -70 -70 ) ( 70 70 ) + RECT metal2 ( -70 -70 ) ( 70 70 ) ;\n"
                    + "END VIAS\n");
            return k;
        }

        private void components(BufferedWriter w, boolean noisy) throws IOException {
            w.write("COMPONENTS " + (cells + macroAt.size()) + " ;\n");
            for (int m = 0; m < macroAt.size(); m++) {
                w.write(" - sram" + m + " " + OpenRoadLikeLibrary.SRAM + " + FIXED ( " + macroAt.get(m)[0] + " "
                        + macroAt.get(m)[1] + " ) N ;\n");
            }
            SplittableRandom nr = new SplittableRandom(12345);
            double sigma = noise * coreW;
            StringBuilder sb = new StringBuilder(256);
            for (int c = 0; c < cells; c++) {
                long x = hx[c];
                long y = hy[c];
                if (noisy) {
                    x = clamp(x + Math.round(gauss(nr) * sigma), MARGIN, MARGIN + coreW - width(c));
                    y = clamp(y + Math.round(gauss(nr) * sigma), MARGIN, MARGIN + coreH - height(c));
                }
                sb.setLength(0);
                sb.append(" - u").append(c).append(' ').append(OpenRoadLikeLibrary.NAMES[master[c]])
                        .append(" + PLACED ( ").append(x).append(' ').append(y).append(" ) N ;\n");
                w.append(sb);
            }
            w.write("END COMPONENTS\n");
        }

        private void pins(BufferedWriter w, int ioPins) throws IOException {
            w.write("PINS " + ioPins + " ;\n");
            for (int p = 0; p < ioPins; p++) {
                long[] at = ioLocation(p);
                w.write(" - io" + p + " + NET io" + p + " + DIRECTION " + (p % 3 == 0 ? "OUTPUT" : "INPUT")
                        + " + USE SIGNAL\n   + LAYER metal3 ( -70 -70 ) ( 70 70 )\n   + FIXED ( " + at[0] + " "
                        + at[1] + " ) N ;\n");
            }
            w.write("END PINS\n");
        }
    }
}
