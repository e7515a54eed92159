package org.chipplace.netlist.bookshelf;

import java.util.function.ToIntFunction;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Row;

/** Parsers for the Bookshelf {@code .pl} (positions) and {@code .scl} (rows) files. */
final class BookshelfPlScl {
    static final int NOT_FIXED = 0;
    static final int FIXED = 1;
    static final int FIXED_NI = 2;
    /** The eight orientations accepted in a {@code .pl} (matched ignoring case). */
    static final String[] ORIENTS = {"N", "S", "E", "W", "FN", "FS", "FE", "FW"};

    private BookshelfPlScl() {
    }

    /** Receives one {@code .pl} line. */
    interface PlSink {
        /** {@code fixed} is {@link #NOT_FIXED}, {@link #FIXED} or {@link #FIXED_NI}. */
        void place(int node, double x, double y, String orient, int fixed);
    }

    /**
     * Parses {@code name x y [: ORIENT] [/FIXED|/FIXED_NI]} lines (lower-left corners). Every node may
     * appear at most once; an unknown name is an error.
     */
    static void parsePl(BookshelfLexer lx, ToIntFunction<String> nodeIndex, int numNodes, PlSink sink) {
        lx.header("pl");
        int[] seenAt = new int[numNodes];
        while (lx.nextLine()) {
            int n = lx.count();
            if (n < 3 || n > 6 || lx.is(1, ":")) {
                throw lx.error("expected 'name x y [: orientation] [/FIXED|/FIXED_NI]', found '" + lx.lineText() + "'");
            }
            String name = lx.str(0);
            int node = nodeIndex.applyAsInt(name);
            if (node < 0) {
                throw lx.error("unknown node '" + name + "' (not in the .nodes file)");
            }
            if (seenAt[node] != 0) {
                throw lx.error("node '" + name + "' placed twice (first at line " + seenAt[node] + ")");
            }
            seenAt[node] = lx.line();
            double x = lx.num(1, "x of node " + name);
            double y = lx.num(2, "y of node " + name);
            int i = 3;
            String orient = "N";
            if (i < n && lx.is(i, ":")) {
                if (i + 1 >= n) {
                    throw lx.error("expected an orientation after ':', found end of line in '" + lx.lineText() + "'");
                }
                orient = orientation(lx, i + 1);
                i += 2;
            } else if (i < n && lx.firstChar(i) != '/') {
                orient = orientation(lx, i);
                i++;
            }
            int fixed = NOT_FIXED;
            if (i < n) {
                if (lx.isIgnoreCase(i, "/FIXED")) {
                    fixed = FIXED;
                } else if (lx.isIgnoreCase(i, "/FIXED_NI")) {
                    fixed = FIXED_NI;
                } else {
                    throw lx.error("expected '/FIXED' or '/FIXED_NI', found '" + lx.str(i) + "'");
                }
                i++;
            }
            if (i < n) {
                throw lx.error("expected end of line after node " + name + ", found '" + lx.str(i) + "'");
            }
            sink.place(node, x, y, orient, fixed);
        }
    }

    private static String orientation(BookshelfLexer lx, int i) {
        for (String o : ORIENTS) {
            if (lx.isIgnoreCase(i, o)) {
                return o;
            }
        }
        throw lx.error("expected an orientation (N, S, E, W, FN, FS, FE, FW), found '" + lx.str(i) + "'");
    }

    /** Parses {@code NumRows} and the {@code CoreRow Horizontal ... End} blocks into rows of {@code b}. */
    static void parseScl(BookshelfLexer lx, NetlistBuilder b) {
        lx.header("scl");
        int declRows = -1;
        int lineRows = 0;
        int rows = 0;
        while (lx.nextLine()) {
            if (lx.keyword("NumRows")) {
                declRows = lx.keyCount("NumRows");
                lineRows = lx.line();
            } else if (lx.keyword("CoreRow")) {
                if (lx.count() != 2 || !lx.isIgnoreCase(1, "Horizontal")) {
                    throw lx.error("expected 'CoreRow Horizontal', found '" + lx.lineText() + "'");
                }
                if (declRows < 0) {
                    throw lx.error("expected 'NumRows : <count>' before the first CoreRow, found '"
                            + lx.lineText() + "'");
                }
                b.addRow(parseRow(lx));
                rows++;
            } else {
                throw lx.error("expected 'NumRows : <count>' or 'CoreRow Horizontal', found '" + lx.lineText() + "'");
            }
        }
        if (declRows < 0) {
            throw lx.error(0, "expected 'NumRows : <count>', found no such line");
        }
        if (declRows != rows) {
            throw lx.error(lineRows, "NumRows : " + declRows + " but the file lists " + rows + " rows");
        }
    }

    private static Row parseRow(BookshelfLexer lx) {
        int rowLine = lx.line();
        double coord = Double.NaN;
        double height = Double.NaN;
        double siteWidth = Double.NaN;
        double siteSpacing = Double.NaN;
        double origin = Double.NaN;
        int sites = -1;
        String orient = "N";
        while (true) {
            if (!lx.nextLine()) {
                throw lx.error(rowLine, "unexpected end of file inside the CoreRow block starting here: expected 'End'");
            }
            if (lx.keyword("End")) {
                if (lx.count() != 1) {
                    throw lx.error("expected 'End', found '" + lx.lineText() + "'");
                }
                break;
            }
            if (lx.keyword("CoreRow") || lx.keyword("NumRows")) {
                throw lx.error("expected 'End' of the CoreRow at line " + rowLine + ", found '" + lx.lineText() + "'");
            }
            if (lx.count() % 3 != 0) {
                throw lx.error("expected 'key : value' pairs, found '" + lx.lineText() + "'");
            }
            for (int i = 0; i < lx.count(); i += 3) {
                if (!lx.is(i + 1, ":")) {
                    throw lx.error("expected 'key : value' pairs, found '" + lx.lineText() + "'");
                }
                if (lx.isIgnoreCase(i, "Coordinate")) {
                    coord = lx.num(i + 2, "Coordinate");
                } else if (lx.isIgnoreCase(i, "Height")) {
                    height = lx.nonNegative(i + 2, "Height");
                } else if (lx.isIgnoreCase(i, "Sitewidth")) {
                    siteWidth = lx.nonNegative(i + 2, "Sitewidth");
                } else if (lx.isIgnoreCase(i, "Sitespacing")) {
                    siteSpacing = lx.nonNegative(i + 2, "Sitespacing");
                } else if (lx.isIgnoreCase(i, "SubrowOrigin")) {
                    origin = lx.num(i + 2, "SubrowOrigin");
                } else if (lx.isIgnoreCase(i, "NumSites")) {
                    sites = lx.count(i + 2, "NumSites");
                } else if (lx.isIgnoreCase(i, "Siteorient")) {
                    orient = lx.str(i + 2);
                } else if (!lx.isIgnoreCase(i, "Sitesymmetry")) {
                    throw lx.error("expected a CoreRow key (Coordinate, Height, Sitewidth, Sitespacing, Siteorient, "
                            + "Sitesymmetry, SubrowOrigin, NumSites), found '" + lx.str(i) + "'");
                }
            }
        }
        String missing = Double.isNaN(coord) ? "Coordinate" : Double.isNaN(height) ? "Height"
                : Double.isNaN(origin) ? "SubrowOrigin" : sites < 0 ? "NumSites" : null;
        if (missing != null) {
            throw lx.error(rowLine, "the CoreRow block starting here has no '" + missing + " : <value>'");
        }
        if (Double.isNaN(siteWidth)) {
            siteWidth = 1;
        }
        if (Double.isNaN(siteSpacing)) {
            siteSpacing = siteWidth;
        }
        try {
            return new Row(coord, height, siteWidth, siteSpacing, origin, sites, orient);
        } catch (IllegalArgumentException e) {
            throw lx.error(rowLine, "invalid CoreRow: " + e.getMessage());
        }
    }
}
