package org.chipplace.api;

import java.io.PrintWriter;
import java.util.Set;
import org.chipplace.api.cli.DatasetCommand;
import org.chipplace.api.cli.Errors;
import org.chipplace.api.cli.EvaluateCommand;
import org.chipplace.api.cli.GenerateCommand;
import org.chipplace.api.cli.KeysCommand;
import org.chipplace.api.cli.PlaceCommand;
import org.chipplace.api.cli.ServeCommand;
import org.chipplace.api.cli.TrainCommand;
import org.chipplace.api.cli.TrainEncoderCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the executable jar: dispatches to the subcommands ({@code evaluate}, ...); without
 * arguments, or with Spring Boot style options only ({@code --server.port=9090}), it runs
 * {@code serve} (the REST service; see {@link #dispatch}).
 * Domain errors (a bad netlist, a missing file) end with exit code 2 and a one-line message on
 * stderr, never a stack trace.
 */
@Command(name = "placement-api", mixinStandardHelpOptions = true, version = "0.1.0",
        description = "Chip placement: evaluate, place, dataset, train, serve.",
        subcommands = {EvaluateCommand.class, PlaceCommand.class, GenerateCommand.class, DatasetCommand.class,
                TrainEncoderCommand.class, TrainCommand.class, KeysCommand.class, ServeCommand.class})
public final class Main implements Runnable {

    /** Logback configuration of the commands that do not start Spring (a class path resource). */
    static final String CLI_LOGGING = "logback-cli.xml";

    /** The commands that start Spring Boot, which configures their logging itself. */
    static final Set<String> SPRING_COMMANDS = Set.of(ServeCommand.NAME, "keys");

    /**
     * Runs the command line and exits with its code. Commands other than {@code serve} and {@code keys}
     * (which log as Spring Boot configures it) log with {@value #CLI_LOGGING} (warnings on stderr;
     * DJL's engine set-up and CUDA probe quiet) unless {@code -Dlogback.configurationFile} is given.
     */
    public static void main(String[] args) {
        String[] run = dispatch(args);
        if (!SPRING_COMMANDS.contains(run[0]) && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", CLI_LOGGING); // before the first logger is made
        }
        System.exit(execute(args));
    }

    /** Runs the command line on the standard streams and returns the exit code. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output and error streams (for tests). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(Errors::handle);
        cl.setParameterExceptionHandler(Errors::handleParameter);
        int code = cl.execute(dispatch(cl, args));
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The arguments to run: {@code serve} is put in front when there are none, or when the first is a
     * Spring Boot style option ({@code --name} or {@code --name=value}) that is not one of the jar's
     * own options ({@code --help}, {@code --version}), so that {@code java -jar placement-api.jar
     * --server.port=9090} runs the service as any Spring Boot application does. Everything else
     * (a subcommand, {@code -h}, ...) is left to picocli.
     */
    static String[] dispatch(String... args) {
        return dispatch(new CommandLine(new Main()), args);
    }

    private static String[] dispatch(CommandLine cl, String... args) {
        if (args.length == 0) {
            return new String[] {ServeCommand.NAME};
        }
        String first = args[0];
        if (first.startsWith("--") && first.length() > 2) {
            int eq = first.indexOf('=');
            String name = eq < 0 ? first : first.substring(0, eq);
            if (!cl.getCommandSpec().optionsMap().containsKey(name)) {
                String[] serve = new String[args.length + 1];
                serve[0] = ServeCommand.NAME;
                System.arraycopy(args, 0, serve, 1, args.length);
                return serve;
            }
        }
        return args;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
