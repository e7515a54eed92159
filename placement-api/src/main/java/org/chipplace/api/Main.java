package org.chipplace.api;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the executable jar: dispatches to the subcommands. */
@Command(name = "placement-api", mixinStandardHelpOptions = true, version = "0.1.0",
        description = "Chip placement: evaluate, place, dataset, train, serve.")
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
