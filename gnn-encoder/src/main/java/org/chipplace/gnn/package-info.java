/**
 * GNN circuit encoder: circuit tokens from the netlist graph, as in ChiPFormer (Lai et al., ICML
 * 2023), with a variational graph auto-encoder (Kipf and Welling, 2016) on the DJL PyTorch engine.
 *
 * <p>API: {@link org.chipplace.gnn.CircuitEncoder} (load, embed, macro embeddings, save) and
 * {@link org.chipplace.gnn.EncoderTrainer} (train across designs) with the records
 * {@link org.chipplace.gnn.EncoderTrainingOptions}, {@link org.chipplace.gnn.EncoderGraphOptions},
 * {@link org.chipplace.gnn.TrainingReport}, {@link org.chipplace.gnn.EpochStats} and
 * {@link org.chipplace.gnn.CircuitEmbedding}; {@link org.chipplace.gnn.PyTorch} starts the engine and
 * throws {@link org.chipplace.gnn.EngineUnavailableException} with a clear message when its native
 * library does not load (for example a cuda build on a machine without a driver). Everything else is
 * package-private. The engine runs
 * offline ({@code ai.djl.offline=true}) with one intra-op thread unless
 * {@code ai.djl.pytorch.num_threads} is set, so results are reproducible for a seed.
 */
package org.chipplace.gnn;
