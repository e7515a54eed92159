/**
 * Electrostatic global placement (ePlace, Lu et al., TODAES 2015; RePlAce, Cheng et al., TCAD 2019).
 *
 * <p>API: {@link org.chipplace.placer.global.GlobalPlacer#place}, configured by
 * {@link org.chipplace.placer.global.GlobalPlacerOptions}, returning
 * {@link org.chipplace.placer.global.GlobalPlacementResult}. Internals (package-private): flat model of
 * objects and pins ({@code PlacementModel}), weighted-average wirelength kernels ({@code Wirelength}),
 * bin density with local smoothing and fillers ({@code DensityModel}), DCT Poisson solver
 * ({@code PoissonSolver}), bound-to-bound initial placement ({@code QuadraticPlacer}), the objective with
 * Jacobi preconditioning ({@code Objective}) and Nesterov's method ({@code Nesterov}). Work is split into
 * chunks whose number does not depend on the thread count ({@link org.chipplace.parallel.Parallel}), so
 * results are identical for any number of threads.
 */
package org.chipplace.placer.global;
