package org.chipplace.netlist.lefdef;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.chipplace.netlist.NetlistParseException;
import org.chipplace.netlist.bookshelf.BookshelfLexer;

/**
 * Streaming tokenizer for LEF and DEF text. The file is read whole with
 * {@link BookshelfLexer#readBytes} (gzip detected) and numbers are parsed with
 * {@link BookshelfLexer#parseNumber(byte[], int, int)}, so both formats share one exact number
 * parser.
 *
 * <p>Tokens are separated by whitespace (the reference requires spaces around {@code ;}, {@code (}
 * and {@code )}); as a courtesy a {@code ;} glued to the end of a token ({@code N;}) is split off.
 * A {@code #} at the start of a token begins a comment to the end of the line. A token starting
 * with {@code "} runs to the next {@code "} (it may hold spaces and line breaks) and keeps its
 * quotes. Each token knows its 1-based line and byte range (used to splice the DEF on writing).
 */
final class LefDefLexer {
    private final String file;
    private final byte[] buf;
    private int pos;
    private int lineNo = 1;
    private int ts;
    private int te;
    private int tline;
    private boolean eof;
    private int pts;
    private int pte;
    private int ptline;

    LefDefLexer(String file, byte[] buf) {
        this.file = file;
        this.buf = buf;
    }

    static LefDefLexer open(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        return new LefDefLexer(name, BookshelfLexer.readBytes(path, name));
    }

    String file() {
        return file;
    }

    byte[] bytes() {
        return buf;
    }

    /** Advances to the next token; false (and {@link #atEof()}) at end of file. */
    boolean next() {
        pts = ts;
        pte = te;
        ptline = tline;
        final byte[] b = buf;
        final int n = b.length;
        int p = pos;
        while (p < n) {
            byte c = b[p];
            if (c == '\n') {
                lineNo++;
                p++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
                p++;
            } else if (c == '#') {
                while (p < n && b[p] != '\n') {
                    p++;
                }
            } else {
                break;
            }
        }
        if (p >= n) {
            pos = n;
            ts = te = n;
            tline = lineNo;
            eof = true;
            return false;
        }
        ts = p;
        tline = lineNo;
        if (b[p] == '"') {
            p++;
            while (p < n && b[p] != '"') {
                if (b[p] == '\n') {
                    lineNo++;
                }
                p++;
            }
            if (p >= n) {
                throw new NetlistParseException(file, tline, "expected a closing '\"', found end of file");
            }
            p++;
        } else {
            while (p < n) {
                byte d = b[p];
                if (d == ' ' || d == '\t' || d == '\n' || d == '\r' || d == '\f' || d == 0x0B) {
                    break;
                }
                p++;
            }
            if (p - ts > 1 && b[p - 1] == ';') {
                p--;
            }
        }
        te = p;
        pos = p;
        eof = false;
        return true;
    }

    /**
     * Makes the next {@link #next()} return the current token again and makes the previous token
     * current (one level only): the scan restarts at the current token's first byte.
     */
    void unread() {
        pos = ts;
        lineNo = tline;
        ts = pts;
        te = pte;
        tline = ptline;
        eof = false;
    }

    boolean atEof() {
        return eof;
    }

    /** Line of the current token. */
    int line() {
        return tline;
    }

    /** Byte offset of the first character of the current token. */
    int start() {
        return ts;
    }

    /** Byte offset just past the current token. */
    int end() {
        return te;
    }

    /** The current token (quotes kept). */
    String str() {
        return new String(buf, ts, te - ts, StandardCharsets.ISO_8859_1);
    }

    /** The current token without surrounding quotes. */
    String unquoted() {
        if (te - ts >= 2 && buf[ts] == '"') {
            return new String(buf, ts + 1, te - ts - 2, StandardCharsets.ISO_8859_1);
        }
        return str();
    }

    /** True when the current token equals {@code lit} ignoring ASCII case. */
    boolean is(String lit) {
        if (eof || te - ts != lit.length()) {
            return false;
        }
        for (int k = 0; k < lit.length(); k++) {
            int a = buf[ts + k] & 0xff;
            int c = lit.charAt(k);
            if (a != c && lower(a) != lower(c)) {
                return false;
            }
        }
        return true;
    }

    /** True when the current token equals {@code lit} exactly (case-sensitive; for names). */
    boolean isExactly(String lit) {
        if (eof || te - ts != lit.length()) {
            return false;
        }
        for (int k = 0; k < lit.length(); k++) {
            if ((buf[ts + k] & 0xff) != lit.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /** Description of the current token for messages: {@code 'tok'} or {@code end of file}. */
    String found() {
        if (eof) {
            return "end of file";
        }
        String s = str();
        return "'" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "'";
    }

    /** Advances and returns the token as a string; end of file is an error naming {@code what}. */
    String word(String what) {
        if (!next()) {
            throw error("expected " + what + ", found end of file");
        }
        return str();
    }

    /** Advances; the token must be {@code lit} (ignoring case). */
    void expect(String lit) {
        next();
        if (!is(lit)) {
            throw error("expected '" + lit + "', found " + found());
        }
    }

    /** Advances and parses a finite number. */
    double num(String what) {
        next();
        double v = eof ? Double.NaN : BookshelfLexer.parseNumber(buf, ts, te);
        if (Double.isNaN(v)) {
            throw error("expected " + what + " (a number), found " + found());
        }
        return v;
    }

    /** Advances and parses a non-negative integer. */
    int count(String what) {
        double v = num(what);
        if (v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw error("expected " + what + " (a non-negative integer), found " + found());
        }
        return (int) v;
    }

    /** True when the current token parses as a number. */
    boolean isNumber() {
        return !eof && !Double.isNaN(BookshelfLexer.parseNumber(buf, ts, te));
    }

    /** Skips tokens up to and including the next {@code ;}; error at end of file. */
    void skipStatement() {
        int from = tline;
        while (next()) {
            if (te - ts == 1 && buf[ts] == ';') {
                return;
            }
        }
        throw new NetlistParseException(file, from, "expected ';' to end the statement, found end of file");
    }

    /** True when the current token is a single {@code ;}. */
    boolean isSemicolon() {
        return !eof && te - ts == 1 && buf[ts] == ';';
    }

    /**
     * Skips a block up to and including {@code END <name>} (nested {@code END other} pairs and
     * quoted strings holding {@code END name} do not stop it). For blocks closed by a bare
     * {@code END} use {@link #skipToEnd}. Error at end of file, pointing at the block's first line.
     */
    void skipBlock(String kind, String name, int fromLine) {
        while (next()) {
            if (is("END")) {
                if (!next()) {
                    break;
                }
                if (isExactly(name) || is(name)) {
                    return;
                }
                unread();
            }
        }
        throw new NetlistParseException(file, fromLine, "expected 'END " + name + "' to close " + kind
                + " " + name + ", found end of file");
    }

    /** Skips {@code ;}-terminated statements up to and including a bare {@code END} (OBS, PORT, DENSITY). */
    void skipToEnd(String kind, int fromLine) {
        while (next()) {
            if (is("END")) {
                return;
            }
            if (!isSemicolon()) {
                skipStatement();
            }
        }
        throw new NetlistParseException(file, fromLine, "expected 'END' to close " + kind + ", found end of file");
    }

    NetlistParseException error(String msg) {
        return new NetlistParseException(file, tline, msg);
    }

    NetlistParseException error(int atLine, String msg) {
        return new NetlistParseException(file, atLine, msg);
    }
}
