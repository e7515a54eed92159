package org.chipplace.netlist;

/**
 * A netlist file could not be read. The message always starts with {@code file:line:} (line 0
 * when the problem concerns the whole file, for example a missing file) and says what was
 * expected and what was found.
 */
public class NetlistParseException extends RuntimeException {
    private final String file;
    private final int line;

    public NetlistParseException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    public NetlistParseException(String file, int line, String message, Throwable cause) {
        super(file + ":" + line + ": " + message, cause);
        this.file = file;
        this.line = line;
    }

    /** Name of the offending file (as named in the input, not necessarily absolute). */
    public String file() {
        return file;
    }

    /** 1-based line number, or 0 when no single line is at fault. */
    public int line() {
        return line;
    }
}
