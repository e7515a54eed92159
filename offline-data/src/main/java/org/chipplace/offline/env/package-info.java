/**
 * The macro-placement environment of MaskPlace (Lai et al., NeurIPS 2022) and ChiPFormer (Lai et
 * al., ICML 2023): {@link org.chipplace.offline.env.MacroEnv} with
 * {@link org.chipplace.offline.env.EnvOptions} places the movable macros one at a time, in a
 * {@link org.chipplace.offline.env.MacroOrder}, on a G x G grid over the core; its observation holds
 * the occupancy, wire and position masks, and the reward of a step is minus the macro-HPWL increase.
 * An episode is recorded as a {@link org.chipplace.offline.env.Trajectory}, keyed by the
 * {@link org.chipplace.offline.env.DesignHash} of the design the environment sees. The per-design
 * data and the wire-mask kernel are internal to the package.
 */
package org.chipplace.offline.env;
