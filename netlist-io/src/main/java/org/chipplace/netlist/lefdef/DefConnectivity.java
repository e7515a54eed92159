package org.chipplace.netlist.lefdef;

import java.util.HashMap;
import java.util.Map;
import org.chipplace.netlist.Netlist;

/**
 * The {@code PINS}, {@code NETS} and {@code BLOCKAGES} sections of a DEF file, adding I/O pin
 * nodes, nets and blockage nodes to the {@link DefReader}'s builder.
 */
final class DefConnectivity {
    private final DefReader r;
    private final LefDefLexer lx;
    private final Map<String, int[]> ioPins = new HashMap<>(); // name -> {node, direction}
    private int unplacedPins;
    private int blockages;

    DefConnectivity(DefReader r) {
        this.r = r;
        this.lx = r.lx;
    }

    /** Reads {@code COUNT ;} after a section keyword. */
    private int header(String kind) {
        int n = lx.count(kind + " count");
        lx.expect(";");
        return n;
    }

    /** Advances to the next entry: true at {@code -}, false after {@code END kind}. */
    private boolean nextEntry(String kind, int line) {
        if (!lx.next()) {
            throw lx.error(line, "expected 'END " + kind + "', found end of file");
        }
        if (lx.is("END")) {
            lx.expect(kind);
            return false;
        }
        if (!lx.is("-")) {
            throw lx.error("expected '-' or 'END " + kind + "', found " + lx.found());
        }
        return true;
    }

    /**
     * Parses a {@code KIND n ; - ... ; ... END KIND} section with {@code entry} for each item and
     * checks the count against the header; returns the header's line.
     */
    private int parseSection(String kind, Runnable entry) {
        int line = lx.line();
        int declared = header(kind);
        int found = 0;
        while (nextEntry(kind, line)) {
            entry.run();
            found++;
        }
        if (declared != found) {
            throw lx.error(line, kind + " " + declared + " but the section lists " + found);
        }
        return line;
    }

    void parsePins() {
        int line = parseSection("PINS", this::parsePin);
        if (unplacedPins > 0) {
            r.warn(line, unplacedPins + " I/O pins without PLACED/FIXED/COVER location put at the die's lower-left corner");
        }
    }

    private void parsePin() {
        String name = lx.word("pin name");
        int pinLine = lx.line();
        byte dir = Netlist.DIR_BIDIRECTIONAL;
        double[] shape = null;
        double[] at = null;
        int o = DefOrient.N;
        while (true) {
            if (!lx.next()) {
                throw lx.error(pinLine, "expected ';' to end pin " + name + ", found end of file");
            }
            if (lx.isSemicolon()) {
                break;
            }
            if (!lx.is("+")) {
                throw lx.error("expected '+' or ';' in pin " + name + ", found " + lx.found());
            }
            String kw = lx.word("pin attribute").toUpperCase();
            switch (kw) {
                case "DIRECTION" -> {
                    String d = lx.word("pin direction").toUpperCase();
                    // an INPUT pin of the design drives its net inside the chip
                    dir = d.equals("INPUT") ? Netlist.DIR_OUTPUT
                            : d.equals("OUTPUT") ? Netlist.DIR_INPUT : Netlist.DIR_BIDIRECTIONAL;
                }
                case "LAYER", "POLYGON" -> {
                    double[] s = shape(kw);
                    if (shape == null) {
                        shape = s;
                    }
                }
                case "PLACED", "FIXED", "COVER" -> {
                    double[] p = r.point();
                    int po = r.orient("orientation of pin " + name);
                    if (at == null) {
                        at = p;
                        o = po;
                    }
                }
                default -> r.skipAttribute();
            }
        }
        double px;
        double py;
        if (at == null) {
            unplacedPins++;
            px = r.die == null ? 0 : r.die[0];
            py = r.die == null ? 0 : r.die[1];
        } else {
            double cx = shape == null ? 0 : (shape[0] + shape[2]) / 2;
            double cy = shape == null ? 0 : (shape[1] + shape[3]) / 2;
            px = at[0] + DefOrient.tx(o, cx, cy);
            py = at[1] + DefOrient.ty(o, cx, cy);
        }
        String nodeName = r.compIndex.containsKey(name) ? "PIN:" + name : name;
        if (ioPins.containsKey(name)) {
            throw lx.error(pinLine, "duplicate pin name '" + name + "'");
        }
        int node = r.builder().addFixed(nodeName, 0, 0, true);
        r.builder().setPosition(node, px, py, "N");
        ioPins.put(name, new int[] {node, dir});
    }

    /** Reads the points of {@code + LAYER l ... pt pt} or {@code + POLYGON l ... pt pt pt}; returns the bbox. */
    private double[] shape(String kw) {
        lx.word(kw + " layer name");
        double[] bb = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        int n = 0;
        while (lx.next()) {
            if (lx.is("MASK") || lx.is("SPACING") || lx.is("DESIGNRULEWIDTH")) {
                lx.num(lx.str() + " value");
            } else if (lx.is("(")) {
                lx.unread();
                double[] p = r.point();
                bb[0] = Math.min(bb[0], p[0]);
                bb[1] = Math.min(bb[1], p[1]);
                bb[2] = Math.max(bb[2], p[0]);
                bb[3] = Math.max(bb[3], p[1]);
                n++;
            } else {
                break;
            }
        }
        lx.unread();
        if (n < 2) {
            throw lx.error(kw + ": expected at least 2 points '( x y )', found " + n + " before " + peek());
        }
        return bb;
    }

    private String peek() {
        lx.next();
        String f = lx.found();
        lx.unread();
        return f;
    }

    void parseNets() {
        parseSection("NETS", this::parseNet);
    }

    private void parseNet() {
        String name = lx.word("net name");
        int netLine = lx.line();
        if (name.equalsIgnoreCase("MUSTJOIN")) {
            r.warn(netLine, "MUSTJOIN net skipped");
            lx.skipStatement();
            return;
        }
        int net = r.builder().addNet(name, 1);
        boolean options = false;
        while (true) {
            if (!lx.next()) {
                throw lx.error(netLine, "expected ';' to end net " + name + ", found end of file");
            }
            if (lx.isSemicolon()) {
                return;
            }
            if (lx.is("+")) {
                options = true;
                String kw = lx.word("net attribute");
                if (kw.equalsIgnoreCase("WEIGHT")) {
                    double w = lx.num("net weight");
                    if (w < 0) {
                        throw lx.error("expected a net weight >= 0, found " + lx.found());
                    }
                    r.builder().setNetWeight(net, w);
                } else {
                    r.skipAttribute();
                }
            } else if (lx.is("(") && !options) {
                connection(name);
            } else {
                throw lx.error("expected '( component pin )', '+' or ';' in net " + name + ", found " + lx.found());
            }
        }
    }

    private void connection(String net) {
        String comp = lx.word("component name or PIN");
        String pin = lx.word("pin name");
        lx.next();
        if (lx.is("+")) {
            lx.expect("SYNTHESIZED");
            lx.next();
        }
        if (!lx.is(")")) {
            throw lx.error("expected ')' after '( " + comp + " " + pin + "', found " + lx.found());
        }
        if (comp.equals("PIN")) {
            int[] io = ioPins.get(pin);
            if (io == null) {
                throw lx.error("unknown I/O pin '" + pin + "' in net " + net + " (not in PINS)");
            }
            r.builder().addPin(io[0], 0, 0, (byte) io[1]);
            return;
        }
        if (comp.equals("*")) {
            r.warn(lx.line(), "connection '( * " + pin + " )' in net " + net + " ignored");
            return;
        }
        Integer c = r.compIndex.get(comp);
        if (c == null) {
            throw lx.error("unknown component '" + comp + "' in net " + net + " (not in COMPONENTS)");
        }
        LefLibrary.Macro m = r.compMacro[c];
        LefLibrary.Pin p = m.pins().get(pin);
        if (p == null) {
            throw lx.error("unknown pin '" + pin + "' of component '" + comp + "' (macro " + m.name() + ") in net " + net);
        }
        double dx = (r.toDbu(p.xl()) + r.toDbu(p.xh())) / 2 - r.toDbu(m.width()) / 2;
        double dy = (r.toDbu(p.yl()) + r.toDbu(p.yh())) / 2 - r.toDbu(m.height()) / 2;
        int o = r.compOrient[c];
        r.builder().addPin(c, DefOrient.tx(o, dx, dy), DefOrient.ty(o, dx, dy), p.netlistDirection());
    }

    void parseBlockages() {
        parseSection("BLOCKAGES", this::parseBlockage);
    }

    private void parseBlockage() {
        int bl = lx.line();
        String kind = lx.word("LAYER or PLACEMENT");
        if (kind.equalsIgnoreCase("LAYER")) {
            lx.skipStatement(); // routing blockage: not a placement object
            return;
        }
        if (!kind.equalsIgnoreCase("PLACEMENT")) {
            throw lx.error("expected 'LAYER' or 'PLACEMENT' after '-', found '" + kind + "'");
        }
        boolean soft = false;
        while (true) {
            if (!lx.next()) {
                throw lx.error(bl, "expected ';' to end the blockage, found end of file");
            }
            if (lx.isSemicolon()) {
                return;
            }
            if (lx.is("+")) {
                String kw = lx.word("blockage attribute");
                if (kw.equalsIgnoreCase("SOFT")) {
                    soft = true;
                } else if (kw.equalsIgnoreCase("PARTIAL")) {
                    soft = true;
                    lx.num("PARTIAL maximum density");
                } else if (kw.equalsIgnoreCase("COMPONENT")) {
                    lx.word("blockage component name");
                }
            } else if (lx.is("RECT") || lx.is("POLYGON")) {
                boolean rect = lx.is("RECT");
                double[] bb = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
                int pts = 0;
                while (lx.next() && lx.is("(") && (pts < 2 || !rect)) {
                    lx.unread();
                    double[] p = r.point();
                    bb[0] = Math.min(bb[0], p[0]);
                    bb[1] = Math.min(bb[1], p[1]);
                    bb[2] = Math.max(bb[2], p[0]);
                    bb[3] = Math.max(bb[3], p[1]);
                    pts++;
                }
                lx.unread();
                if (pts < (rect ? 2 : 3)) {
                    throw lx.error((rect ? "RECT" : "POLYGON") + ": expected " + (rect ? 2 : 3)
                            + " points '( x y )', found " + pts);
                }
                if (!soft) {
                    String bname = "__blockage" + blockages++;
                    while (r.builder().nodeIndex(bname) >= 0) {
                        bname = "_" + bname;
                    }
                    int node = r.builder().addFixed(bname, bb[2] - bb[0], bb[3] - bb[1], false);
                    r.builder().setPosition(node, bb[0], bb[1], "N");
                }
            } else {
                throw lx.error("expected '+', 'RECT', 'POLYGON' or ';' in a placement blockage, found " + lx.found());
            }
        }
    }
}
