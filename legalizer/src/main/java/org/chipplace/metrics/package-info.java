/**
 * Placement metrics: HPWL ({@link org.chipplace.metrics.Hpwl}), legality: overlap, core, rows,
 * sites ({@link org.chipplace.metrics.LegalityChecker}), density overflow
 * ({@link org.chipplace.metrics.Density}), RUDY congestion ({@link org.chipplace.metrics.Rudy}) and
 * the facade {@link org.chipplace.metrics.Metrics}, configured by
 * {@link org.chipplace.metrics.MetricsOptions}.
 *
 * <p>All lengths are in the design's database units; positions are lower-left corners; bin maps
 * are flat arrays {@code bin[ix * ny + iy]} over a grid that tiles the core (or, when the design
 * has no core, the bounding box of all nodes). Node sizes are used as in the netlist: orientations
 * are not applied.
 *
 * <p>Large designs are evaluated in chunks of nets or sweep strips ({@link org.chipplace.parallel.Parallel})
 * reduced in chunk order, so results do not depend on {@link org.chipplace.metrics.MetricsOptions#parallel}.
 */
package org.chipplace.metrics;
