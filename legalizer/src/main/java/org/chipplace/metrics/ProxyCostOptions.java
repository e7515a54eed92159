package org.chipplace.metrics;

/**
 * Options of Circuit Training's proxy cost ({@link ProxyCost}). The defaults are Circuit Training's:
 * weights 1 / 0.5 / 0.5 (TILOS MacroPlacement, Docs/ProxyCost: "in their internal flow, they use
 * W_wirelength = 1, W_density = 0.5, and W_congestion = 0.5"; the public CT environment uses density
 * weight 1), smoothing 2, and the routing resources of CT's Ariane {@code .plc} headers (TILOS
 * Docs/CT_AC_DP_Results: "Routes per micron, hor : 70.330 ver : 74.510", "Routes used by macros,
 * hor : 51.790 ver : 51.790"). CT chooses its grid per design; the default here is 32 x 32.
 *
 * @param gridColumns       grid columns over the canvas (default 32)
 * @param gridRows          grid rows over the canvas (default 32)
 * @param hRoutesPerMicron  horizontal routing tracks per micron of grid-cell height (default 70.33)
 * @param vRoutesPerMicron  vertical routing tracks per micron of grid-cell width (default 74.51)
 * @param hMacroAlloc       horizontal tracks per micron a macro blocks (default 51.79)
 * @param vMacroAlloc       vertical tracks per micron a macro blocks (default 51.79)
 * @param smoothRange       congestion smoothing range in grid cells, {@code >= 0} (default 2)
 * @param wirelengthWeight  weight of the wirelength cost (default 1)
 * @param densityWeight     weight of the density cost (default 0.5)
 * @param congestionWeight  weight of the congestion cost (default 0.5)
 * @param unitsPerMicron    database units per micron of the netlist (default 1: the netlist is in
 *                          microns); only the routing capacity depends on it
 */
public record ProxyCostOptions(int gridColumns, int gridRows, double hRoutesPerMicron, double vRoutesPerMicron,
                               double hMacroAlloc, double vMacroAlloc, int smoothRange, double wirelengthWeight,
                               double densityWeight, double congestionWeight, double unitsPerMicron) {

    public ProxyCostOptions {
        if (gridColumns < 1 || gridRows < 1) {
            throw new IllegalArgumentException("grid must be at least 1 x 1, got " + gridColumns + " x " + gridRows);
        }
        positive("hRoutesPerMicron", hRoutesPerMicron);
        positive("vRoutesPerMicron", vRoutesPerMicron);
        positive("unitsPerMicron", unitsPerMicron);
        nonNegative("hMacroAlloc", hMacroAlloc);
        nonNegative("vMacroAlloc", vMacroAlloc);
        nonNegative("wirelengthWeight", wirelengthWeight);
        nonNegative("densityWeight", densityWeight);
        nonNegative("congestionWeight", congestionWeight);
        if (smoothRange < 0) {
            throw new IllegalArgumentException("smoothRange must be >= 0, got " + smoothRange);
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }

    private static void nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
        }
    }

    /** Circuit Training's defaults (see the class comment), netlist in microns. */
    public static ProxyCostOptions defaults() {
        return new ProxyCostOptions(32, 32, 70.33, 74.51, 51.79, 51.79, 2, 1.0, 0.5, 0.5, 1.0);
    }

    public ProxyCostOptions withGrid(int columns, int rows) {
        return new ProxyCostOptions(columns, rows, hRoutesPerMicron, vRoutesPerMicron, hMacroAlloc, vMacroAlloc,
                smoothRange, wirelengthWeight, densityWeight, congestionWeight, unitsPerMicron);
    }

    public ProxyCostOptions withRoutesPerMicron(double h, double v) {
        return new ProxyCostOptions(gridColumns, gridRows, h, v, hMacroAlloc, vMacroAlloc,
                smoothRange, wirelengthWeight, densityWeight, congestionWeight, unitsPerMicron);
    }

    public ProxyCostOptions withMacroAlloc(double h, double v) {
        return new ProxyCostOptions(gridColumns, gridRows, hRoutesPerMicron, vRoutesPerMicron, h, v,
                smoothRange, wirelengthWeight, densityWeight, congestionWeight, unitsPerMicron);
    }

    public ProxyCostOptions withSmoothRange(int k) {
        return new ProxyCostOptions(gridColumns, gridRows, hRoutesPerMicron, vRoutesPerMicron, hMacroAlloc,
                vMacroAlloc, k, wirelengthWeight, densityWeight, congestionWeight, unitsPerMicron);
    }

    public ProxyCostOptions withWeights(double wirelength, double density, double congestion) {
        return new ProxyCostOptions(gridColumns, gridRows, hRoutesPerMicron, vRoutesPerMicron, hMacroAlloc,
                vMacroAlloc, smoothRange, wirelength, density, congestion, unitsPerMicron);
    }

    public ProxyCostOptions withUnitsPerMicron(double v) {
        return new ProxyCostOptions(gridColumns, gridRows, hRoutesPerMicron, vRoutesPerMicron, hMacroAlloc,
                vMacroAlloc, smoothRange, wirelengthWeight, densityWeight, congestionWeight, v);
    }
}
