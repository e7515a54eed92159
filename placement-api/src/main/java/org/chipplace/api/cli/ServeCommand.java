package org.chipplace.api.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code serve [--spring.option=value ...]}: runs the REST placement service until it is stopped.
 * Every argument is passed to Spring Boot ({@code --server.port=9090},
 * {@code --spring.profiles.active=postgres}, ...). This is the jar's default command: without
 * arguments, or when the first argument is such an option, the jar runs it.
 */
@Command(name = ServeCommand.NAME, mixinStandardHelpOptions = true,
        description = "Run the REST placement service (default command). Options of the form "
                + "--spring.property=value are passed to Spring Boot.")
public final class ServeCommand implements Callable<Integer> {
    /** The command's name. */
    public static final String NAME = "serve";

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        var ctx = org.chipplace.api.service.PlacementService.start(springArgs.toArray(String[]::new));
        ctx.addApplicationListener((org.springframework.context.ApplicationListener<
                org.springframework.context.event.ContextClosedEvent>) e -> closed.countDown());
        if (!ctx.isActive()) {
            return 1;
        }
        closed.await();
        return 0;
    }
}
