package org.chipplace.api.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.chipplace.netlist.circuittraining.CircuitTraining;
import org.chipplace.netlist.synthetic.SyntheticCircuits;
import org.chipplace.netlist.synthetic.SyntheticOptions;

/** Training designs for the {@code dataset}, {@code train} and {@code train-encoder} commands. */
final class SyntheticDesigns {
    private SyntheticDesigns() {
    }

    /** Reads Bookshelf designs. */
    static List<Netlist> read(List<Path> aux) {
        List<Netlist> list = new ArrayList<>();
        for (Path p : aux) {
            list.add(Bookshelf.read(p));
        }
        return list;
    }

    /**
     * A Circuit Training netlist ({@code --pb}), with its floorplan DEF and LEFs when given (die, rows and
     * sites), as {@code place --pb} reads it; none when {@code pb} is null.
     */
    static List<Netlist> readPb(Path pb, Path def, List<Path> lefs) {
        boolean lefDef = def != null || (lefs != null && !lefs.isEmpty());
        if (pb == null) {
            if (lefDef) {
                throw new IllegalArgumentException("--def and --lef go with --pb here");
            }
            return List.of();
        }
        if (lefDef && (def == null || lefs == null || lefs.isEmpty())) {
            throw new IllegalArgumentException("--def needs at least one --lef, and --lef needs --def");
        }
        return List.of(CircuitTraining.read(pb, lefs == null ? List.of() : lefs, def).netlist());
    }

    /** N circuits with sizes, utilisations and Rent exponents drawn from the seed. */
    static List<Netlist> generate(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("--synthetic must be >= 1, got " + n);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Netlist> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int macros = 8 + rnd.nextInt(57);
            int cells = macros * (10 + rnd.nextInt(21));
            int pads = 16 + rnd.nextInt(49);
            double util = 0.5 + 0.3 * rnd.nextDouble();
            double macroFraction = 0.3 + 0.4 * rnd.nextDouble();
            SyntheticOptions o = new SyntheticOptions(macros, cells, (int) (1.3 * (cells + macros)) + pads, pads,
                    util, macroFraction, 0.5 + 0.2 * rnd.nextDouble());
            list.add(SyntheticCircuits.generate("syn" + i, o, rnd.nextLong()));
        }
        return list;
    }
}
