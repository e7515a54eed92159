package org.chipplace.api.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.chipplace.netlist.NetlistParseException;
import org.chipplace.offline.DatasetFormatException;
import org.chipplace.placer.legalize.LegalizationException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Maps exceptions of a command to exit codes: input errors (bad netlist, missing or unreadable
 * file, invalid option value) print one line on stderr and exit with 2; anything else is a bug
 * and exits with 1 after printing its stack trace.
 */
public final class Errors {
    /** Exit code of every input error. */
    public static final int INPUT_ERROR = 2;

    private Errors() {
    }

    public static int handle(Exception e, CommandLine cl, ParseResult parsed) {
        String message = inputErrorMessage(e);
        if (message != null) {
            cl.getErr().println("error: " + message);
            return INPUT_ERROR;
        }
        e.printStackTrace(cl.getErr());
        return 1;
    }

    /** The one-line message of an input error, or null when {@code e} is not one. */
    static String inputErrorMessage(Throwable e) {
        if (e instanceof NetlistParseException || e instanceof DatasetFormatException) {
            return e.getMessage();
        }
        if (e instanceof LegalizationException) {
            return "cannot legalize: " + e.getMessage();
        }
        if (e instanceof NoSuchFileException nf) {
            return nf.getFile() + ": no such file";
        }
        if (e instanceof UncheckedIOException u) {
            return inputErrorMessage(u.getCause());
        }
        if (e instanceof IOException io) {
            return io.getMessage();
        }
        if (e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return null;
    }
}
