package org.chipplace.netlist.lefdef;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.chipplace.netlist.bookshelf.BookshelfWriter;

/**
 * The LEF side of {@link OpenRoadLikeLefDef}: a NanGate45-like technology (site 0.19 x 1.4 um,
 * 2000 database units per micron) and a cell library of single-row masters, double- and
 * triple-height {@code CLASS CORE} masters (multi-bit flip-flops, large drivers) and one
 * {@code CLASS BLOCK} SRAM ({@code fakeram45_256x32}-like, 64 pins on its left edge). Pins are
 * small M1 rectangles: inputs along the bottom row, the output {@code Z} in the top row.
 */
final class OpenRoadLikeLibrary {
    static final String SITE = "FreePDK45_38x28_10R_NP_162NW_34O";
    static final int DBU = 2000;
    static final int SITE_W = 380; // 0.19 um
    static final int ROW_H = 2800; // 1.4 um
    static final String[] NAMES = {"INV_X1", "BUF_X1", "NAND2_X1", "NOR2_X1", "AOI21_X1", "OAI22_X1", "XOR2_X1",
        "MUX2_X1", "DFF_X1", "FA_X1", "DFF2R_X1", "MB2DFF_X1", "CLKBUF2H_X8", "MB3DFF_X1", "BUF3H_X16"};
    /** Width in sites of each master. */
    static final int[] SITES = {2, 3, 3, 3, 4, 5, 5, 7, 19, 16, 12, 20, 6, 16, 8};
    /** Height in rows of each master. */
    static final int[] ROWS = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3};
    /** Input pins of each master (plus one output Z). */
    static final int[] INPUTS = {1, 1, 2, 2, 3, 4, 2, 3, 2, 3, 2, 4, 1, 6, 1};
    static final String SRAM = "fakeram45_256x32";
    static final int SRAM_W = 121600; // 60.8 um
    static final int SRAM_H = 112000; // 56.0 um
    static final int SRAM_PINS = 64;

    private OpenRoadLikeLibrary() {
    }

    /** Masters of a given height (rows). */
    static int[] mastersOfHeight(int rows) {
        int n = 0;
        for (int r : ROWS) {
            n += r == rows ? 1 : 0;
        }
        int[] out = new int[n];
        int k = 0;
        for (int m = 0; m < ROWS.length; m++) {
            if (ROWS[m] == rows) {
                out[k++] = m;
            }
        }
        return out;
    }

    static String inputName(int i) {
        return "A" + (i + 1);
    }

    static void write(Path tech, Path cells) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(tech, StandardCharsets.ISO_8859_1)) {
            w.write("VERSION 5.8 ;\nBUSBITCHARS \"[]\" ;\nDIVIDERCHAR \"/\" ;\nUNITS\n  DATABASE MICRONS 2000 ;\nEND UNITS\n"
                    + "MANUFACTURINGGRID 0.005 ;\n");
            for (int l = 1; l <= 6; l++) {
                w.write("LAYER metal" + l + "\n  TYPE ROUTING ;\n  DIRECTION " + (l % 2 == 1 ? "HORIZONTAL" : "VERTICAL")
                        + " ;\n  PITCH 0.19 ;\n  WIDTH 0.07 ;\nEND metal" + l + "\n");
                if (l < 6) {
                    w.write("LAYER via" + l + "\n  TYPE CUT ;\nEND via" + l + "\n");
                }
            }
            w.write("SITE " + SITE + "\n  SYMMETRY Y ;\n  CLASS CORE ;\n  SIZE 0.19 BY 1.4 ;\nEND " + SITE + "\n");
            w.write("END LIBRARY\n");
        }
        try (BufferedWriter w = Files.newBufferedWriter(cells, StandardCharsets.ISO_8859_1)) {
            w.write("VERSION 5.8 ;\nBUSBITCHARS \"[]\" ;\nDIVIDERCHAR \"/\" ;\n");
            for (int m = 0; m < NAMES.length; m++) {
                double width = SITES[m] * 0.19;
                double height = ROWS[m] * 1.4;
                w.write("MACRO " + NAMES[m] + "\n  CLASS CORE ;\n  ORIGIN 0 0 ;\n  FOREIGN " + NAMES[m] + " 0 0 ;\n  SIZE "
                        + fmt(width) + " BY " + fmt(height) + " ;\n  SYMMETRY X Y ;\n  SITE " + SITE + " ;\n");
                for (int i = 0; i < INPUTS[m]; i++) {
                    double x = width * (i + 1) / (INPUTS[m] + 2);
                    pin(w, inputName(i), "INPUT", x, 0.4);
                }
                pin(w, "Z", "OUTPUT", width * (INPUTS[m] + 1) / (INPUTS[m] + 2), height - 0.7);
                w.write("  PIN VDD\n    DIRECTION INOUT ;\n    USE POWER ;\n    PORT\n      LAYER metal1 ;\n        RECT 0 "
                        + fmt(1.4 - 0.085) + " " + fmt(width) + " " + fmt(1.4 + 0.085) + " ;\n    END\n  END VDD\n");
                w.write("END " + NAMES[m] + "\n");
            }
            double sw = SRAM_W / (double) DBU;
            double sh = SRAM_H / (double) DBU;
            w.write("MACRO " + SRAM + "\n  FOREIGN " + SRAM + " 0 0 ;\n  SYMMETRY X Y R90 ;\n  SIZE " + fmt(sw) + " BY "
                    + fmt(sh) + " ;\n  CLASS BLOCK ;\n");
            for (int p = 0; p < SRAM_PINS; p++) {
                double y = 1.0 + p * (sh - 2.0) / SRAM_PINS;
                w.write("  PIN D[" + p + "]\n    DIRECTION " + (p % 2 == 0 ? "INPUT" : "OUTPUT") + " ;\n    USE SIGNAL ;\n"
                        + "    PORT\n      LAYER metal3 ;\n        RECT 0 " + fmt(y) + " 0.07 " + fmt(y + 0.07)
                        + " ;\n    END\n  END D[" + p + "]\n");
            }
            w.write("  OBS\n    LAYER metal1 ;\n      RECT 0 0 " + fmt(sw) + " " + fmt(sh) + " ;\n  END\nEND " + SRAM + "\n");
            w.write("END LIBRARY\n");
        }
    }

    private static void pin(BufferedWriter w, String name, String dir, double x, double y) throws IOException {
        w.write("  PIN " + name + "\n    DIRECTION " + dir + " ;\n    USE SIGNAL ;\n    PORT\n      LAYER metal1 ;\n"
                + "        RECT " + fmt(x - 0.035) + " " + fmt(y - 0.1) + " " + fmt(x + 0.035) + " " + fmt(y + 0.1)
                + " ;\n    END\n  END " + name + "\n");
    }

    /** Index drawn with probability proportional to {@code w[i]}. */
    static int weighted(SplittableRandom rnd, int[] w) {
        int total = 0;
        for (int v : w) {
            total += v;
        }
        int r = rnd.nextInt(total);
        for (int i = 0; i < w.length; i++) {
            r -= w[i];
            if (r < 0) {
                return i;
            }
        }
        return w.length - 1;
    }

    /** {@code v} rounded up to a multiple of {@code q}. */
    static long ceilTo(long v, long q) {
        return (v + q - 1) / q * q;
    }

    /** A standard normal sample (Box-Muller). */
    static double gauss(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static String fmt(double v) {
        return BookshelfWriter.fmt(Math.rint(v * 1000) / 1000);
    }
}
