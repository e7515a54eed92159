package org.chipplace.api.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.chipplace.api.flow.ProxyCosts;
import org.chipplace.metrics.Metrics;
import org.chipplace.metrics.MetricsOptions;
import org.chipplace.metrics.MetricsReport;
import org.chipplace.metrics.ProxyCostOptions;
import org.chipplace.metrics.ProxyCostReport;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.chipplace.netlist.circuittraining.CircuitTraining;
import org.chipplace.netlist.circuittraining.PlcFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate (--aux D.aux | --lef A.lef ... --def D.def | --pb D.pb.txt [--lef ... --def FP.def])
 * [--pl P.pl | --plc P.plc] [--json]}: reads a design (and optionally another placement) and prints
 * its metrics: HPWL, legality, density overflow and RUDY. DEF designs are measured in DEF database
 * units; Circuit Training designs also get {@code hpwlMicrons} and Circuit Training's proxy cost
 * ({@link ProxyCosts}, with the grid and routing parameters of the {@code .plc} header when given).
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

    @Option(names = "--plc", paramLabel = "P.plc",
            description = "Circuit Training placement to evaluate (with --pb; default: the positions in the .pb.txt).")
    Path plc;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--target-density", defaultValue = "1.0", description = "Target density for the overflow (default: ${DEFAULT-VALUE}).")
    double targetDensity;

    @Override
    public Integer call() throws Exception {
        DesignInput.Loaded design = input.load();
        Netlist netlist = design.netlist();
        if (plc != null && design.ct() == null) {
            throw new IllegalArgumentException("--plc needs a Circuit Training design (--pb)");
        }
        if (pl != null && design.ct() != null) {
            throw new IllegalArgumentException("a Circuit Training design (--pb) takes its placement from --plc, not --pl");
        }
        PlcFile plcFile = plc == null ? null : CircuitTraining.readPlc(design.ct(), plc);
        Placement placement = plcFile != null ? plcFile.placement()
                : pl == null ? netlist.initialPlacement() : Bookshelf.readPl(netlist, pl);
        // pin offsets follow the placement's orientations (flipped macros: Netlist.reoriented)
        netlist = netlist.reoriented(placement.orient());
        MetricsOptions options = MetricsOptions.defaults().withTargetDensity(targetDensity);
        MetricsReport report = Metrics.evaluate(netlist, placement, options);
        if (design.ct() != null) {
            // HPWL in microns and Circuit Training's proxy cost (parameters from the .plc header when given)
            ProxyCostOptions po = ProxyCosts.options(null, design.ct(), plcFile);
            ProxyCostReport proxy = ProxyCosts.compute(netlist, placement, design.ct(), po);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("hpwlMicrons", report.hpwl() / design.ct().dbuPerMicron());
            out.put("proxyCost", proxy);
            out.put("proxyGrid", po.gridColumns() + "x" + po.gridRows());
            @SuppressWarnings("unchecked")
            Map<String, Object> metrics = Json.MAPPER.convertValue(report, LinkedHashMap.class);
            out.putAll(metrics);
            if (json) {
                spec.commandLine().getOut().println(Json.MAPPER.writeValueAsString(out));
            } else {
                Map<String, Object> flat = new LinkedHashMap<>(out);
                flat.remove("proxyCost");
                if (proxy != null) {
                    flat.put("proxyCost.wirelength", proxy.wirelength());
                    flat.put("proxyCost.density", proxy.density());
                    flat.put("proxyCost.congestion", proxy.congestion());
                    flat.put("proxyCost.total", proxy.total());
                }
                spec.commandLine().getOut().print(Tables.keyValue(flat));
            }
            return 0;
        }
        if (json) {
            spec.commandLine().getOut().println(Json.MAPPER.writeValueAsString(report));
        } else {
            spec.commandLine().getOut().print(Tables.keyValue(Json.MAPPER.convertValue(report, Map.class)));
        }
        return 0;
    }
}
