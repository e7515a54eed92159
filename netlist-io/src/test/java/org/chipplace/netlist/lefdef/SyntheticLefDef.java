package org.chipplace.netlist.lefdef;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.chipplace.netlist.bookshelf.BookshelfWriter;

/**
 * Writes a synthetic LEF/DEF design ({@code tech.lef}, {@code cells.lef}, {@code design.def}) for
 * benchmarks and scale tests: 12 standard-cell masters (1 to 12 sites of 0.2 um, 2.0 um rows,
 * 3 pins), 4 block masters (40 x 30 um and up, 24 pins), {@code cells} cells PLACED in rows
 * alternating N/FS, {@code blocks} blocks (every third FIXED), 256 I/O pins, nets of degree 2 to 6
 * (one per cell) plus one 4-pin net per block, and the sections a real flow writes but placement
 * ignores (TRACKS, GCELLGRID, VIAS, SPECIALNETS). DEF units: 2000 per micron.
 */
final class SyntheticLefDef {
    static final int IO_PINS = 256;
    private static final int CELL_MASTERS = 12;
    private static final int BLOCK_MASTERS = 4;
    private static final int BLOCK_PINS = 24;

    private SyntheticLefDef() {
    }

    /** The LEF files written into {@code dir}. */
    static List<Path> lefs(Path dir) {
        return List.of(dir.resolve("tech.lef"), dir.resolve("cells.lef"));
    }

    static Path def(Path dir) {
        return dir.resolve("design.def");
    }

    static void write(Path dir, int cells, int blocks, long seed) {
        try {
            writeLef(dir);
            writeDef(dir, cells, blocks, new SplittableRandom(seed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeLef(Path dir) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("tech.lef"), StandardCharsets.ISO_8859_1)) {
            w.write("VERSION 5.8 ;\nUNITS\n  DATABASE MICRONS 2000 ;\nEND UNITS\n");
            w.write("SITE core\n  CLASS CORE ;\n  SYMMETRY Y ;\n  SIZE 0.2 BY 2.0 ;\nEND core\n");
            for (int l = 1; l <= 4; l++) {
                w.write("LAYER M" + l + "\n  TYPE ROUTING ;\n  DIRECTION " + (l % 2 == 1 ? "HORIZONTAL" : "VERTICAL")
                        + " ;\n  PITCH 0.2 ;\n  WIDTH 0.1 ;\nEND M" + l + "\n");
            }
            w.write("END LIBRARY\n");
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("cells.lef"), StandardCharsets.ISO_8859_1)) {
            w.write("VERSION 5.8 ;\n");
            for (int c = 0; c < CELL_MASTERS; c++) {
                double width = 0.2 * (c + 1);
                w.write("MACRO C" + c + "\n  CLASS CORE ;\n  SIZE " + fmt(width) + " BY 2.0 ;\n  SYMMETRY X Y ;\n  SITE core ;\n");
                String[] pins = {"A", "B", "Y"};
                for (int p = 0; p < pins.length; p++) {
                    double x = width * (p + 1) / 4;
                    w.write("  PIN " + pins[p] + "\n    DIRECTION " + (p == 2 ? "OUTPUT" : "INPUT") + " ;\n    PORT\n"
                            + "      LAYER M1 ;\n        RECT " + fmt(x - 0.05) + " 0.6 " + fmt(x + 0.05) + " 1.2 ;\n"
                            + "    END\n  END " + pins[p] + "\n");
                }
                w.write("END C" + c + "\n");
            }
            for (int b = 0; b < BLOCK_MASTERS; b++) {
                int bw = 40 + 10 * b;
                w.write("MACRO B" + b + "\n  CLASS BLOCK ;\n  SIZE " + bw + " BY 30 ;\n  SYMMETRY X Y R90 ;\n");
                for (int p = 0; p < BLOCK_PINS; p++) {
                    double x = 0.5 + p * (bw - 1.0) / BLOCK_PINS;
                    w.write("  PIN P" + p + "\n    DIRECTION INOUT ;\n    PORT\n      LAYER M2 ;\n        RECT "
                            + fmt(x) + " 0 " + fmt(x + 0.2) + " 0.4 ;\n    END\n  END P" + p + "\n");
                }
                w.write("  OBS\n    LAYER M1 ;\n      RECT 0 0 " + bw + " 30 ;\n  END\nEND B" + b + "\n");
            }
            w.write("END LIBRARY\n");
        }
    }

    private static String fmt(double v) {
        return BookshelfWriter.fmt(Math.rint(v * 1000) / 1000);
    }

    private static void writeDef(Path dir, int cells, int blocks, SplittableRandom rnd) throws IOException {
        // rows of 2.0 um (4000 DBU), sites of 400 DBU; about 50 % of the core filled; width = 10 x height
        double siteRows = cells * 13.0 + blocks * 3750.0 * 1.5;
        int numRows = Math.max(20, (int) Math.ceil(Math.sqrt(siteRows / 10)));
        int sitesPerRow = Math.max(300, 10 * numRows);
        long coreW = sitesPerRow * 400L;
        long coreH = numRows * 4000L;
        long m = 20000;
        try (BufferedWriter w = Files.newBufferedWriter(def(dir), StandardCharsets.ISO_8859_1)) {
            StringBuilder sb = new StringBuilder(1 << 16);
            sb.append("VERSION 5.8 ;\nDIVIDERCHAR \"/\" ;\nBUSBITCHARS \"[]\" ;\nDESIGN synth ;\nUNITS DISTANCE MICRONS 2000 ;\n");
            sb.append("DIEAREA ( 0 0 ) ( ").append(coreW + 2 * m).append(' ').append(coreH + 2 * m).append(" ) ;\n");
            for (int r = 0; r < numRows; r++) {
                sb.append("ROW r").append(r).append(" core ").append(m).append(' ').append(m + r * 4000L)
                        .append(r % 2 == 0 ? " N" : " FS").append(" DO ").append(sitesPerRow).append(" BY 1 STEP 400 0 ;\n");
            }
            sb.append("TRACKS X 200 DO ").append((coreW + 2 * m) / 400).append(" STEP 400 LAYER M2 ;\n");
            sb.append("GCELLGRID X 0 DO 10 STEP ").append((coreW + 2 * m) / 10).append(" ;\n");
            sb.append("VIAS 1 ;\n - v1 + RECT M1 ( -100 -100 ) ( 100 100 ) ;\nEND VIAS\n");
            sb.append("COMPONENTS ").append(cells + blocks).append(" ;\n");
            int[] master = new int[cells];
            for (int c = 0; c < cells; c++) {
                master[c] = rnd.nextInt(CELL_MASTERS);
                int row = rnd.nextInt(numRows);
                int site = rnd.nextInt(sitesPerRow - CELL_MASTERS);
                sb.append(" - c").append(c).append(" C").append(master[c]).append(" + PLACED ( ")
                        .append(m + site * 400L).append(' ').append(m + row * 4000L).append(" ) ")
                        .append(row % 2 == 0 ? "N" : "FS").append(" ;\n");
                flush(w, sb);
            }
            for (int b = 0; b < blocks; b++) {
                long x = m + rnd.nextLong(Math.max(1, coreW - 100 * 2000));
                long y = m + 4000L * rnd.nextInt(Math.max(1, numRows - 16));
                sb.append(" - blk").append(b).append(" B").append(b % BLOCK_MASTERS).append(b % 3 == 0 ? " + FIXED ( " : " + PLACED ( ")
                        .append(x).append(' ').append(y).append(" ) ").append(b % 2 == 0 ? "N" : "FN").append(" + HALO 10 10 10 10 ;\n");
            }
            sb.append("END COMPONENTS\nPINS ").append(IO_PINS).append(" ;\n");
            for (int p = 0; p < IO_PINS; p++) {
                sb.append(" - io").append(p).append(" + NET io").append(p).append(" + DIRECTION ")
                        .append(p % 2 == 0 ? "INPUT" : "OUTPUT").append(" + USE SIGNAL\n   + LAYER M2 ( -100 0 ) ( 100 400 ) + FIXED ( ")
                        .append(m + (coreW * p) / IO_PINS).append(" 0 ) N ;\n");
            }
            sb.append("END PINS\nSPECIALNETS 1 ;\n - VDD ( * VDD ) + USE POWER ;\nEND SPECIALNETS\n");
            sb.append("NETS ").append(cells + blocks).append(" ;\n");
            String[] pinNames = {"A", "B"};
            for (int c = 0; c < cells; c++) {
                sb.append(" - n").append(c).append(" ( c").append(c).append(" Y )");
                int deg = 1 + rnd.nextInt(5);
                for (int k = 0; k < deg; k++) {
                    sb.append(" ( c").append(rnd.nextInt(cells)).append(' ').append(pinNames[rnd.nextInt(2)]).append(" )");
                }
                if (c < IO_PINS) {
                    sb.append(" ( PIN io").append(c).append(" )");
                }
                sb.append(" ;\n");
                flush(w, sb);
            }
            for (int b = 0; b < blocks; b++) {
                sb.append(" - bn").append(b).append(" ( blk").append(b).append(" P").append(rnd.nextInt(BLOCK_PINS))
                        .append(" ) ( blk").append((b + 1) % blocks).append(" P").append(rnd.nextInt(BLOCK_PINS))
                        .append(" ) ( c").append(rnd.nextInt(cells)).append(" A ) ( c").append(rnd.nextInt(cells))
                        .append(" B )\n   + ROUTED M2 ( 1000 2000 ) ( 1000 * ) ;\n");
            }
            sb.append("END NETS\nEND DESIGN\n");
            w.append(sb);
        }
    }

    private static void flush(BufferedWriter w, StringBuilder sb) throws IOException {
        if (sb.length() > 1 << 16) {
            w.append(sb);
            sb.setLength(0);
        }
    }
}
