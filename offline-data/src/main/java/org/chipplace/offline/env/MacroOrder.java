package org.chipplace.offline.env;

/**
 * Order in which {@link MacroEnv} places the movable macros.
 *
 * <ul>
 *   <li>{@link #CONNECTIVITY} (default, ChiPFormer/MaskPlace): first the macro on the most nets, then
 *       repeatedly the unplaced macro with the most already-placed neighbours (distinct macros sharing
 *       a net with it); ties by net count, then area, then node index (lower first).</li>
 *   <li>{@link #AREA}: decreasing area; ties by net count, then node index.</li>
 *   <li>{@link #INDEX}: increasing node index (netlist order).</li>
 * </ul>
 */
public enum MacroOrder {
    CONNECTIVITY, AREA, INDEX
}
