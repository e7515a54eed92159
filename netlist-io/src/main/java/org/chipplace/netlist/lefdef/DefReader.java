package org.chipplace.netlist.lefdef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Row;
import org.chipplace.netlist.bookshelf.BookshelfWriter;

/**
 * Reads a DEF file against a {@link LefLibrary} into a {@link DefDesign}; see {@link LefDef#readDef}
 * for the accepted syntax. The header, rows and components are read here; I/O pins, nets and
 * blockages by {@link DefConnectivity}. Single use.
 */
final class DefReader {
    final LefLibrary lib;
    final LefDefLexer lx;
    private NetlistBuilder b;
    final List<String> warnings = new ArrayList<>();
    String design;
    double dbu = Double.NaN;
    double[] die;
    final List<DefDesign.Component> comps = new ArrayList<>();
    final Map<String, Integer> compIndex = new HashMap<>();
    LefLibrary.Macro[] compMacro = new LefLibrary.Macro[16];
    byte[] compOrient = new byte[16];
    private int[] clauseStart = new int[16];
    private int[] clauseEnd = new int[16];
    private boolean componentsSeen;
    private int rows;

    private DefReader(LefLibrary lib, LefDefLexer lx) {
        this.lib = lib;
        this.lx = lx;
    }

    /**
     * The builder, created on first use and named after {@code DESIGN} when that came first (it
     * does in practice), else after the file name without extension.
     */
    NetlistBuilder builder() {
        if (b == null) {
            String f = lx.file();
            int dot = f.indexOf('.');
            b = new NetlistBuilder(design != null ? design : dot > 0 ? f.substring(0, dot) : f);
        }
        return b;
    }

    static DefDesign read(LefLibrary lib, Path def) {
        DefReader r = new DefReader(lib, LefDefLexer.open(def));
        try {
            return r.parse();
        } catch (IllegalArgumentException e) {
            // a model invariant the checks above did not foresee (e.g. a node name clash): still file:line
            throw r.lx.error(e.getMessage());
        }
    }

    void warn(int line, String msg) {
        warnings.add(lx.file() + ":" + line + ": " + msg);
    }

    /** Microns to database units, snapped to a 1e-6 grid so that 0.19 * 1000 is exactly 190. */
    double toDbu(double microns) {
        return Math.rint(microns * dbu * 1e6) / 1e6;
    }

    private DefDesign parse() {
        DefConnectivity conn = new DefConnectivity(this);
        boolean ended = false;
        while (!ended && lx.next()) {
            int line = lx.line();
            if (lx.is("DESIGN")) {
                design = lx.word("design name");
                lx.expect(";");
            } else if (lx.is("UNITS")) {
                lx.expect("DISTANCE");
                lx.expect("MICRONS");
                dbu = lx.num("UNITS DISTANCE MICRONS value");
                if (!(dbu > 0)) {
                    throw lx.error("expected UNITS DISTANCE MICRONS > 0, found " + lx.found());
                }
                if (dbu > lib.databaseMicrons()) {
                    warn(line, "UNITS DISTANCE MICRONS " + BookshelfWriter.fmt(dbu)
                            + " exceeds the LEF DATABASE MICRONS " + BookshelfWriter.fmt(lib.databaseMicrons()));
                }
                lx.expect(";");
            } else if (lx.is("DIEAREA")) {
                parseDieArea();
            } else if (lx.is("ROW")) {
                parseRow();
            } else if (lx.is("COMPONENTS")) {
                parseComponents();
            } else if (lx.is("PINS")) {
                needUnits();
                conn.parsePins();
            } else if (lx.is("NETS")) {
                conn.parseNets();
            } else if (lx.is("BLOCKAGES")) {
                needUnits();
                conn.parseBlockages();
            } else if (lx.is("VIAS") || lx.is("SPECIALNETS") || lx.is("PROPERTYDEFINITIONS")
                    || lx.is("NONDEFAULTRULES") || lx.is("REGIONS") || lx.is("GROUPS") || lx.is("SCANCHAINS")
                    || lx.is("STYLES") || lx.is("FILLS") || lx.is("SLOTS") || lx.is("PINPROPERTIES")) {
                String kind = lx.str().toUpperCase();
                lx.skipBlock(kind, kind, line);
            } else if (lx.is("BEGINEXT")) {
                while (!lx.is("ENDEXT")) {
                    if (!lx.next()) {
                        throw lx.error(line, "expected 'ENDEXT' to close BEGINEXT, found end of file");
                    }
                }
            } else if (lx.is("END")) {
                lx.expect("DESIGN");
                ended = true;
            } else if (lx.is("VERSION") || lx.is("DIVIDERCHAR") || lx.is("BUSBITCHARS") || lx.is("TECHNOLOGY")
                    || lx.is("HISTORY") || lx.is("TRACKS") || lx.is("GCELLGRID") || lx.is("COMPONENTMASKSHIFT")
                    || lx.is("NAMESCASESENSITIVE")) {
                lx.skipStatement();
            } else if (!lx.isSemicolon()) {
                warn(line, "unknown DEF statement '" + lx.str() + "' skipped");
                lx.skipStatement();
            }
        }
        if (!ended) {
            throw lx.error("expected 'END DESIGN', found end of file");
        }
        if (die == null) {
            throw lx.error(0, "expected a DIEAREA statement, found none");
        }
        if (rows == 0) {
            builder().setCore(die[0], die[1], die[2], die[3]);
        }
        int n = comps.size();
        Netlist nl = builder().build();
        return new DefDesign(design == null ? nl.name() : design, dbu, die, nl, lib, comps, merged(),
                lx.file(), lx.bytes(), Arrays.copyOf(clauseStart, n), Arrays.copyOf(clauseEnd, n));
    }

    private List<String> merged() {
        List<String> all = new ArrayList<>(lib.warnings());
        all.addAll(warnings);
        return all;
    }

    void needUnits() {
        if (Double.isNaN(dbu)) {
            throw lx.error("expected 'UNITS DISTANCE MICRONS n ;' before " + lx.found() + ", found none");
        }
    }

    /** Reads {@code ( x y )}; the current token must be just before the {@code (}. */
    double[] point() {
        lx.expect("(");
        double x = lx.num("x coordinate");
        double y = lx.num("y coordinate");
        lx.expect(")");
        return new double[] {x, y};
    }

    private void parseDieArea() {
        double[] bb = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        int n = 0;
        int line = lx.line();
        while (lx.next() && !lx.isSemicolon()) {
            lx.unread();
            double[] p = point();
            bb[0] = Math.min(bb[0], p[0]);
            bb[1] = Math.min(bb[1], p[1]);
            bb[2] = Math.max(bb[2], p[0]);
            bb[3] = Math.max(bb[3], p[1]);
            n++;
        }
        if (lx.atEof()) {
            throw lx.error(line, "expected ';' to end DIEAREA, found end of file");
        }
        if (n < 2 || bb[2] <= bb[0] || bb[3] <= bb[1]) {
            throw lx.error(line, "expected DIEAREA with at least 2 points spanning a non-empty box, found " + n
                    + " points");
        }
        die = bb;
    }

    int orient(String what) {
        String s = lx.word(what);
        int o = DefOrient.code(s);
        if (o < 0) {
            throw lx.error("expected an orientation (N, S, E, W, FN, FS, FE, FW), found '" + s + "'");
        }
        return o;
    }

    private void parseRow() {
        needUnits();
        lx.word("row name");
        String siteName = lx.word("site name");
        LefLibrary.Site site = lib.sites().get(siteName);
        if (site == null) {
            throw lx.error("unknown site '" + siteName + "' (not in the LEF files)");
        }
        double x = lx.num("row origin x");
        double y = lx.num("row origin y");
        int o = orient("row orientation");
        int nx = 1;
        int ny = 1;
        double sx = 0;
        double sy = 0;
        lx.next();
        if (lx.is("DO")) {
            nx = lx.count("DO numX");
            lx.expect("BY");
            ny = lx.count("BY numY");
            lx.next();
            if (lx.is("STEP")) {
                sx = lx.num("STEP x");
                sy = lx.num("STEP y");
                lx.next();
            }
        }
        if (!lx.isSemicolon()) {
            if (!lx.is("+")) {
                throw lx.error("expected 'DO', 'STEP', '+' or ';' in ROW, found " + lx.found());
            }
            lx.skipStatement();
        }
        double w = toDbu(site.width());
        double h = toDbu(site.height());
        String on = DefOrient.NAMES[o];
        if (ny <= 1) {
            builder().addRow(new Row(y, h, w, nx > 1 && sx > 0 ? sx : w, x, nx, on));
            rows++;
        } else {
            for (int k = 0; k < ny; k++) {
                builder().addRow(new Row(y + k * (sy > 0 ? sy : h), h, w, w, x, Math.max(nx, 1), on));
                rows++;
            }
        }
    }

    private void parseComponents() {
        needUnits();
        if (componentsSeen) {
            throw lx.error("expected one COMPONENTS section, found a second");
        }
        componentsSeen = true;
        int line = lx.line();
        int declared = lx.count("COMPONENTS count");
        lx.expect(";");
        while (true) {
            if (!lx.next()) {
                throw lx.error(line, "expected 'END COMPONENTS', found end of file");
            }
            if (lx.is("END")) {
                lx.expect("COMPONENTS");
                break;
            }
            if (!lx.is("-")) {
                throw lx.error("expected '-' or 'END COMPONENTS', found " + lx.found());
            }
            parseComponent();
        }
        if (declared != comps.size()) {
            throw lx.error(line, "COMPONENTS " + declared + " but the section lists " + comps.size());
        }
    }

    private void parseComponent() {
        String name = lx.word("component name");
        String macroName = lx.word("macro name of component " + name);
        LefLibrary.Macro m = lib.macros().get(macroName);
        if (m == null) {
            throw lx.error("unknown macro '" + macroName + "' of component '" + name + "' (not in the LEF files)");
        }
        String status = "UNPLACED";
        double x = 0;
        double y = 0;
        int o = DefOrient.N;
        double[] halo = null;
        int cs = -1;
        int ce = -1;
        while (true) {
            if (!lx.next()) {
                throw lx.error("expected ';' to end component " + name + ", found end of file");
            }
            if (lx.isSemicolon()) {
                break;
            }
            if (!lx.is("+")) {
                throw lx.error("expected '+' or ';' in component " + name + ", found " + lx.found());
            }
            int plus = lx.start();
            String kw = lx.word("component attribute").toUpperCase();
            if (kw.equals("PLACED") || kw.equals("FIXED") || kw.equals("COVER")) {
                status = kw;
                double[] p = point();
                x = p[0];
                y = p[1];
                o = orient("orientation of component " + name);
                cs = plus;
                ce = lx.end();
            } else if (kw.equals("UNPLACED")) {
                status = kw;
                cs = plus;
                ce = lx.end();
            } else if (kw.equals("HALO")) {
                halo = haloMargins(name);
            } else {
                skipAttribute();
            }
        }
        if (cs < 0) {
            cs = lx.start();
            ce = cs;
        }
        int i = comps.size();
        if (compIndex.putIfAbsent(name, i) != null) {
            throw lx.error("duplicate component name '" + name + "'");
        }
        double w = toDbu(m.width());
        double h = toDbu(m.height());
        if (DefOrient.swapsSize(o)) {
            double t = w;
            w = h;
            h = t;
        }
        boolean fixed = status.equals("FIXED") || status.equals("COVER");
        int node = fixed ? builder().addFixed(name, w, h, false) : builder().addMovable(name, w, h);
        if (!fixed && m.isBlock()) {
            builder().setMacro(node);
        } else if (!fixed && "CORE".equalsIgnoreCase(m.macroClass())) {
            builder().setStandardCell(node); // multi-row-height CORE cells stay cells
        }
        builder().setPosition(node, x, y, DefOrient.NAMES[o]);
        if (halo != null) {
            builder().setHalo(node, halo[0], halo[1], halo[2], halo[3]);
        }
        if (i == compMacro.length) {
            compMacro = Arrays.copyOf(compMacro, i * 2);
            compOrient = Arrays.copyOf(compOrient, i * 2);
            clauseStart = Arrays.copyOf(clauseStart, i * 2);
            clauseEnd = Arrays.copyOf(clauseEnd, i * 2);
        }
        compMacro[i] = m;
        compOrient[i] = (byte) o;
        clauseStart[i] = cs;
        clauseEnd[i] = ce;
        comps.add(new DefDesign.Component(name, macroName, status, x, y, DefOrient.NAMES[o]));
    }

    /** {@code HALO [SOFT] left bottom right top} after the keyword: the four margins, database units. */
    private double[] haloMargins(String component) {
        String first = lx.word("halo of component " + component);
        double left;
        if (first.equalsIgnoreCase("SOFT")) {
            left = lx.num("left halo of component " + component);
        } else {
            try {
                left = Double.parseDouble(first);
            } catch (NumberFormatException e) {
                throw lx.error("expected SOFT or the left halo of component " + component + " (a number), found "
                        + lx.found());
            }
        }
        double[] h = {left, lx.num("bottom halo of component " + component), lx.num("right halo of component "
                + component), lx.num("top halo of component " + component)};
        for (double v : h) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw lx.error("halo of component " + component + " must be non-negative, found " + lx.found());
            }
        }
        return h;
    }

    /** Skips the tokens of an attribute up to (not including) the next {@code +} or {@code ;}. */
    void skipAttribute() {
        int line = lx.line();
        while (lx.next()) {
            if (lx.is("+") || lx.isSemicolon()) {
                lx.unread();
                return;
            }
        }
        throw lx.error(line, "expected ';' to end the statement, found end of file");
    }
}
