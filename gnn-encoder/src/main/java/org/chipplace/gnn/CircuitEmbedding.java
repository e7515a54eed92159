package org.chipplace.gnn;

/**
 * Encoder output for one design.
 *
 * @param token  circuit token: the mean over graph vertices of the node means {@code mu}, length {@code latentDim}
 * @param macros one row of {@code mu} per macro, in netlist macro order ({@code [numMacros][latentDim]});
 *               empty for designs without macros
 */
public record CircuitEmbedding(float[] token, float[][] macros) {
}
