package org.chipplace.offline.env;

/**
 * Options of the macro-placement environment {@link MacroEnv}.
 *
 * @param grid  number of grid cells per side of the canvas (G); default 84 as in MaskPlace and
 *              ChiPFormer; must be in [2, 1024]
 * @param order macro order; default {@link MacroOrder#CONNECTIVITY}
 * @param fixedPins whether pins on fixed nodes (pads, fixed macros) count in the macro HPWL;
 *              default true. {@code false} gives the macro-to-macro HPWL of ChiPFormer's and
 *              MaskPlace's ibm protocol (their node lists hold no pads). Fixed nodes block either way.
 * @param cellPins whether pins on movable standard cells ({@code NodeKind.CELL}) count in the macro
 *              HPWL as fixed pins at their positions in the environment's placement (pins only, never
 *              obstacles); default false. With cells placed by a global placer this makes the macro
 *              HPWL the full HPWL of every net that touches a macro (a proxy of the design HPWL);
 *              used by the cell-aware macro stage of the placement flow.
 */
public record EnvOptions(int grid, MacroOrder order, boolean fixedPins, boolean cellPins) {
    /** Default grid size (MaskPlace / ChiPFormer). */
    public static final int DEFAULT_GRID = 84;

    public EnvOptions {
        if (grid < 2 || grid > 1024) {
            throw new IllegalArgumentException("grid must be in [2, 1024]: " + grid);
        }
        if (order == null) {
            throw new IllegalArgumentException("order must not be null");
        }
    }

    /** Options without cell pins (the dataset setting). */
    public EnvOptions(int grid, MacroOrder order, boolean fixedPins) {
        this(grid, order, fixedPins, false);
    }

    /** Grid 84, connectivity order, fixed pins, no cell pins. */
    public static EnvOptions defaults() {
        return new EnvOptions(DEFAULT_GRID, MacroOrder.CONNECTIVITY, true, false);
    }

    /** A copy with another grid size. */
    public EnvOptions withGrid(int g) {
        return new EnvOptions(g, order, fixedPins, cellPins);
    }

    /** A copy with another order. */
    public EnvOptions withOrder(MacroOrder o) {
        return new EnvOptions(grid, o, fixedPins, cellPins);
    }

    /** A copy with or without fixed pins in the objective. */
    public EnvOptions withFixedPins(boolean f) {
        return new EnvOptions(grid, order, f, cellPins);
    }

    /** A copy with or without standard-cell pins in the objective. */
    public EnvOptions withCellPins(boolean c) {
        return new EnvOptions(grid, order, fixedPins, c);
    }
}
