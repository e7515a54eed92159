package org.chipplace.api.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.chipplace.netlist.synthetic.SyntheticCircuits;
import org.chipplace.netlist.synthetic.SyntheticOptions;

/** Training designs for the {@code dataset} and {@code train-encoder} commands. */
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
