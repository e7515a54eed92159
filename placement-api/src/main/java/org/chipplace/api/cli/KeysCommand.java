package org.chipplace.api.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.chipplace.api.service.PlacementService;
import org.chipplace.api.service.ServiceErrors.ServiceException;
import org.chipplace.api.service.security.ApiKeyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Unmatched;

/**
 * {@code keys add OWNER | list | revoke ID [--spring.option=value ...]}: the API keys of
 * {@code chipplace.auth.mode=api-key} on the configured database (the same properties as
 * {@code serve}: {@code --spring.profiles.active=postgres}, {@code --spring.datasource.url=...}); the
 * service's context starts without its web server and job workers. {@code add} prints the new key
 * once; only its hash is stored.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Manage API keys (auth mode api-key) on the configured database.",
        subcommands = {KeysCommand.Add.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public final class KeysCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs {@code action} on the key service of a web-less context over {@code springArgs}. */
    static int withKeys(CommandSpec spec, List<String> springArgs, Function<ApiKeyService, String> action) {
        PrintWriter out = spec.commandLine().getOut();
        try (var ctx = PlacementService.startTool(springArgs.toArray(String[]::new))) {
            out.println(action.apply(ctx.getBean(ApiKeyService.class)));
            out.flush();
            return 0;
        } catch (ServiceException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return Errors.INPUT_ERROR;
        }
    }

    /** {@code keys add OWNER}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create a key for OWNER; prints it once.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "OWNER", description = "owner of the new key")
        String owner;
        @Unmatched
        List<String> springArgs = new ArrayList<>();

        @Override
        public Integer call() {
            return withKeys(spec, springArgs, keys -> {
                var k = keys.create(owner);
                return "id " + k.id() + "\nowner " + k.owner() + "\nkey " + k.key()
                        + "\n(the key is shown only now; send it in header X-API-Key)";
            });
        }
    }

    /** {@code keys list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (never their secrets).")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Unmatched
        List<String> springArgs = new ArrayList<>();

        @Override
        public Integer call() {
            return withKeys(spec, springArgs, keys -> {
                StringBuilder sb = new StringBuilder(String.format("%-36s  %-24s  %-24s  %s", "id", "owner",
                        "created", "revoked"));
                for (var k : keys.list()) {
                    sb.append('\n').append(String.format("%-36s  %-24s  %-24s  %s", k.id(), k.owner(), k.createdAt(),
                            k.revokedAt() == null ? "-" : k.revokedAt()));
                }
                return sb.toString();
            });
        }
    }

    /** {@code keys revoke ID}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke key ID (it fails at once).")
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", description = "id of the key (see keys list)")
        UUID id;
        @Unmatched
        List<String> springArgs = new ArrayList<>();

        @Override
        public Integer call() {
            return withKeys(spec, springArgs, keys -> "revoked " + keys.revoke(id).id());
        }
    }
}
