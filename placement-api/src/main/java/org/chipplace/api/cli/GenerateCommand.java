package org.chipplace.api.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.chipplace.netlist.synthetic.SyntheticCircuits;
import org.chipplace.netlist.synthetic.SyntheticOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code generate --out DIR [--name N] [--cells N] [--macros M] [--nets K] [--pads P]
 * [--utilisation U] [--seed S]}: writes a synthetic Rent's-rule design as Bookshelf files, for
 * demos, scaling runs and pretraining.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic Bookshelf design (Rent's-rule netlist, rows, pads).")
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--name", defaultValue = "synthetic", description = "Design name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--cells", defaultValue = "2000", description = "Standard cells (default: ${DEFAULT-VALUE}).")
    int cells;

    @Option(names = "--macros", defaultValue = "32", description = "Movable macros (default: ${DEFAULT-VALUE}).")
    int macros;

    @Option(names = "--nets", defaultValue = "-1", description = "Nets (default: 1.3 x (cells + macros) + pads).")
    int nets;

    @Option(names = "--pads", defaultValue = "64", description = "Fixed pads on the boundary (default: ${DEFAULT-VALUE}).")
    int pads;

    @Option(names = "--utilisation", defaultValue = "0.7", description = "Movable area / core area (default: ${DEFAULT-VALUE}).")
    double utilisation;

    @Option(names = "--macro-fraction", defaultValue = "-1",
            description = "Share of the movable area in macros (default: 0.5 with macros, 0 without).")
    double macroFraction;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        int k = nets >= 0 ? nets : (int) Math.round(1.3 * (cells + macros)) + pads;
        double mf = macroFraction >= 0 ? macroFraction : (macros > 0 ? 0.5 : 0.0);
        SyntheticOptions o = new SyntheticOptions(macros, cells, k, pads, utilisation, mf,
                SyntheticOptions.defaults().rentExponent());
        Netlist nl = SyntheticCircuits.generate(name, o, seed);
        Bookshelf.write(nl, nl.initialPlacement(), out);
        spec.commandLine().getOut().println("wrote " + out.resolve(name + ".aux") + ": " + nl);
        return 0;
    }
}
