package org.chipplace.netlist;

/**
 * One placement row (a Bookshelf {@code CoreRow}, or a DEF {@code ROW}). All lengths in database
 * units of the design (Bookshelf units).
 *
 * @param y           bottom edge of the row ({@code Coordinate})
 * @param height      row height
 * @param siteWidth   width of one site
 * @param siteSpacing distance between the left edges of two neighbouring sites
 * @param x           left edge of the first site ({@code SubrowOrigin})
 * @param numSites    number of sites
 * @param orient      site orientation as written in the file ({@code N}, {@code FS}, {@code 1}, ...)
 */
public record Row(double y, double height, double siteWidth, double siteSpacing, double x,
                  int numSites, String orient) {

    public Row {
        if (!(height > 0) || !(siteSpacing > 0) || !(siteWidth > 0) || numSites < 0) {
            throw new IllegalArgumentException("invalid row: height=" + height + " siteWidth=" + siteWidth
                    + " siteSpacing=" + siteSpacing + " numSites=" + numSites);
        }
    }

    /** Right edge of the last site. */
    public double xMax() {
        return x + numSites * siteSpacing;
    }

    /**
     * Power-rail parity of the row from its orientation: 0 for {@code N}/{@code FN} (the cell masters'
     * bottom rail at the bottom, as drawn), 1 for {@code FS}/{@code S} (flipped vertically), -1 for any
     * other or no orientation (for example Bookshelf's {@code 1}: parity unknown, so free). Rows
     * alternating N/FS alternate 0/1; even-height multi-row cells must sit with their bottom on a
     * parity-0 (or unknown) row.
     */
    public int parity() {
        if ("N".equalsIgnoreCase(orient) || "FN".equalsIgnoreCase(orient)) {
            return 0;
        }
        return "FS".equalsIgnoreCase(orient) || "S".equalsIgnoreCase(orient) ? 1 : -1;
    }

    /** Top edge of the row. */
    public double yMax() {
        return y + height;
    }
}
