package org.chipplace.netlist.bookshelf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.chipplace.netlist.NetlistParseException;

/**
 * Hand-rolled line tokenizer for Bookshelf files. The whole file is read into memory (gunzipped
 * transparently when it starts with the gzip magic bytes); {@link #nextLine()} advances to the next
 * line holding at least one token. Tokens are separated by whitespace; a colon is always a token of
 * its own; a {@code #} at the start of a token begins a comment running to the end of the line.
 * Characters are ISO-8859-1 (one byte, one char). Numbers are parsed without creating strings for
 * plain decimals (exactly, see {@link #parseNumber(int, int)}). Public only for
 * {@link #readBytes} and {@link #parseNumber(byte[], int, int)}, which the LEF/DEF lexer shares.
 */
public final class BookshelfLexer {
    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private final String file;
    private final byte[] buf;
    private int pos;
    private int line;
    private int nextLineNo = 1;
    private int[] start = new int[16];
    private int[] end = new int[16];
    private int count;
    private boolean held;

    BookshelfLexer(String file, byte[] bytes) {
        this.file = file;
        this.buf = bytes;
    }

    /** Reads {@code path} whole; errors are reported against the display name {@code file}. */
    static BookshelfLexer open(Path path, String file) {
        return new BookshelfLexer(file, readBytes(path, file));
    }

    /**
     * Reads {@code path} whole, gunzipping when it starts with the gzip magic bytes; a missing or
     * unreadable file is a {@link NetlistParseException} at line 0 of {@code file}. Shared with the
     * LEF/DEF lexer.
     */
    public static byte[] readBytes(Path path, String file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
            if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
                    bytes = in.readAllBytes();
                }
            }
        } catch (NoSuchFileException e) {
            throw new NetlistParseException(file, 0, "file not found: expected " + path, e);
        } catch (IOException e) {
            throw new NetlistParseException(file, 0, "cannot read " + path + ": " + e.getMessage(), e);
        }
        return bytes;
    }

    String file() {
        return file;
    }

    /** 1-based number of the current line (the last line when at end of file). */
    int line() {
        return line;
    }

    /** Makes the next {@link #nextLine()} return the current line again. */
    void unread() {
        held = true;
    }

    /** Advances to the next line with at least one token; false at end of file. */
    boolean nextLine() {
        if (held) {
            held = false;
            return count > 0;
        }
        final byte[] b = buf;
        final int n = b.length;
        while (pos < n) {
            count = 0;
            line = nextLineNo++;
            int p = pos;
            while (p < n) {
                byte c = b[p];
                if (c == '\n') {
                    p++;
                    break;
                }
                if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
                    p++;
                } else if (c == '#') {
                    while (p < n && b[p] != '\n') {
                        p++;
                    }
                } else if (c == ':') {
                    add(p, p + 1);
                    p++;
                } else {
                    int s = p;
                    while (p < n) {
                        byte d = b[p];
                        if (d == ' ' || d == '\t' || d == '\n' || d == '\r' || d == ':' || d == '\f' || d == 0x0B) {
                            break;
                        }
                        p++;
                    }
                    add(s, p);
                }
            }
            pos = p;
            if (count > 0) {
                return true;
            }
        }
        count = 0;
        return false;
    }

    private void add(int s, int e) {
        if (count == start.length) {
            start = Arrays.copyOf(start, count * 2);
            end = Arrays.copyOf(end, count * 2);
        }
        start[count] = s;
        end[count] = e;
        count++;
    }

    /** Number of tokens on the current line. */
    int count() {
        return count;
    }

    String str(int i) {
        return new String(buf, start[i], end[i] - start[i], StandardCharsets.ISO_8859_1);
    }

    /** True when token {@code i} exists and equals {@code lit} exactly. */
    boolean is(int i, String lit) {
        return i < count && regionEquals(i, lit, false);
    }

    /** True when token {@code i} exists and equals {@code lit} ignoring ASCII case. */
    boolean isIgnoreCase(int i, String lit) {
        return i < count && regionEquals(i, lit, true);
    }

    private boolean regionEquals(int i, String lit, boolean ignoreCase) {
        int s = start[i];
        int len = end[i] - s;
        if (len != lit.length()) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            int a = buf[s + k] & 0xff;
            int c = lit.charAt(k);
            if (a != c && !(ignoreCase && lower(a) == lower(c))) {
                return false;
            }
        }
        return true;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /** First byte of token {@code i}. */
    int firstChar(int i) {
        return buf[start[i]] & 0xff;
    }

    int length(int i) {
        return end[i] - start[i];
    }

    /** Token {@code i} as a finite number, or an error saying {@code what} was expected. */
    double num(int i, String what) {
        if (i >= count) {
            throw error("expected " + what + ", found end of line in '" + lineText() + "'");
        }
        double v = parseNumber(start[i], end[i]);
        if (Double.isNaN(v)) {
            throw error("expected " + what + " (a finite number), found '" + str(i) + "'");
        }
        return v;
    }

    /** Token {@code i} as a finite number {@code >= 0}. */
    double nonNegative(int i, String what) {
        double v = num(i, what);
        if (v < 0) {
            throw error("expected " + what + " (a number >= 0), found '" + str(i) + "'");
        }
        return v;
    }

    /** Token {@code i} as a non-negative int. */
    int count(int i, String what) {
        if (i >= count) {
            throw error("expected " + what + ", found end of line in '" + lineText() + "'");
        }
        long v = 0;
        int s = start[i];
        int e = end[i];
        if (e - s > 10) {
            v = -1;
        }
        for (int k = s; k < e && v >= 0; k++) {
            int d = buf[k] - '0';
            v = d < 0 || d > 9 ? -1 : v * 10 + d;
        }
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw error("expected " + what + " (a non-negative integer), found '" + str(i) + "'");
        }
        return (int) v;
    }

    /**
     * Parses {@code [+-]digits[.digits][(e|E)[+-]digits]} (also {@code .5} and {@code 5.}); NaN when
     * the token is not such a number or is out of the finite double range. Plain decimals with at
     * most 15 significant digits and at most 22 fraction digits are computed as {@code m / 10^k},
     * which is exact (correctly rounded) because both operands are exact doubles; others fall back
     * to {@link Double#parseDouble(String)}.
     */
    double parseNumber(int s, int e) {
        return parseNumber(buf, s, e);
    }

    /** {@link #parseNumber(int, int)} over any buffer (shared with the LEF/DEF lexer). */
    public static double parseNumber(byte[] b, int s, int e) {
        int p = s;
        boolean neg = false;
        if (p < e && (b[p] == '-' || b[p] == '+')) {
            neg = b[p] == '-';
            p++;
        }
        long mant = 0;
        int digits = 0;
        int frac = 0;
        int intDigits = 0;
        while (p < e && b[p] >= '0' && b[p] <= '9') {
            mant = mant * 10 + (b[p] - '0');
            if (mant != 0) {
                digits++;
            }
            intDigits++;
            p++;
            if (digits > 15) {
                return slow(b, s, e);
            }
        }
        int fracDigits = 0;
        if (p < e && b[p] == '.') {
            p++;
            while (p < e && b[p] >= '0' && b[p] <= '9') {
                mant = mant * 10 + (b[p] - '0');
                if (mant != 0) {
                    digits++;
                }
                fracDigits++;
                frac++;
                p++;
                if (digits > 15 || frac > 22) {
                    return slow(b, s, e);
                }
            }
        }
        if (intDigits + fracDigits == 0) {
            return Double.NaN;
        }
        if (p < e) {
            return b[p] == 'e' || b[p] == 'E' ? slow(b, s, e) : Double.NaN;
        }
        double v = frac == 0 ? (double) mant : mant / POW10[frac];
        return neg ? -v : v;
    }

    private static double slow(byte[] b, int s, int e) {
        int p = s;
        if (p < e && (b[p] == '-' || b[p] == '+')) {
            p++;
        }
        int d = 0;
        while (p < e && b[p] >= '0' && b[p] <= '9') {
            p++;
            d++;
        }
        if (p < e && b[p] == '.') {
            p++;
            while (p < e && b[p] >= '0' && b[p] <= '9') {
                p++;
                d++;
            }
        }
        if (d == 0) {
            return Double.NaN;
        }
        if (p < e && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            if (p < e && (b[p] == '-' || b[p] == '+')) {
                p++;
            }
            int x = 0;
            while (p < e && b[p] >= '0' && b[p] <= '9') {
                p++;
                x++;
            }
            if (x == 0) {
                return Double.NaN;
            }
        }
        if (p != e) {
            return Double.NaN;
        }
        double v = Double.parseDouble(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    /** True when token 0 of the current line is {@code key}, ignoring case. */
    boolean keyword(String key) {
        return isIgnoreCase(0, key);
    }

    /** Checks that the current line reads {@code key : <count>} and returns the count. */
    int keyCount(String key) {
        if (count != 3 || !is(1, ":")) {
            throw error("expected '" + key + " : <count>', found '" + lineText() + "'");
        }
        return count(2, key + " count");
    }

    /**
     * Consumes an optional {@code UCLA <kind> <version>} header on the first line. A header naming
     * another kind is an error; a missing header is accepted (some published copies lost it).
     */
    void header(String kind) {
        if (!nextLine()) {
            return;
        }
        if (is(0, "UCLA")) {
            if (count != 3 || !isIgnoreCase(1, kind)) {
                throw error("expected header 'UCLA " + kind + " 1.0', found '" + lineText() + "'");
            }
        } else {
            unread();
        }
    }

    /** The tokens of the current line joined by single spaces (at most 80 characters). */
    String lineText() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count && sb.length() < 80; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(str(i));
        }
        return sb.length() > 80 ? sb.substring(0, 77) + "..." : sb.toString();
    }

    /** An error at the current line. */
    NetlistParseException error(String msg) {
        return new NetlistParseException(file, line, msg);
    }

    /** An error at the given line. */
    NetlistParseException error(int atLine, String msg) {
        return new NetlistParseException(file, atLine, msg);
    }
}
