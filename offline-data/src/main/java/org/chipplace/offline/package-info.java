/**
 * Macro-placement environment, expert placers (greedy, EA) and offline trajectory datasets.
 *
 * <ul>
 *   <li>{@link org.chipplace.offline.MacroEnv} with {@link org.chipplace.offline.EnvOptions}: the
 *       MaskPlace/ChiPFormer grid environment (occupancy, wire and position masks; reward = minus the
 *       macro-HPWL increase).</li>
 *   <li>Experts ({@link org.chipplace.offline.Expert}, each a {@code MacroPlacer}):
 *       {@link org.chipplace.offline.GreedyPlacer}, {@link org.chipplace.offline.EaPlacer}
 *       (WireMask-EA style), {@link org.chipplace.offline.StochasticGreedyPlacer},
 *       {@link org.chipplace.offline.RandomPlacer}.</li>
 *   <li>Datasets: the facade {@link org.chipplace.offline.Datasets} (generate, info, read, write,
 *       loader, placer by name), {@link org.chipplace.offline.DatasetLoader} yielding
 *       {@link org.chipplace.offline.TrainingWindow}s; format in {@code docs/dataset-format.md}.</li>
 *   <li>{@link org.chipplace.offline.SyntheticCircuits}: seeded Rent's-rule-style designs.</li>
 * </ul>
 */
package org.chipplace.offline;
