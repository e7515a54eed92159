package org.chipplace.netlist;

import java.util.Arrays;

/**
 * A mutable placement of a {@link Netlist}: lower-left corner of every node (Bookshelf
 * convention) and its orientation. Arrays are indexed by node id and exposed directly for hot
 * loops; {@link #copy()} gives an independent placement.
 */
public final class Placement {
    private final double[] x;
    private final double[] y;
    private final String[] orient;

    /** A placement with every node at (0, 0), orientation {@code N}. */
    public Placement(int numNodes) {
        this(new double[numNodes], new double[numNodes], filled(numNodes));
    }

    /** Wraps the given arrays (not copied); all three must have the same length. */
    public Placement(double[] x, double[] y, String[] orient) {
        if (x.length != y.length || x.length != orient.length) {
            throw new IllegalArgumentException("array lengths differ: " + x.length + ", " + y.length + ", "
                    + orient.length);
        }
        this.x = x;
        this.y = y;
        this.orient = orient;
    }

    private static String[] filled(int n) {
        String[] o = new String[n];
        Arrays.fill(o, "N");
        return o;
    }

    /** Lower-left x of every node (live array). */
    public double[] x() {
        return x;
    }

    /** Lower-left y of every node (live array). */
    public double[] y() {
        return y;
    }

    /** Orientation of every node ({@code N}, {@code FS}, ...; live array). */
    public String[] orient() {
        return orient;
    }

    public int size() {
        return x.length;
    }

    /** A deep copy. */
    public Placement copy() {
        return new Placement(x.clone(), y.clone(), orient.clone());
    }

    /** Copies all positions and orientations of {@code other} into this placement. */
    public void setFrom(Placement other) {
        System.arraycopy(other.x, 0, x, 0, x.length);
        System.arraycopy(other.y, 0, y, 0, y.length);
        System.arraycopy(other.orient, 0, orient, 0, orient.length);
    }
}
