package org.chipplace.placer.global;

import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.synthetic.SyntheticCircuits;
import org.chipplace.netlist.synthetic.SyntheticOptions;

/**
 * Standard-cell designs for the global-placement tests and the benchmark, from the shared generator
 * {@link SyntheticCircuits}: no macros, one net per cell plus one per pad, Rent exponent 0.6 (local
 * nets, so that a good placement has far less wirelength than a random one).
 */
final class SyntheticDesigns {
    private SyntheticDesigns() {
    }

    static Netlist cells(int numCells, int numPads, double utilisation, long seed) {
        SyntheticOptions o = new SyntheticOptions(0, numCells, numCells + numPads, numPads, utilisation, 0, 0.6);
        return SyntheticCircuits.generate("synthetic" + numCells, o, seed);
    }

    /**
     * Scatters the movable nodes of {@code nl} uniformly over the core in {@code p} (seeded), so that an
     * object order by position differs from the netlist's; returns which nodes are movable.
     */
    static boolean[] scatter(Netlist nl, Placement p, long seed) {
        boolean[] mv = new boolean[nl.numNodes()];
        SplittableRandom r = new SplittableRandom(seed);
        for (int v = 0; v < mv.length; v++) {
            mv[v] = nl.isMovable(v);
            if (mv[v]) {
                p.x()[v] = nl.coreXl() + r.nextDouble() * (nl.coreXh() - nl.coreXl() - nl.widths()[v]);
                p.y()[v] = nl.coreYl() + r.nextDouble() * (nl.coreYh() - nl.coreYl() - nl.heights()[v]);
            }
        }
        return mv;
    }
}
