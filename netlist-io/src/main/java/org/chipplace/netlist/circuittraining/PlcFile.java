package org.chipplace.netlist.circuittraining;

import org.chipplace.netlist.Placement;

/**
 * A Circuit Training placement file read by {@link CircuitTraining#readPlc}: the placement and the
 * evaluation parameters its {@code #} header states (0 or NaN where the header does not say).
 *
 * @param placement         the design's placement with every node listed in the file moved (lower-left
 *                          corners in database units, as the model keeps them); nodes not listed keep
 *                          the design's position
 * @param nodesRead         number of node lines read
 * @param columns           {@code # Columns : C  Rows : R}: grid columns, or 0
 * @param rows              grid rows, or 0
 * @param hRoutesPerMicron  {@code # Routes per micron, hor : H  ver : V}, or NaN
 * @param vRoutesPerMicron  vertical routes per micron, or NaN
 * @param hMacroAlloc       {@code # Routes used by macros, hor : H  ver : V}, or NaN
 * @param vMacroAlloc       vertical routes per micron used by macros, or NaN
 * @param smoothing         {@code # Smoothing factor : k}, or -1
 */
public record PlcFile(Placement placement, int nodesRead, int columns, int rows, double hRoutesPerMicron,
                      double vRoutesPerMicron, double hMacroAlloc, double vMacroAlloc, int smoothing) {
}
