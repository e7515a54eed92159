package org.chipplace.offline;

/**
 * Options of the macro-placement environment {@link MacroEnv}.
 *
 * @param grid  number of grid cells per side of the canvas (G); default 84 as in MaskPlace and
 *              ChiPFormer; must be in [2, 1024]
 * @param order macro order; default {@link MacroOrder#CONNECTIVITY}
 * @param fixedPins whether pins on fixed nodes (pads, fixed macros) count in the macro HPWL;
 *              default true. {@code false} gives the macro-to-macro HPWL of ChiPFormer's and
 *              MaskPlace's ibm protocol (their node lists hold no pads). Fixed nodes block either way.
 */
public record EnvOptions(int grid, MacroOrder order, boolean fixedPins) {
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

    /** Grid 84, connectivity order. */
    public static EnvOptions defaults() {
        return new EnvOptions(DEFAULT_GRID, MacroOrder.CONNECTIVITY, true);
    }

    /** A copy with another grid size. */
    public EnvOptions withGrid(int g) {
        return new EnvOptions(g, order, fixedPins);
    }

    /** A copy with another order. */
    public EnvOptions withOrder(MacroOrder o) {
        return new EnvOptions(grid, o, fixedPins);
    }

    /** A copy with or without fixed pins in the objective. */
    public EnvOptions withFixedPins(boolean f) {
        return new EnvOptions(grid, order, f);
    }
}
