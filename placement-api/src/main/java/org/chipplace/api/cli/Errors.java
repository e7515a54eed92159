package org.chipplace.api.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.chipplace.gnn.EngineUnavailableException;
import org.chipplace.gnn.NoCudaDeviceException;
import org.chipplace.netlist.NetlistParseException;
import org.chipplace.offline.datasets.DatasetFormatException;
import org.chipplace.placer.legalize.LegalizationException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Maps exceptions of a command to exit codes: input errors (bad netlist, missing or unreadable
 * file, invalid option value, device {@code gpu} without a CUDA device) print one line on stderr and
 * exit with 2; a PyTorch engine that
 * cannot start on this machine ({@link EngineUnavailableException}, for example a cuda build without
 * a driver) prints one line and exits with 1; anything else is a bug and exits with 1 after printing
 * its stack trace.
 */
public final class Errors {
    /** Exit code of every input error. */
    public static final int INPUT_ERROR = 2;

    private Errors() {
    }

    /**
     * Bad command-line input (an unknown option, a missing or malformed value): one line on stderr
     * naming the command's help, exit code 2.
     */
    public static int handleParameter(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String message = String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ").trim();
        cl.getErr().println("error: " + message + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
        return INPUT_ERROR;
    }

    /**
     * Runs {@code check} of the value of option {@code flag} (for example a checkpoint folder's) and
     * puts the flag in front of its IllegalArgumentException's one-line message.
     */
    static void checkOption(String flag, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + " " + e.getMessage(), e);
        }
    }

    /** Maps an exception of a command to its exit code (see the class comment). */
    public static int handle(Exception e, CommandLine cl, ParseResult parsed) {
        String message = inputErrorMessage(e);
        if (message != null) {
            cl.getErr().println("error: " + message);
            return INPUT_ERROR;
        }
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof EngineUnavailableException engine) {
                cl.getErr().println("error: " + engine.getMessage());
                return 1;
            }
        }
        e.printStackTrace(cl.getErr());
        return 1;
    }

    /** The one-line message of an input error, or null when {@code e} is not one. */
    static String inputErrorMessage(Throwable e) {
        if (e instanceof NetlistParseException || e instanceof DatasetFormatException
                || e instanceof NoCudaDeviceException) {
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
