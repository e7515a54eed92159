package org.chipplace.placer.global;

import org.chipplace.netlist.Netlist;
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
}
