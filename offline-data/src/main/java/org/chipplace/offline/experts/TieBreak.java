package org.chipplace.offline.experts;

/**
 * How {@link GreedyPlacer} chooses among legal cells of equal (least) HPWL increase; exact ties
 * are common because the increase is flat wherever the macro lies inside its nets' boxes.
 *
 * <ul>
 *   <li>{@link #LOWER_LEFT} (default): the first cell in index order {@code ix*G+iy}, i.e. a plain
 *       arg-min scan (leftmost column, then lowest row).</li>
 *   <li>{@link #CENTRE}: the cell whose macro centre is nearest the canvas centre.</li>
 *   <li>{@link #NET_CENTRE}: the cell whose macro centre is nearest the weighted mean centre of the
 *       macro's nets' current boxes (canvas centre when none has pins yet).</li>
 * </ul>
 * Remaining ties go to the lower cell index.
 */
public enum TieBreak {
    LOWER_LEFT, CENTRE, NET_CENTRE
}
