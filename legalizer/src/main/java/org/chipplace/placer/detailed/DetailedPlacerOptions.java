package org.chipplace.placer.detailed;

/**
 * Options of {@link DetailedPlacer}.
 *
 * @param passes       maximum number of passes; each pass runs global swap (with vertical moves) over
 *                     every cell, then independent-set matching (when enabled), then local reordering
 *                     over every segment; default 3
 * @param windowSize   number of adjacent cells permuted by local reordering, 2..4 (all
 *                     {@code windowSize!} orders are tried); default 3
 * @param threads      worker threads for the initial per-net bounding boxes (the moves themselves are
 *                     applied sequentially); default: available processors
 * @param minGain      a pass whose relative HPWL gain is below this ends the run early; default 1e-4
 * @param searchRows   global swap also tries this many rows above and below the target row; default 1
 * @param ismSetSize   most cells of one independent set (same-size cells within two rows of the seed
 *                     sharing no net, permuted over their own positions by an exact assignment, see
 *                     {@link IndependentSetMatching}); 0 disables independent-set matching, else
 *                     2..64; default 16
 * @param clustering   whether each pass ends with single-segment clustering (the cells of every free row
 *                     segment shifted, in their order, into the segment's whitespace toward their nets,
 *                     see {@link SingleSegmentClustering}); default true
 * @param pushCells    global swap also tries inserting the cell into the gaps nearest its target in each
 *                     searched row, pushing up to this many cells on each side of the gap aside to make
 *                     room (see {@link ShiftInsert}); 0 disables these moves, else 1..64; default 8 (after
 *                     global placement and legalization, 8 gave 0.05-0.28 % lower final HPWL than 0 on
 *                     ibm01, ibm02, ibm03 and ibm05, 4 about half of that, 16 no more than 8)
 */
public record DetailedPlacerOptions(int passes, int windowSize, int threads, double minGain, int searchRows,
                                    int ismSetSize, boolean clustering, int pushCells) {

    public DetailedPlacerOptions {
        if (passes < 0) {
            throw new IllegalArgumentException("passes must be >= 0: " + passes);
        }
        if (windowSize < 2 || windowSize > 4) {
            throw new IllegalArgumentException("windowSize must be in 2..4: " + windowSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        if (!(minGain >= 0) || Double.isInfinite(minGain)) {
            throw new IllegalArgumentException("minGain must be finite and >= 0: " + minGain);
        }
        if (searchRows < 0) {
            throw new IllegalArgumentException("searchRows must be >= 0: " + searchRows);
        }
        if (ismSetSize != 0 && (ismSetSize < 2 || ismSetSize > 64)) {
            throw new IllegalArgumentException("ismSetSize must be 0 or in 2..64: " + ismSetSize);
        }
        if (pushCells < 0 || pushCells > 64) {
            throw new IllegalArgumentException("pushCells must be in 0..64: " + pushCells);
        }
    }

    /**
     * 3 passes, window 3, all processors, stop below 0.01 % gain per pass, 1 extra row each side,
     * independent sets of up to 16 cells, single-segment clustering on, insertion pushing up to 8 cells
     * each side.
     */
    public static DetailedPlacerOptions defaults() {
        return new DetailedPlacerOptions(3, 3, Runtime.getRuntime().availableProcessors(), 1e-4, 1, 16, true, 8);
    }

    /** A copy with single-segment clustering switched on or off. */
    public DetailedPlacerOptions withClustering(boolean on) {
        return new DetailedPlacerOptions(passes, windowSize, threads, minGain, searchRows, ismSetSize, on, pushCells);
    }

    /** A copy with another thread count. */
    public DetailedPlacerOptions withThreads(int t) {
        return new DetailedPlacerOptions(passes, windowSize, t, minGain, searchRows, ismSetSize, clustering,
                pushCells);
    }

    /** A copy with another limit on the cells pushed aside by an insertion (0: no insertions). */
    public DetailedPlacerOptions withPushCells(int k) {
        return new DetailedPlacerOptions(passes, windowSize, threads, minGain, searchRows, ismSetSize, clustering, k);
    }
}
