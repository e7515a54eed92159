package org.chipplace.api.flow;

import java.nio.file.Path;
import java.util.Locale;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.chipplace.offline.datasets.FlowLabeller;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.offline.env.Trajectory;
import org.chipplace.offline.experts.AnalyticPlacer;
import org.chipplace.placer.PlacerOptions;
import org.chipplace.placer.ProgressListener;

/**
 * Benchmark driver (not a test): what the macro environment's grid alone costs after the cell stages.
 * The analytic expert with the labeller's own seed snaps the very mixed-size global placement that the
 * labeller's cells come from, so the label differs from the analytic candidate's final HPWL only by the
 * snap to the grid (and the legalization that follows it).
 * {@code java -cp ... org.chipplace.api.flow.GridCostExperiment D.aux [threads] [G ...]}
 */
public final class GridCostExperiment {
    private GridCostExperiment() {
    }

    public static void main(String[] args) {
        Netlist nl = Bookshelf.read(Path.of(args[0]));
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        PlacerOptions o = PlacerOptions.defaults().withThreads(threads);
        FlowLabeller labeller = new FlowLabeller(nl, o, ProgressListener.NONE);
        double analytic = labeller.analytic();
        System.out.printf(Locale.ROOT, "%s analytic candidate %.6e%n", nl.name(), analytic);
        for (int i = 2; i < Math.max(3, args.length); i++) {
            int g = args.length > 2 ? Integer.parseInt(args[i]) : 48;
            EnvOptions env = EnvOptions.defaults().withGrid(g);
            Trajectory t = new AnalyticPlacer(env, o).rollout(new MacroEnv(nl, nl.initialPlacement(), env), o.seed(),
                    ProgressListener.NONE);
            double label = labeller.label(t);
            System.out.printf(Locale.ROOT, "%s G=%d snapped analytic %.6e (%.4f)%n", nl.name(), g, label,
                    label / analytic);
        }
    }
}
