/**
 * Offline trajectory datasets for decision-transformer pretraining (ChiPFormer, Lai et al., ICML
 * 2023): the facade {@link org.chipplace.offline.datasets.Datasets} (generate with experts, info,
 * read, write, loader, placer by name), recorded {@link org.chipplace.offline.env.Trajectory}s
 * keyed by {@link org.chipplace.offline.env.DesignHash}, and
 * {@link org.chipplace.offline.datasets.DatasetLoader} yielding
 * {@link org.chipplace.offline.datasets.TrainingWindow}s. File format: {@code docs/dataset-format.md}.
 */
package org.chipplace.offline.datasets;
