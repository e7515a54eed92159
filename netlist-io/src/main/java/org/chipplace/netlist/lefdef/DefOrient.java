package org.chipplace.netlist.lefdef;

/**
 * The eight DEF orientations as small codes, and how they map a pin offset measured from the
 * macro centre in orientation N to the offset from the centre of the placed (rotated) bounding
 * box. Conventions of the LEF/DEF 5.8 reference (OpenDB names in brackets): N (R0), W (R90,
 * counter-clockwise), S (R180), E (R270), FN (MY: mirror x), FW (MY then R90), FS (MX: mirror y),
 * FE (MX then R90).
 */
public final class DefOrient {
    static final String[] NAMES = {"N", "W", "S", "E", "FN", "FW", "FS", "FE"};
    public static final int N = 0, W = 1, S = 2, E = 3, FN = 4, FW = 5, FS = 6, FE = 7;
    /** Number of orientations (codes {@code 0 .. COUNT-1}). */
    public static final int COUNT = NAMES.length;

    private DefOrient() {
    }

    /** Name of orientation code {@code o}. */
    public static String name(int o) {
        return NAMES[o];
    }

    /** Code of a DEF orientation name (case-insensitive), or -1. */
    public static int code(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** True when the orientation turns the macro by 90 degrees (width and height swap). */
    public static boolean swapsSize(int o) {
        return (o & 1) == 1;
    }

    /** x of the transformed offset. */
    public static double tx(int o, double dx, double dy) {
        return switch (o) {
            case N, FS -> dx;
            case S, FN -> -dx;
            case W, FW -> -dy;
            default -> dy; // E, FE
        };
    }

    /** y of the transformed offset. */
    public static double ty(int o, double dx, double dy) {
        return switch (o) {
            case N, FN -> dy;
            case S, FS -> -dy;
            case W, FE -> dx;
            default -> -dx; // E, FW
        };
    }

    /** True for the x-mirrored members of the unrotated family (S and FN). */
    static boolean mirrorsX(int o) {
        return o == S || o == FN;
    }
}
