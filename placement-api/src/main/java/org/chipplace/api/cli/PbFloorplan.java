package org.chipplace.api.cli;

import java.nio.file.Path;
import java.util.List;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.circuittraining.CircuitTraining;
import picocli.CommandLine.Option;

/**
 * The floorplan options that go with a Circuit Training netlist ({@code --pb}) in {@code dataset generate}
 * and {@code train}: its DEF and LEFs (die, rows and sites), read as {@code place --pb} reads them.
 */
final class PbFloorplan {
    @Option(names = "--def", paramLabel = "FP.def", description = "With --pb: its floorplan DEF (needs --lef).")
    Path def;

    @Option(names = "--lef", paramLabel = "A.lef", description = "With --pb: LEF library (repeatable; tech LEF first).")
    List<Path> lefs;

    /** Whether {@code --def} or {@code --lef} was given. */
    boolean given() {
        return def != null || (lefs != null && !lefs.isEmpty());
    }

    /**
     * The netlist {@code pb} with this floorplan; none when {@code pb} is null.
     *
     * @throws IllegalArgumentException for a floorplan without {@code --pb}, or {@code --def} without {@code --lef}
     *                                  or the reverse
     */
    List<Netlist> read(Path pb) {
        if (pb == null) {
            if (given()) {
                throw new IllegalArgumentException("--def and --lef go with --pb here");
            }
            return List.of();
        }
        if (given() && (def == null || lefs == null || lefs.isEmpty())) {
            throw new IllegalArgumentException("--def needs at least one --lef, and --lef needs --def");
        }
        return List.of(CircuitTraining.read(pb, lefs == null ? List.of() : lefs, def).netlist());
    }
}
