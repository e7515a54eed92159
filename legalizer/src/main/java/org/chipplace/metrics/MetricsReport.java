package org.chipplace.metrics;

/**
 * All placement metrics of one design and placement ({@link Metrics#evaluate}). The component
 * names are the JSON contract of the {@code evaluate} command.
 *
 * @param design          design name
 * @param nodes           number of nodes
 * @param nets            number of nets
 * @param pins            number of pins
 * @param movable         movable nodes (cells plus macros)
 * @param macros          movable macros
 * @param cells           movable standard cells
 * @param hpwl            unweighted HPWL ({@link Hpwl#total})
 * @param weightedHpwl    net-weighted HPWL ({@link Hpwl#weighted})
 * @param macroHpwl       macro-to-macro HPWL ({@link Hpwl#macro})
 * @param overlapArea     see {@link Legality#overlapArea()}
 * @param overlapPairs    see {@link Legality#overlapPairs()}
 * @param outsideCore     see {@link Legality#outsideCore()}
 * @param cellsOffRow     see {@link Legality#cellsOffRow()}
 * @param cellsOffSite    see {@link Legality#cellsOffSite()}
 * @param legal           see {@link Legality#legal()}
 * @param densityOverflow see {@link DensityReport#overflow()}
 * @param rudyPeak        see {@link RudyReport#peak()}
 * @param rudyOverflow    see {@link RudyReport#totalOverflow()}
 * @param cellsWrongParity see {@link Legality#cellsWrongParity()} (last, so that the older keys keep their order)
 */
public record MetricsReport(String design, int nodes, int nets, int pins, int movable, int macros, int cells,
                            double hpwl, double weightedHpwl, double macroHpwl, double overlapArea,
                            long overlapPairs, int outsideCore, int cellsOffRow, int cellsOffSite, boolean legal,
                            double densityOverflow, double rudyPeak, double rudyOverflow,
                            int cellsWrongParity) {
}
