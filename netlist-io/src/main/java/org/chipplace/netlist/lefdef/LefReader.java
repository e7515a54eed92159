package org.chipplace.netlist.lefdef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chipplace.netlist.bookshelf.BookshelfLexer;

/**
 * Reads LEF files into one {@link LefLibrary}; see {@link LefDef#readLef} for what is kept. Blocks
 * that do not matter for placement ({@code LAYER}, {@code VIA}, {@code VIARULE},
 * {@code NONDEFAULTRULE}, {@code SPACING}, {@code PROPERTYDEFINITIONS}, ...) are skipped to their
 * matching {@code END}; unknown simple statements are skipped to their {@code ;} with a warning.
 */
final class LefReader {
    private double dbMicrons = Double.NaN;
    private final Map<String, LefLibrary.Site> sites = new LinkedHashMap<>();
    private final Map<String, LefLibrary.Macro> macros = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private LefDefLexer lx;

    static LefLibrary read(List<Path> files) {
        LefReader r = new LefReader();
        for (Path f : files) {
            r.lx = LefDefLexer.open(f);
            r.parse();
        }
        return new LefLibrary(r.dbMicrons, r.sites, r.macros, r.warnings);
    }

    private void warn(int line, String msg) {
        warnings.add(lx.file() + ":" + line + ": " + msg);
    }

    private void parse() {
        while (lx.next()) {
            int line = lx.line();
            if (lx.is("UNITS")) {
                parseUnits();
            } else if (lx.is("SITE")) {
                parseSite();
            } else if (lx.is("MACRO")) {
                parseMacro();
            } else if (lx.is("LAYER") || lx.is("VIA") || lx.is("VIARULE") || lx.is("NONDEFAULTRULE")
                    || lx.is("ARRAY")) {
                String kind = lx.str();
                lx.skipBlock(kind, lx.word(kind + " name"), line);
            } else if (lx.is("SPACING") || lx.is("PROPERTYDEFINITIONS") || lx.is("IRDROP")
                    || lx.is("NOISETABLE") || lx.is("CORRECTIONTABLE")) {
                String kind = lx.str();
                lx.skipBlock(kind, kind, line);
            } else if (lx.is("BEGINEXT")) {
                skipExtension(line);
            } else if (lx.is("END")) {
                lx.expect("LIBRARY");
                return;
            } else if (lx.isSemicolon()) {
                continue;
            } else if (isKnownSimple()) {
                lx.skipStatement();
            } else {
                warn(line, "unknown LEF statement '" + lx.str() + "' skipped");
                lx.skipStatement();
            }
        }
    }

    private boolean isKnownSimple() {
        return lx.is("VERSION") || lx.is("BUSBITCHARS") || lx.is("DIVIDERCHAR") || lx.is("NAMESCASESENSITIVE")
                || lx.is("MANUFACTURINGGRID") || lx.is("CLEARANCEMEASURE") || lx.is("USEMINSPACING")
                || lx.is("NOWIREEXTENSIONATPIN") || lx.is("FIXEDMASK") || lx.is("MAXVIASTACK")
                || lx.is("MINFEATURE") || lx.is("DIELECTRIC") || lx.str().toUpperCase().startsWith("ANTENNA");
    }

    private void skipExtension(int line) {
        while (lx.next()) {
            if (lx.is("ENDEXT")) {
                return;
            }
        }
        throw lx.error(line, "expected 'ENDEXT' to close BEGINEXT, found end of file");
    }

    private void parseUnits() {
        int line = lx.line();
        while (lx.next()) {
            if (lx.is("END")) {
                lx.expect("UNITS");
                return;
            }
            if (lx.is("DATABASE")) {
                lx.expect("MICRONS");
                double v = lx.num("DATABASE MICRONS value");
                if (!(v > 0)) {
                    throw lx.error("expected DATABASE MICRONS value > 0, found " + lx.found());
                }
                lx.expect(";");
                if (Double.isNaN(dbMicrons)) {
                    dbMicrons = v;
                } else if (dbMicrons != v) {
                    warn(lx.line(), "DATABASE MICRONS " + v + " differs from " + dbMicrons + " read earlier; "
                            + "keeping " + dbMicrons);
                }
            } else if (!lx.isSemicolon()) {
                lx.skipStatement();
            }
        }
        throw lx.error(line, "expected 'END UNITS', found end of file");
    }

    private void parseSite() {
        int line = lx.line();
        String name = lx.word("site name");
        String cls = null;
        String sym = "";
        double w = Double.NaN;
        double h = Double.NaN;
        while (lx.next()) {
            if (lx.is("END")) {
                endName("SITE", name);
                if (Double.isNaN(w)) {
                    throw lx.error(line, "SITE " + name + ": expected 'SIZE w BY h', found none");
                }
                sites.put(name, new LefLibrary.Site(name, cls, w, h, sym));
                return;
            }
            if (lx.is("CLASS")) {
                cls = lx.word("site class").toUpperCase();
                lx.expect(";");
            } else if (lx.is("SYMMETRY")) {
                sym = rest();
            } else if (lx.is("SIZE")) {
                w = positive("SIZE width");
                lx.expect("BY");
                h = positive("SIZE height");
                lx.expect(";");
            } else if (!lx.isSemicolon()) {
                lx.skipStatement();
            }
        }
        throw lx.error(line, "expected 'END " + name + "' to close SITE " + name + ", found end of file");
    }

    /** After {@code END}: the next token must be {@code name}. */
    private void endName(String kind, String name) {
        String got = lx.word("'" + name + "' after END");
        if (!got.equals(name)) {
            throw lx.error("expected 'END " + name + "' to close " + kind + " " + name + ", found 'END " + got + "'");
        }
    }

    private double positive(String what) {
        double v = lx.num(what);
        if (!(v > 0)) {
            throw lx.error("expected " + what + " > 0, found " + lx.found());
        }
        return v;
    }

    /** The tokens up to the next {@code ;}, joined by spaces. */
    private String rest() {
        StringBuilder sb = new StringBuilder();
        int line = lx.line();
        while (lx.next()) {
            if (lx.isSemicolon()) {
                return sb.toString();
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(lx.str());
        }
        throw lx.error(line, "expected ';' to end the statement, found end of file");
    }

    private void parseMacro() {
        int line = lx.line();
        String name = lx.word("macro name");
        String cls = null;
        String sub = "";
        String foreign = null;
        String sym = "";
        String site = null;
        double w = Double.NaN;
        double h = Double.NaN;
        double ox = 0;
        double oy = 0;
        List<RawPin> pins = new ArrayList<>();
        while (lx.next()) {
            if (lx.is("END")) {
                endName("MACRO", name);
                if (Double.isNaN(w)) {
                    throw lx.error(line, "MACRO " + name + ": expected 'SIZE w BY h', found none");
                }
                Map<String, LefLibrary.Pin> pm = new LinkedHashMap<>();
                for (RawPin p : pins) {
                    pm.put(p.name, p.toPin(w, h, ox, oy));
                }
                if (macros.put(name, new LefLibrary.Macro(name, cls, sub, w, h, ox, oy, foreign, sym, site, pm))
                        != null) {
                    warn(line, "MACRO " + name + " defined again; the later definition wins");
                }
                return;
            }
            if (lx.is("CLASS")) {
                String[] parts = rest().split(" ", 2);
                cls = parts[0].toUpperCase();
                sub = parts.length > 1 ? parts[1] : "";
            } else if (lx.is("SIZE")) {
                w = positive("SIZE width");
                lx.expect("BY");
                h = positive("SIZE height");
                lx.expect(";");
            } else if (lx.is("ORIGIN")) {
                ox = lx.num("ORIGIN x");
                oy = lx.num("ORIGIN y");
                lx.expect(";");
            } else if (lx.is("FOREIGN")) {
                foreign = lx.word("FOREIGN cell name");
                if (!lx.isSemicolon()) {
                    lx.skipStatement();
                }
            } else if (lx.is("SYMMETRY")) {
                sym = rest();
            } else if (lx.is("SITE")) {
                site = lx.word("SITE name");
                if (!lx.isSemicolon()) {
                    lx.skipStatement();
                }
            } else if (lx.is("PIN")) {
                pins.add(parsePin());
            } else if (lx.is("OBS") || lx.is("DENSITY")) {
                lx.skipToEnd(lx.str(), lx.line());
            } else if (lx.isSemicolon()) {
                continue;
            } else {
                if (!(lx.is("SOURCE") || lx.is("EEQ") || lx.is("LEQ") || lx.is("POWER") || lx.is("PROPERTY")
                        || lx.is("FIXEDMASK"))) {
                    warn(lx.line(), "unknown MACRO statement '" + lx.str() + "' in " + name + " skipped");
                }
                lx.skipStatement();
            }
        }
        throw lx.error(line, "expected 'END " + name + "' to close MACRO " + name + ", found end of file");
    }

    /** A pin as read: the shape bounding box before the ORIGIN shift. */
    private static final class RawPin {
        String name;
        String direction;
        String use;
        final double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        double viaX = Double.NaN;
        double viaY = Double.NaN;

        boolean hasShape() {
            return box[0] <= box[2];
        }

        LefLibrary.Pin toPin(double w, double h, double ox, double oy) {
            double xl, yl, xh, yh;
            if (hasShape()) {
                xl = box[0] + ox;
                yl = box[1] + oy;
                xh = box[2] + ox;
                yh = box[3] + oy;
            } else if (!Double.isNaN(viaX)) {
                xl = xh = viaX + ox;
                yl = yh = viaY + oy;
            } else {
                xl = xh = w / 2;
                yl = yh = h / 2;
            }
            return new LefLibrary.Pin(name, direction, use, xl, yl, xh, yh, (xl + xh) / 2 - w / 2, (yl + yh) / 2 - h / 2);
        }
    }

    private RawPin parsePin() {
        int line = lx.line();
        RawPin p = new RawPin();
        p.name = lx.word("pin name");
        while (lx.next()) {
            if (lx.is("END")) {
                endName("PIN", p.name);
                return p;
            }
            if (lx.is("DIRECTION")) {
                p.direction = lx.word("pin direction").toUpperCase();
                if (!lx.isSemicolon()) {
                    lx.skipStatement();
                }
            } else if (lx.is("USE")) {
                p.use = lx.word("pin use").toUpperCase();
                lx.expect(";");
            } else if (lx.is("PORT")) {
                parsePort(p, !p.hasShape());
            } else if (!lx.isSemicolon()) {
                lx.skipStatement();
            }
        }
        throw lx.error(line, "expected 'END " + p.name + "' to close PIN " + p.name + ", found end of file");
    }

    /** Reads one {@code PORT ... END}; its shapes grow the pin box only when {@code use}. */
    private void parsePort(RawPin p, boolean use) {
        int line = lx.line();
        while (lx.next()) {
            if (lx.is("END")) {
                return;
            }
            if (lx.is("RECT") || lx.is("POLYGON") || lx.is("PATH")) {
                String kind = lx.str().toUpperCase();
                double[] pts = points(kind);
                if (kind.equals("RECT") && pts.length != 4 || kind.equals("POLYGON") && pts.length < 6) {
                    throw lx.error(kind + ": expected " + (kind.equals("RECT") ? "4" : "at least 6")
                            + " coordinates, found " + pts.length);
                }
                for (int i = 0; use && i < pts.length; i += 2) {
                    p.box[0] = Math.min(p.box[0], pts[i]);
                    p.box[1] = Math.min(p.box[1], pts[i + 1]);
                    p.box[2] = Math.max(p.box[2], pts[i]);
                    p.box[3] = Math.max(p.box[3], pts[i + 1]);
                }
            } else if (lx.is("VIA")) {
                double[] pt = points("VIA");
                if (use && Double.isNaN(p.viaX) && pt.length >= 2) {
                    p.viaX = pt[0];
                    p.viaY = pt[1];
                }
            } else if (!lx.isSemicolon()) {
                lx.skipStatement();
            }
        }
        throw lx.error(line, "expected 'END' to close PORT, found end of file");
    }

    /**
     * Reads the coordinates of a RECT/POLYGON/PATH/VIA up to {@code ;}: skips {@code MASK n}; a
     * {@code VIA} ends its coordinates at the via name; {@code ITERATE} statements are skipped.
     */
    private double[] points(String kind) {
        double[] v = new double[8];
        int n = 0;
        int line = lx.line();
        boolean viaNameSeen = false;
        while (lx.next()) {
            if (lx.isSemicolon()) {
                if (n % 2 != 0) {
                    throw lx.error(kind + ": expected an even number of coordinates, found " + n);
                }
                return Arrays.copyOf(v, n);
            }
            if (lx.is("MASK")) {
                lx.num("MASK number");
            } else if (lx.is("ITERATE")) {
                lx.skipStatement();
                return new double[0];
            } else if (lx.isNumber()) {
                if (!viaNameSeen) {
                    if (n == v.length) {
                        v = Arrays.copyOf(v, n * 2);
                    }
                    v[n++] = BookshelfLexer.parseNumber(lx.bytes(), lx.start(), lx.end());
                }
            } else if (kind.equals("VIA") && n == 2) {
                viaNameSeen = true;
            } else {
                throw lx.error(kind + ": expected a coordinate or ';', found " + lx.found());
            }
        }
        throw lx.error(line, "expected ';' to end " + kind + ", found end of file");
    }
}
