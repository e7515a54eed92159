package org.chipplace.api.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.chipplace.metrics.Metrics;
import org.chipplace.metrics.MetricsOptions;
import org.chipplace.metrics.MetricsReport;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.bookshelf.Bookshelf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate (--aux D.aux | --lef A.lef ... --def D.def) [--pl P.pl] [--json]}: reads a
 * design (and optionally another placement) and prints its metrics: HPWL, legality, density
 * overflow and RUDY. DEF designs are measured in DEF database units.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Print the metrics of a placement (HPWL, legality, density, RUDY congestion).")
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DesignInput input;

    @Option(names = "--pl", paramLabel = "P.pl",
            description = "Placement to evaluate (default: the .pl named in the .aux, or the DEF's placement).")
    Path pl;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--target-density", defaultValue = "1.0", description = "Target density for the overflow (default: ${DEFAULT-VALUE}).")
    double targetDensity;

    @Override
    public Integer call() throws Exception {
        DesignInput.Loaded design = input.load();
        Netlist netlist = design.netlist();
        Placement placement = pl == null ? netlist.initialPlacement() : Bookshelf.readPl(netlist, pl);
        MetricsOptions options = MetricsOptions.defaults().withTargetDensity(targetDensity);
        MetricsReport report = Metrics.evaluate(netlist, placement, options);
        if (json) {
            spec.commandLine().getOut().println(Json.MAPPER.writeValueAsString(report));
        } else {
            spec.commandLine().getOut().print(Tables.keyValue(Json.MAPPER.convertValue(report, Map.class)));
        }
        return 0;
    }
}
