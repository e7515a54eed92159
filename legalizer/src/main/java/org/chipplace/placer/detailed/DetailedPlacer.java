package org.chipplace.placer.detailed;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.placer.rows.RowSegments;

/**
 * Detailed placement of a legal placement: FastDP-style global swap with vertical moves and
 * insertions that push neighbours aside ({@link GlobalSwap}, {@link ShiftInsert}), independent-set matching of same-size cells ({@link IndependentSetMatching},
 * unless {@link DetailedPlacerOptions#ismSetSize()} is 0), local reordering of adjacent cells
 * ({@link LocalReorder}) and single-segment clustering ({@link SingleSegmentClustering}, unless
 * {@link DetailedPlacerOptions#clustering()} is false), repeated for up to
 * {@link DetailedPlacerOptions#passes()} passes.
 *
 * <p>Only single-row {@link org.chipplace.netlist.NodeKind#CELL} nodes move, and only within the
 * free row segments left by fixed objects, macros and multi-row cells (see
 * {@link RowSegments#defaultBlockages}); a cell never crosses a blockage except by a move into a gap
 * of another segment. Every move is applied only if the weighted HPWL of the nets it touches strictly
 * decreases (evaluated incrementally from cached net boxes), so the total never increases and the
 * placement stays legal. Pins sit at the node centre plus their offset; orientation is ignored.
 */
public final class DetailedPlacer {
    /** Nets with more pins are ignored when computing a cell's optimal region (not for HPWL). */
    static final int MAX_REGION_DEGREE = 100;
    /**
     * Rows above and below the seed's row searched by independent-set matching (on ibm01, ibm02,
     * ibm03 and ibm05 after global placement and legalization, 2 rows gave 0.002-0.023 % lower final
     * HPWL than 1, in similar time).
     */
    static final int ISM_ROWS = 2;

    private DetailedPlacer() {
    }

    /**
     * Improves the legal placement {@code p} in place.
     *
     * @throws IllegalArgumentException when a cell of {@code p} is not inside a free row segment
     */
    public static DetailedPlacementResult improve(Netlist nl, Placement p, DetailedPlacerOptions o) {
        long t0 = System.nanoTime();
        RowSegments seg = RowSegments.build(nl, p, RowSegments.defaultBlockages(nl), o.threads());
        SegmentCells sc = new SegmentCells(nl, p, seg);
        NetBoxes nb = new NetBoxes(nl, p.x(), p.y(), o.threads());
        double before = nb.total();
        GlobalSwap gs = new GlobalSwap(nl, sc, nb, MAX_REGION_DEGREE, o.searchRows(), o.pushCells());
        IndependentSetMatching ism = o.ismSetSize() == 0 ? null
                : new IndependentSetMatching(nl, sc, nb, o.ismSetSize(), ISM_ROWS);
        LocalReorder lr = new LocalReorder(sc, nb, o.windowSize());
        SingleSegmentClustering ssc = o.clustering() ? new SingleSegmentClustering(sc, nb, MAX_REGION_DEGREE) : null;
        double cur = before;
        int passes = 0;
        while (passes < o.passes()) {
            passes++;
            int moves = gs.pass();
            if (ism != null) {
                moves += ism.pass();
            }
            moves += lr.pass();
            if (ssc != null) {
                moves += ssc.pass();
            }
            double next = nb.total();
            boolean small = cur - next < o.minGain() * cur;
            cur = next;
            if (moves == 0 || small) {
                break;
            }
        }
        return new DetailedPlacementResult(before, nb.total(), passes, (System.nanoTime() - t0) * 1e-9);
    }
}
