package org.chipplace.api;

import java.io.PrintWriter;
import org.chipplace.api.cli.DatasetCommand;
import org.chipplace.api.cli.Errors;
import org.chipplace.api.cli.EvaluateCommand;
import org.chipplace.api.cli.GenerateCommand;
import org.chipplace.api.cli.PlaceCommand;
import org.chipplace.api.cli.ServeCommand;
import org.chipplace.api.cli.TrainCommand;
import org.chipplace.api.cli.TrainEncoderCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the executable jar: dispatches to the subcommands ({@code evaluate}, ...); without
 * arguments it runs {@code serve} (the REST service).
 * Domain errors (a bad netlist, a missing file) end with exit code 2 and a one-line message on
 * stderr, never a stack trace.
 */
@Command(name = "placement-api", mixinStandardHelpOptions = true, version = "0.1.0",
        description = "Chip placement: evaluate, place, dataset, train, serve.",
        subcommands = {EvaluateCommand.class, PlaceCommand.class, GenerateCommand.class, DatasetCommand.class,
                TrainEncoderCommand.class, TrainCommand.class, ServeCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line on the standard streams and returns the exit code. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output and error streams (for tests). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        if (args.length == 0) {
            args = new String[] {"serve"};
        }
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(Errors::handle);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
