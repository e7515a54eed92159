/**
 * Circuit Training (Google's macro placer, and TILOS MacroPlacement's flows) netlists in protobuf
 * text ({@code netlist.pb.txt}) into the {@link org.chipplace.netlist.Netlist} model, and placements
 * as {@code .plc} files out and back in. The facade is
 * {@link org.chipplace.netlist.circuittraining.CircuitTraining}; the format reference is
 * {@code circuit_training/environment/plc_client} and TILOS {@code Docs/ProxyCost} / {@code CodeElements/Plc_client}.
 */
package org.chipplace.netlist.circuittraining;
