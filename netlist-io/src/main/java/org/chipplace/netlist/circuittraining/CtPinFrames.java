package org.chipplace.netlist.circuittraining;

import org.chipplace.netlist.lefdef.DefOrient;
import org.chipplace.netlist.lefdef.LefLibrary;

/**
 * The orientation frame of a {@code .pb}'s macro-pin offsets ({@code x_offset}, {@code y_offset}),
 * inferred from the LEF pin geometry, and the transforms of an offset between orientations.
 *
 * <p>A {@code .pb}'s {@code orientation} attr can disagree with its pin offsets: TILOS' ariane133
 * says N (or S) for macros whose offsets are those of FN or FS, the orientations its placed-macros
 * DEF gives. {@link #infer} compares, for each macro whose LEF macro has pins named as the
 * {@code .pb}'s macro pins ({@code macroName/pinName}), the offsets with the LEF pin-shape centres
 * (from the macro centre) turned to each candidate orientation: the four unrotated ones N, FN, FS, S,
 * and the quarter turns E, W, FE, FW when the netlist has a quarter-turned macro. The frame is the
 * candidate with the least mean error when that error is within the tolerance ({@link #TOLERANCE}
 * microns per pin, or {@link #RELATIVE_TOLERANCE} of the macro's mean side when that is more: a
 * converter may take a pin's centre from another of its shapes), the attr when it is within the
 * tolerance too; otherwise, and for macros without matching LEF pins, the frame stays the attr.
 *
 * <p>Orientations are the DEF ones: N, W (90 degrees counter-clockwise), S, E, FN (x mirrored), FW
 * (FN then W), FS (y mirrored), FE (FS then W), as {@code org.chipplace.netlist.lefdef}'s.
 */
final class CtPinFrames {
    /** Largest mean per-pin error (|dx| + |dy|, microns) of an orientation that matches the offsets. */
    static final double TOLERANCE = 0.01;
    /** The same as a fraction of the macro's mean side ((width + height) / 2), when that is larger. */
    static final double RELATIVE_TOLERANCE = 0.01;

    private CtPinFrames() {
    }

    /** Code of an orientation name ({@link DefOrient}; case ignored; null reads as N), or -1. */
    static int code(String o) {
        return o == null ? DefOrient.N : DefOrient.code(o);
    }

    /** The orientation that undoes {@code o} (W and E undo each other; the others undo themselves). */
    static int inverse(int o) {
        return o == DefOrient.W ? DefOrient.E : o == DefOrient.E ? DefOrient.W : o;
    }

    /**
     * The offset (dx, dy) given in orientation {@code from} as it is in orientation {@code to}
     * ({@code {dx, dy}} unchanged when either is unknown, -1).
     */
    static double[] transform(int from, int to, double dx, double dy) {
        if (from < 0 || to < 0 || from == to) {
            return new double[] {dx, dy};
        }
        int inv = inverse(from);
        double nx = DefOrient.tx(inv, dx, dy), ny = DefOrient.ty(inv, dx, dy); // back to N
        return new double[] {DefOrient.tx(to, nx, ny), DefOrient.ty(to, nx, ny)};
    }

    /**
     * The frame of each macro's pin offsets (null for nodes that are not macros, and for macros whose
     * LEF pins do not settle it: the attr then holds).
     *
     * @param r       the netlist
     * @param macroOf per node, the macro a macro pin belongs to (-1 for other nodes and unknown macros)
     * @param master  per node, the LEF macro of a macro (null when unknown)
     * @param lib     the LEF library
     */
    static String[] infer(PbTextReader r, int[] macroOf, String[] master, LefLibrary lib) {
        boolean rotated = false;
        for (int i = 0; i < r.n; i++) {
            int o = code(r.orient[i]);
            rotated |= r.type[i] == PbTextReader.MACRO && o >= 0 && DefOrient.swapsSize(o);
        }
        int cands = DefOrient.COUNT;
        double[][] err = new double[r.n][];
        int[] pins = new int[r.n];
        for (int u = 0; u < r.n; u++) {
            int m = macroOf[u];
            if (m < 0 || master[m] == null) {
                continue;
            }
            LefLibrary.Macro lm = lib.macros().get(master[m]);
            String macro = r.name[m];
            if (lm == null || !r.name[u].startsWith(macro + "/")) {
                continue;
            }
            String pinName = r.name[u].substring(macro.length() + 1);
            LefLibrary.Pin p = lm.pins().get(pinName);
            if (p == null && pinName.indexOf('\\') >= 0) {
                p = lm.pins().get(pinName.replace("\\", ""));
            }
            if (p == null) {
                continue;
            }
            double ox = Double.isNaN(r.xOff[u]) ? r.x[u] - r.x[m] : r.xOff[u];
            double oy = Double.isNaN(r.yOff[u]) ? r.y[u] - r.y[m] : r.yOff[u];
            if (err[m] == null) {
                err[m] = new double[cands];
            }
            pins[m]++;
            for (int k = 0; k < cands; k++) {
                if (!rotated && DefOrient.swapsSize(k)) {
                    continue;
                }
                err[m][k] += Math.abs(DefOrient.tx(k, p.dx(), p.dy()) - ox)
                        + Math.abs(DefOrient.ty(k, p.dx(), p.dy()) - oy);
            }
        }
        String[] frame = new String[r.n];
        for (int v = 0; v < r.n; v++) {
            if (err[v] == null) {
                continue;
            }
            double side = (r.w[v] + r.h[v]) / 2;
            double tol = pins[v] * (side > TOLERANCE / RELATIVE_TOLERANCE ? RELATIVE_TOLERANCE * side : TOLERANCE);
            int attr = code(r.orient[v]);
            if (attr >= 0 && err[v][attr] <= tol) { // a quarter-turned attr makes rotated true
                frame[v] = DefOrient.name(attr);
                continue;
            }
            int best = -1;
            for (int k = 0; k < cands; k++) {
                if ((rotated || !DefOrient.swapsSize(k)) && (best < 0 || err[v][k] < err[v][best])) {
                    best = k;
                }
            }
            if (err[v][best] <= tol) {
                frame[v] = DefOrient.name(best);
            }
        }
        return frame;
    }
}
