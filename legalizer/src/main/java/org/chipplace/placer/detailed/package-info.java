/**
 * Detailed placement of a legal placement ({@link org.chipplace.placer.detailed.DetailedPlacer}):
 * FastDP-style global swap, vertical and gap moves, insertions that push neighbours aside,
 * independent-set matching, local reordering and single-segment clustering, accepting only moves
 * that strictly lower weighted HPWL, so legality is kept and HPWL never rises.
 */
package org.chipplace.placer.detailed;
