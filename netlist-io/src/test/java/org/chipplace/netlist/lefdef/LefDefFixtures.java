package org.chipplace.netlist.lefdef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The hand-written LEF/DEF files under {@code src/test/resources/lefdef} and an independent
 * geometric reference for pin positions: the LEF pin rectangle's corners are transformed by the
 * orientation matrix of the LEF/DEF reference, the transformed macro box is moved so that its
 * lower-left corner is the DEF placement point, and the pin is the centre of the moved rectangle.
 */
final class LefDefFixtures {
    static final String[] FILES = {"tech.lef", "cells.lef", "blocks.lef", "design.def"};

    private LefDefFixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(LefDefFixtures.class.getResource("/lefdef/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> lefs() {
        return List.of(resource("tech.lef"), resource("cells.lef"), resource("blocks.lef"));
    }

    static DefDesign design() {
        return LefDef.read(lefs(), resource("design.def"));
    }

    /** Copies the fixture files into {@code dir}. */
    static void copyTo(Path dir) {
        try {
            for (String f : FILES) {
                Files.copy(resource(f), dir.resolve(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Orientation matrices {a, b, c, d}: (x, y) -> (a x + b y, c x + d y). */
    static double[] matrix(String orient) {
        return switch (orient) {
            case "N" -> new double[] {1, 0, 0, 1};
            case "S" -> new double[] {-1, 0, 0, -1};
            case "W" -> new double[] {0, -1, 1, 0};
            case "E" -> new double[] {0, 1, -1, 0};
            case "FN" -> new double[] {-1, 0, 0, 1};
            case "FS" -> new double[] {1, 0, 0, -1};
            case "FW" -> new double[] {0, -1, -1, 0};
            case "FE" -> new double[] {0, 1, 1, 0};
            default -> throw new IllegalArgumentException(orient);
        };
    }

    /** Absolute pin centre {x, y} in database units by transforming rectangle corners. */
    static double[] pinPosition(LefLibrary.Macro m, LefLibrary.Pin pin, double px, double py, String orient,
                                double dbu) {
        double[] t = matrix(orient);
        double[] box = corners(t, 0, 0, m.width() * dbu, m.height() * dbu);
        double[] pb = corners(t, pin.xl() * dbu, pin.yl() * dbu, pin.xh() * dbu, pin.yh() * dbu);
        return new double[] {px - box[0] + (pb[0] + pb[2]) / 2, py - box[1] + (pb[1] + pb[3]) / 2};
    }

    private static double[] corners(double[] t, double xl, double yl, double xh, double yh) {
        double[] bb = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        double[][] c = {{xl, yl}, {xh, yl}, {xl, yh}, {xh, yh}};
        for (double[] p : c) {
            double x = t[0] * p[0] + t[1] * p[1];
            double y = t[2] * p[0] + t[3] * p[1];
            bb[0] = Math.min(bb[0], x);
            bb[1] = Math.min(bb[1], y);
            bb[2] = Math.max(bb[2], x);
            bb[3] = Math.max(bb[3], y);
        }
        return bb;
    }
}
