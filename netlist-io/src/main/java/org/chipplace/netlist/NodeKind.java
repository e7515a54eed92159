package org.chipplace.netlist;

/**
 * Classification of a netlist node. Stored in {@link Netlist#kinds()} as the enum ordinal (a byte).
 *
 * <ul>
 *   <li>{@link #CELL}: a movable standard cell (height at most the row height, or a LEF
 *       {@code CLASS CORE} cell an integral number of rows tall: a multi-row-height cell).</li>
 *   <li>{@link #MACRO}: a movable macro (taller than the row height and not a multi-row standard
 *       cell, or a LEF {@code CLASS BLOCK}).</li>
 *   <li>{@link #FIXED}: a fixed object that blocks placement: a Bookshelf {@code terminal}, or a
 *       node marked {@code /FIXED} in the {@code .pl}.</li>
 *   <li>{@link #FIXED_NI}: a fixed object that does not block placement (Bookshelf
 *       {@code terminal_NI} or {@code /FIXED_NI}); its pins still count for wirelength.</li>
 * </ul>
 */
public enum NodeKind {
    CELL, MACRO, FIXED, FIXED_NI;

    private static final NodeKind[] VALUES = values();

    /** The kind stored as {@code code} in {@link Netlist#kinds()}. */
    public static NodeKind of(byte code) {
        return VALUES[code];
    }

    /** The byte code of this kind, as stored in {@link Netlist#kinds()}. */
    public byte code() {
        return (byte) ordinal();
    }

    /** True for {@link #CELL} and {@link #MACRO}. */
    public boolean movable() {
        return this == CELL || this == MACRO;
    }
}
