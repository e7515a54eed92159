package org.chipplace.api.service.designs;

import java.util.Locale;

/**
 * File format of an uploaded design, detected from the file extensions of the upload
 * ({@link DesignFiles}). Stored in column {@code design.format} and reported as {@code format} in
 * the design summary by its {@link #key()}.
 */
public enum DesignFormat {
    /** GNU Bookshelf: one {@code .aux} naming {@code .nodes .nets [.wts] .pl .scl}. */
    BOOKSHELF("bookshelf"),
    /** LEF libraries (technology LEF first) and one floorplanned DEF; jobs also write the placed DEF. */
    LEFDEF("lefdef"),
    /**
     * A Circuit Training netlist ({@code .pb.txt}, optionally gzipped), optionally with a floorplan DEF
     * and its LEFs; jobs also write the {@code .plc} and, with a DEF, the placed DEF.
     */
    CIRCUIT_TRAINING("circuittraining");

    private final String key;

    DesignFormat(String key) {
        this.key = key;
    }

    /** The lower-case name used in the database and in JSON ({@code bookshelf}, {@code lefdef}, {@code circuittraining}). */
    public String key() {
        return key;
    }

    /** The format of {@code key} as stored; IllegalArgumentException for an unknown one. */
    public static DesignFormat of(String key) {
        for (DesignFormat f : values()) {
            if (f.key.equals(key.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown design format '" + key + "'");
    }
}
