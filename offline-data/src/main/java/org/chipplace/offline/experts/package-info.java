/**
 * Expert macro placers that play {@link org.chipplace.offline.env.MacroEnv} episodes (each an
 * {@link org.chipplace.offline.experts.Expert}, a {@code MacroPlacer}):
 * {@link org.chipplace.offline.experts.GreedyPlacer} (MaskPlace's greedy arg-min of the wire mask,
 * with a {@link org.chipplace.offline.experts.TieBreak}), {@link org.chipplace.offline.experts.EaPlacer}
 * (WireMask-EA, Shi et al., NeurIPS 2023), {@link org.chipplace.offline.experts.StochasticGreedyPlacer}
 * and {@link org.chipplace.offline.experts.RandomPlacer}; and
 * {@link org.chipplace.offline.experts.SlidingMacroPlacer}, which refines an inner placer's macros
 * at their exact sizes by sliding them on HPWL plus a cell-density term.
 */
package org.chipplace.offline.experts;
