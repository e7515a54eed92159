package org.chipplace.netlist.circuittraining;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.chipplace.netlist.NetlistParseException;
import org.chipplace.netlist.bookshelf.BookshelfLexer;

/**
 * Streaming line parser of Circuit Training's protobuf text netlist into flat arrays indexed by the
 * node's 0-based position in the file (its "pb index"). One statement per line, as Circuit Training
 * and TILOS write it: {@code node {}, {@code name: "..."}, {@code input: "..."}, {@code attr {},
 * {@code key: "..."}, {@code value {}, {@code f: 1.5} / {@code i: 2} / {@code placeholder: "..."} /
 * {@code s: "..."} / {@code b: true}, {@code }}; {@code #} lines are comments (a {@code FP bbox: {xl yl
 * xh yh}} comment gives the canvas). Anything else is a {@link NetlistParseException} at its
 * {@code file:line}. Values are kept in microns as read; {@link CtNetlistAssembler} builds the model.
 * Single use.
 */
final class PbTextReader {
    static final byte PORT = 0, MACRO = 1, MACRO_PIN = 2, STDCELL = 3;
    private static final byte[] K_NODE = bytes("node"), K_NAME = bytes("name"), K_INPUT = bytes("input"),
            K_ATTR = bytes("attr"), K_KEY = bytes("key"), K_VALUE = bytes("value"), K_F = bytes("f"),
            K_I = bytes("i"), K_PH = bytes("placeholder"), K_S = bytes("s"), K_B = bytes("b");

    final String file;
    private final byte[] b;
    private int pos;
    private int line;
    private int ls, le; // current line's trimmed content [ls, le)
    private boolean eof;

    int n;
    String[] name = new String[1024];
    byte[] type = new byte[1024];
    int[] nodeLine = new int[1024];
    double[] x = new double[1024], y = new double[1024], w = new double[1024], h = new double[1024];
    double[] xOff = new double[1024], yOff = new double[1024], weight = new double[1024];
    String[] orient = new String[1024];
    String[] macroName = new String[1024];
    String[] refName = new String[1024];
    int[] macroNameLine = new int[1024];
    int[] inStart = new int[1025];
    String[] inputs = new String[4096];
    int[] inputLine = new int[4096];
    int numInputs;
    /** Canvas {xl, yl, xh, yh} in microns from a {@code FP bbox} comment, or null. */
    double[] fpBox;

    private PbTextReader(String file, byte[] bytes) {
        this.file = file;
        this.b = bytes;
    }

    static PbTextReader parse(String file, byte[] bytes) {
        PbTextReader r = new PbTextReader(file, bytes);
        r.run();
        return r;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private NetlistParseException error(String msg) {
        return new NetlistParseException(file, line, msg);
    }

    /** Advances to the next non-blank, non-comment line; false at end of file. */
    private boolean nextLine() {
        final byte[] buf = b;
        final int len = buf.length;
        while (pos < len) {
            line++;
            int s = pos;
            int e = s;
            while (e < len && buf[e] != '\n') {
                e++;
            }
            pos = e + 1;
            while (s < e && buf[s] <= ' ') {
                s++;
            }
            while (e > s && buf[e - 1] <= ' ') {
                e--;
            }
            if (s == e) {
                continue;
            }
            if (buf[s] == '#') {
                comment(s, e);
                continue;
            }
            ls = s;
            le = e;
            return true;
        }
        eof = true;
        return false;
    }

    private void comment(int s, int e) {
        String c = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        int i = c.indexOf("FP bbox:");
        if (i < 0 || fpBox != null) {
            return;
        }
        String[] t = c.substring(i + 8).replace('{', ' ').replace('}', ' ').trim().split("\\s+");
        if (t.length == 4) {
            try {
                double[] box = new double[4];
                for (int k = 0; k < 4; k++) {
                    box[k] = Double.parseDouble(t[k]);
                }
                if (box[2] > box[0] && box[3] > box[1]) {
                    fpBox = box;
                }
            } catch (NumberFormatException ignored) {
                // not a canvas comment after all
            }
        }
    }

    /** Length of the identifier at the start of the current line. */
    private int identEnd() {
        int p = ls;
        while (p < le && (Character.isLetterOrDigit(b[p]) || b[p] == '_')) {
            p++;
        }
        return p;
    }

    private boolean is(int e, byte[] lit) {
        return e - ls == lit.length && Arrays.equals(b, ls, e, lit, 0, lit.length);
    }

    private String found() {
        return "'" + new String(b, ls, Math.min(le - ls, 80), StandardCharsets.ISO_8859_1) + "'";
    }

    /** True when the line is {@code ident {} (after the identifier ending at {@code e}). */
    private boolean opens(int e) {
        int p = e;
        while (p < le && b[p] <= ' ') {
            p++;
        }
        return p == le - 1 && b[p] == '{';
    }

    private boolean closes() {
        return le - ls == 1 && b[ls] == '}';
    }

    /** Position after {@code ident:} and blanks, or -1. */
    private int afterColon(int e) {
        int p = e;
        while (p < le && b[p] <= ' ') {
            p++;
        }
        if (p >= le || b[p] != ':') {
            return -1;
        }
        p++;
        while (p < le && b[p] <= ' ') {
            p++;
        }
        return p;
    }

    /** The quoted string starting at {@code p}, which must end the line. */
    private String quoted(int p, String what) {
        if (p < 0 || p >= le || b[p] != '"' || le - p < 2 || b[le - 1] != '"') {
            throw error("expected " + what + " as a quoted string, found " + found());
        }
        int s = p + 1, e = le - 1;
        boolean esc = false;
        for (int k = s; k < e; k++) {
            if (b[k] == '\\') {
                esc = true;
                break;
            }
        }
        if (!esc) {
            return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = new StringBuilder(e - s);
        for (int k = s; k < e; k++) {
            char c = (char) (b[k] & 0xff);
            if (c == '\\' && k + 1 < e) {
                c = (char) (b[++k] & 0xff);
                c = c == 'n' ? '\n' : c == 't' ? '\t' : c;
            } else if (c == '"') {
                throw error("expected " + what + " as a quoted string, found " + found());
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private void run() {
        while (nextLine()) {
            int e = identEnd();
            if (!is(e, K_NODE) || !opens(e)) {
                throw error("expected 'node {', found " + found());
            }
            node();
        }
    }

    private void grow() {
        int c = name.length * 2;
        name = Arrays.copyOf(name, c);
        type = Arrays.copyOf(type, c);
        nodeLine = Arrays.copyOf(nodeLine, c);
        x = Arrays.copyOf(x, c);
        y = Arrays.copyOf(y, c);
        w = Arrays.copyOf(w, c);
        h = Arrays.copyOf(h, c);
        xOff = Arrays.copyOf(xOff, c);
        yOff = Arrays.copyOf(yOff, c);
        weight = Arrays.copyOf(weight, c);
        orient = Arrays.copyOf(orient, c);
        macroName = Arrays.copyOf(macroName, c);
        refName = Arrays.copyOf(refName, c);
        macroNameLine = Arrays.copyOf(macroNameLine, c);
        inStart = Arrays.copyOf(inStart, c + 1);
    }

    private void node() {
        if (n == name.length) {
            grow();
        }
        int v = n;
        int startLine = line;
        nodeLine[v] = startLine;
        type[v] = -1;
        x[v] = y[v] = w[v] = h[v] = xOff[v] = yOff[v] = Double.NaN;
        weight[v] = 1;
        orient[v] = null;
        macroName[v] = null;
        refName[v] = null;
        while (true) {
            if (!nextLine()) {
                throw error("expected '}' to close the node opened at line " + startLine + ", found end of file");
            }
            if (closes()) {
                break;
            }
            int e = identEnd();
            if (is(e, K_NAME)) {
                if (name[v] != null) {
                    throw error("node has two names");
                }
                name[v] = quoted(afterColon(e), "the node name");
            } else if (is(e, K_INPUT)) {
                if (numInputs == inputs.length) {
                    inputs = Arrays.copyOf(inputs, numInputs * 2);
                    inputLine = Arrays.copyOf(inputLine, numInputs * 2);
                }
                inputLine[numInputs] = line;
                inputs[numInputs++] = quoted(afterColon(e), "an input node name");
            } else if (is(e, K_ATTR) && opens(e)) {
                attr(v);
            } else {
                throw error("expected name, input, attr or '}' in a node, found " + found());
            }
        }
        if (name[v] == null) {
            throw new NetlistParseException(file, startLine, "node without a name");
        }
        if (type[v] < 0) {
            throw new NetlistParseException(file, startLine, "node " + name[v] + " has no 'type' attr");
        }
        if (Double.isNaN(x[v]) || Double.isNaN(y[v])) {
            throw new NetlistParseException(file, startLine, "node " + name[v] + " has no 'x' and 'y' attrs");
        }
        if (type[v] != MACRO_PIN && type[v] != PORT && (Double.isNaN(w[v]) || Double.isNaN(h[v]))) {
            throw new NetlistParseException(file, startLine, "node " + name[v] + " has no 'width' and 'height' attrs");
        }
        n++;
        inStart[n] = numInputs;
    }

    private void attr(int v) {
        int open = line;
        if (!nextLine()) {
            throw error("expected key: \"...\" in the attr opened at line " + open + ", found end of file");
        }
        int e = identEnd();
        if (!is(e, K_KEY)) {
            throw error("expected key: \"...\" in an attr, found " + found());
        }
        String key = quoted(afterColon(e), "the attr key");
        if (!nextLine() || !is(e = identEnd(), K_VALUE) || !opens(e)) {
            throw error("expected 'value {' after key \"" + key + "\", found " + (eof ? "end of file" : found()));
        }
        double num = Double.NaN;
        String str = null;
        int valueLine = line;
        int valueAt = line;
        while (true) {
            if (!nextLine()) {
                throw error("expected '}' to close the value opened at line " + valueLine + ", found end of file");
            }
            if (closes()) {
                break;
            }
            e = identEnd();
            int p = afterColon(e);
            if ((is(e, K_F) || is(e, K_I)) && p >= 0) {
                valueAt = line;
                num = BookshelfLexer.parseNumber(b, p, le);
                if (Double.isNaN(num)) {
                    throw error("expected a number for attr \"" + key + "\", found " + found());
                }
            } else if ((is(e, K_PH) || is(e, K_S)) && p >= 0) {
                valueAt = line;
                str = quoted(p, "the value of attr \"" + key + "\"");
            } else if (!is(e, K_B) || p < 0) {
                throw error("expected f:, i:, placeholder:, s:, b: or '}' in a value, found " + found());
            }
        }
        if (!nextLine() || !closes()) {
            throw error("expected '}' to close the attr opened at line " + open + ", found "
                    + (eof ? "end of file" : found()));
        }
        store(v, key, num, str, valueAt);
    }

    private void store(int v, String key, double num, String str, int valueLine) {
        switch (key) {
            case "type" -> type[v] = typeCode(need(str, key, valueLine), valueLine);
            case "x" -> x[v] = need(num, key, valueLine);
            case "y" -> y[v] = need(num, key, valueLine);
            case "width" -> w[v] = need(num, key, valueLine);
            case "height" -> h[v] = need(num, key, valueLine);
            case "x_offset" -> xOff[v] = need(num, key, valueLine);
            case "y_offset" -> yOff[v] = need(num, key, valueLine);
            case "weight" -> weight[v] = need(num, key, valueLine);
            case "orientation" -> orient[v] = need(str, key, valueLine);
            case "macro_name" -> {
                macroName[v] = need(str, key, valueLine);
                macroNameLine[v] = valueLine;
            }
            case "ref_name" -> refName[v] = need(str, key, valueLine);
            default -> {
                // side and other attrs are not needed by the model
            }
        }
    }

    private double need(double num, String key, int valueLine) {
        if (Double.isNaN(num) || Double.isInfinite(num)) {
            throw new NetlistParseException(file, valueLine, "attr \"" + key + "\" needs a number (f: ...)");
        }
        return num;
    }

    private String need(String s, String key, int valueLine) {
        if (s == null) {
            throw new NetlistParseException(file, valueLine, "attr \"" + key + "\" needs a placeholder: \"...\" value");
        }
        return s;
    }

    private byte typeCode(String t, int valueLine) {
        return switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "port" -> PORT;
            case "macro" -> MACRO;
            case "macro_pin" -> MACRO_PIN;
            case "stdcell" -> STDCELL;
            default -> throw new NetlistParseException(file, valueLine,
                    "expected type port, macro, macro_pin or stdcell, found '" + t + "'");
        };
    }
}
