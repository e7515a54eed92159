package org.chipplace.netlist.bookshelf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.NetlistParseException;

/**
 * Reads a GNU Bookshelf design ({@code .aux}, {@code .nodes}, {@code .nets}, {@code .wts}) into a
 * {@link NetlistBuilder}; {@code .pl} and {@code .scl} are handled by {@link BookshelfPlScl}. See
 * {@link Bookshelf} for the accepted syntax. Single use.
 */
final class BookshelfReader {
    private final NetlistBuilder b;
    private final List<String> netNames = new ArrayList<>();

    private BookshelfReader(String design) {
        this.b = new NetlistBuilder(design);
    }

    static Netlist read(Path aux) {
        String auxName = aux.getFileName().toString();
        String design = auxName.endsWith(".aux") ? auxName.substring(0, auxName.length() - 4) : auxName;
        Path dir = aux.toAbsolutePath().getParent();
        String[] files = parseAux(BookshelfLexer.open(aux, auxName));
        BookshelfReader r = new BookshelfReader(design);
        r.parseNodes(open(dir, files[0]));
        r.parseNets(open(dir, files[1]));
        if (files[2] != null) {
            r.parseWts(open(dir, files[2]));
        }
        BookshelfPlScl.parsePl(open(dir, files[3]), r.b::nodeIndex, r.b.numNodes(), (node, x, y, orient, fix) -> {
            r.b.setPosition(node, x, y, orient);
            if (fix != BookshelfPlScl.NOT_FIXED) {
                r.b.setFixed(node, fix == BookshelfPlScl.FIXED_NI);
            }
        });
        BookshelfPlScl.parseScl(open(dir, files[4]), r.b);
        return r.b.build();
    }

    /** Opens {@code name} in {@code dir}, or {@code name.gz} when only that exists. */
    static BookshelfLexer open(Path dir, String name) {
        Path plain = dir.resolve(name);
        if (!Files.isRegularFile(plain)) {
            Path gz = dir.resolve(name + ".gz");
            if (Files.isRegularFile(gz)) {
                return BookshelfLexer.open(gz, name);
            }
            throw new NetlistParseException(name, 0, "file named in the .aux not found: expected " + plain
                    + " or " + gz);
        }
        return BookshelfLexer.open(plain, name);
    }

    /** Returns the file names {nodes, nets, wts (may be null), pl, scl}. */
    static String[] parseAux(BookshelfLexer lx) {
        String[] exts = {".nodes", ".nets", ".wts", ".pl", ".scl"};
        String[] files = new String[exts.length];
        if (!lx.nextLine()) {
            throw lx.error(0, "expected 'RowBasedPlacement : <files>', found an empty file");
        }
        if (lx.count() < 3 || !lx.is(1, ":")) {
            throw lx.error("expected 'RowBasedPlacement : <files>', found '" + lx.lineText() + "'");
        }
        for (int i = 2; i < lx.count(); i++) {
            String f = lx.str(i);
            int kind = -1;
            for (int k = 0; k < exts.length; k++) {
                if (f.endsWith(exts[k]) && f.length() > exts[k].length()) {
                    kind = k;
                }
            }
            if (kind < 0) {
                if (f.endsWith(".shapes") && f.length() > 7) {
                    continue; // optional, not used
                }
                throw lx.error("expected a file name ending .nodes, .nets, .wts, .pl, .scl or .shapes, found '"
                        + f + "'");
            }
            if (files[kind] != null) {
                throw lx.error("more than one " + exts[kind] + " file: '" + files[kind] + "' and '" + f + "'");
            }
            files[kind] = f;
        }
        for (int k = 0; k < exts.length; k++) {
            if (files[k] == null && k != 2) {
                throw lx.error("expected a " + exts[k] + " file among the names, found '" + lx.lineText() + "'");
            }
        }
        if (lx.nextLine()) {
            throw lx.error("expected end of file after the RowBasedPlacement line, found '" + lx.lineText() + "'");
        }
        return files;
    }

    void parseNodes(BookshelfLexer lx) {
        lx.header("nodes");
        int declNodes = -1;
        int declTerms = -1;
        int lineNodes = 0;
        int lineTerms = 0;
        int terms = 0;
        while (lx.nextLine()) {
            if (lx.keyword("NumNodes")) {
                declNodes = lx.keyCount("NumNodes");
                lineNodes = lx.line();
                continue;
            }
            if (lx.keyword("NumTerminals")) {
                declTerms = lx.keyCount("NumTerminals");
                lineTerms = lx.line();
                continue;
            }
            int n = lx.count();
            if (n < 3 || n > 4 || lx.is(1, ":")) {
                throw lx.error("expected a node line 'name width height [terminal|terminal_NI]' or "
                        + "'NumNodes/NumTerminals : <count>', found '" + lx.lineText() + "'");
            }
            if (declNodes < 0 || declTerms < 0) {
                throw lx.error("expected 'NumNodes : <count>' and 'NumTerminals : <count>' before the first node, "
                        + "found '" + lx.lineText() + "'");
            }
            String name = lx.str(0);
            double w = lx.nonNegative(1, "width of node " + name);
            double h = lx.nonNegative(2, "height of node " + name);
            if (b.nodeIndex(name) >= 0) {
                throw lx.error("duplicate node name '" + name + "'");
            }
            if (n == 4) {
                boolean ni;
                if (lx.isIgnoreCase(3, "terminal")) {
                    ni = false;
                } else if (lx.isIgnoreCase(3, "terminal_NI")) {
                    ni = true;
                } else {
                    throw lx.error("expected 'terminal' or 'terminal_NI' after the size of node " + name
                            + ", found '" + lx.str(3) + "'");
                }
                b.addFixed(name, w, h, ni);
                terms++;
            } else {
                b.addMovable(name, w, h);
            }
        }
        if (declNodes < 0) {
            throw lx.error(0, "expected 'NumNodes : <count>', found no such line");
        }
        if (declNodes != b.numNodes()) {
            throw lx.error(lineNodes, "NumNodes : " + declNodes + " but the file lists " + b.numNodes() + " nodes");
        }
        if (declTerms != terms) {
            throw lx.error(lineTerms, "NumTerminals : " + declTerms + " but the file lists " + terms + " terminals");
        }
    }

    void parseNets(BookshelfLexer lx) {
        lx.header("nets");
        int declNets = -1;
        int declPins = -1;
        int lineNets = 0;
        int linePins = 0;
        int pins = 0;
        while (lx.nextLine()) {
            if (lx.keyword("NumNets")) {
                declNets = lx.keyCount("NumNets");
                lineNets = lx.line();
                continue;
            }
            if (lx.keyword("NumPins")) {
                declPins = lx.keyCount("NumPins");
                linePins = lx.line();
                continue;
            }
            if (!lx.keyword("NetDegree")) {
                throw lx.error("expected 'NetDegree : <k> [name]', found '" + lx.lineText() + "'");
            }
            if (lx.count() < 3 || lx.count() > 4 || !lx.is(1, ":")) {
                throw lx.error("expected 'NetDegree : <k> [name]', found '" + lx.lineText() + "'");
            }
            if (declNets < 0 || declPins < 0) {
                throw lx.error("expected 'NumNets : <count>' and 'NumPins : <count>' before the first net, found '"
                        + lx.lineText() + "'");
            }
            int k = lx.count(2, "net degree");
            int e = netNames.size();
            String name = lx.count() == 4 ? lx.str(3) : "n" + e;
            int degLine = lx.line();
            netNames.add(lx.count() == 4 ? name : null); // generated names are not matched by .wts
            b.addNet(name, 1.0);
            for (int j = 0; j < k; j++) {
                if (!lx.nextLine()) {
                    throw lx.error(degLine, "unexpected end of file in net '" + name + "': NetDegree : " + k
                            + " but only " + j + " pin lines follow");
                }
                readPin(lx, name, k, j, degLine);
            }
            pins += k;
        }
        if (declNets < 0) {
            throw lx.error(0, "expected 'NumNets : <count>', found no such line");
        }
        if (declNets != netNames.size()) {
            throw lx.error(lineNets, "NumNets : " + declNets + " but the file lists " + netNames.size() + " nets");
        }
        if (declPins != pins) {
            throw lx.error(linePins, "NumPins : " + declPins + " but the nets hold " + pins + " pins");
        }
    }

    private void readPin(BookshelfLexer lx, String net, int k, int j, int degLine) {
        int n = lx.count();
        if ((n != 2 && n != 5) || lx.keyword("NetDegree") || lx.length(1) != 1 || (n == 5 && !lx.is(2, ":"))) {
            throw lx.error("expected pin " + (j + 1) + " of " + k + " of net '" + net + "' (NetDegree at line "
                    + degLine + ") as 'node I|O|B [: dx dy]', found '" + lx.lineText() + "'");
        }
        byte dir;
        switch (lx.firstChar(1)) {
            case 'I', 'i' -> dir = Netlist.DIR_INPUT;
            case 'O', 'o' -> dir = Netlist.DIR_OUTPUT;
            case 'B', 'b' -> dir = Netlist.DIR_BIDIRECTIONAL;
            default -> throw lx.error("expected pin direction I, O or B, found '" + lx.str(1) + "'");
        }
        String nodeName = lx.str(0);
        int node = b.nodeIndex(nodeName);
        if (node < 0) {
            throw lx.error("pin of net '" + net + "' names unknown node '" + nodeName + "'");
        }
        double dx = 0;
        double dy = 0;
        if (n == 5) {
            dx = lx.num(3, "pin offset dx");
            dy = lx.num(4, "pin offset dy");
        }
        b.addPin(node, dx, dy, dir);
    }

    void parseWts(BookshelfLexer lx) {
        lx.header("wts");
        Map<String, Integer> netIndex = new HashMap<>(netNames.size() * 2);
        for (int e = netNames.size() - 1; e >= 0; e--) {
            if (netNames.get(e) != null) {
                netIndex.put(netNames.get(e), e); // the first net of a repeated name wins
            }
        }
        while (lx.nextLine()) {
            if (lx.count() != 2) {
                throw lx.error("expected 'name weight', found '" + lx.lineText() + "'");
            }
            String name = lx.str(0);
            double w = lx.nonNegative(1, "weight of '" + name + "'");
            Integer e = netIndex.get(name);
            if (e != null) {
                b.setNetWeight(e, w);
            } else if (b.nodeIndex(name) < 0) {
                throw lx.error("weight for '" + name + "', which is neither a net nor a node");
            }
            // node weights are accepted and not used
        }
    }
}
