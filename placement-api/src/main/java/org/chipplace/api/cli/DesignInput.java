package org.chipplace.api.cli;

import java.nio.file.Path;
import java.util.List;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.chipplace.netlist.circuittraining.CircuitTraining;
import org.chipplace.netlist.circuittraining.CtDesign;
import org.chipplace.netlist.lefdef.DefDesign;
import org.chipplace.netlist.lefdef.LefDef;
import picocli.CommandLine.Option;

/**
 * The design options shared by {@code evaluate} and {@code place}: either a Bookshelf
 * {@code --aux D.aux}, or LEF libraries and a DEF ({@code --lef A.lef --lef B.lef --def D.def}), or a
 * Circuit Training netlist {@code --pb D.pb.txt[.gz]}, optionally with a floorplan DEF and its LEFs
 * (die, rows and sites).
 */
final class DesignInput {

    @Option(names = "--aux", paramLabel = "D.aux", description = "Bookshelf .aux of the design.")
    Path aux;

    @Option(names = "--lef", paramLabel = "A.lef", description = "LEF library (repeatable; tech LEF first). Needs --def.")
    List<Path> lefs;

    @Option(names = "--def", paramLabel = "D.def", description = "Floorplanned DEF of the design. Needs --lef.")
    Path def;

    @Option(names = "--pb", paramLabel = "D.pb.txt", description = "Circuit Training netlist (.pb.txt or .pb.txt.gz); "
            + "with --def/--lef, the DEF gives die, rows and sites.")
    Path pb;

    /**
     * A loaded design: its netlist and, for DEF input, the DEF to write back into; for Circuit
     * Training input, the {@link CtDesign} (then {@code def} is null: the floorplan DEF has no
     * components to write back).
     */
    record Loaded(Netlist netlist, DefDesign def, CtDesign ct) {
        Loaded(Netlist netlist, DefDesign def) {
            this(netlist, def, null);
        }
    }

    /** Reads the design named by the options; IllegalArgumentException when they are inconsistent. */
    Loaded load() {
        boolean lefDef = def != null || (lefs != null && !lefs.isEmpty());
        if (pb != null) {
            if (aux != null) {
                throw new IllegalArgumentException("give either --aux or --pb, not both");
            }
            if (lefDef && (def == null || lefs == null || lefs.isEmpty())) {
                throw new IllegalArgumentException("--def needs at least one --lef, and --lef needs --def");
            }
            CtDesign ct = CircuitTraining.read(pb, lefs == null ? List.of() : lefs, def);
            return new Loaded(ct.netlist(), null, ct);
        }
        if (aux != null && lefDef) {
            throw new IllegalArgumentException("give either --aux or --lef/--def, not both");
        }
        if (aux != null) {
            return new Loaded(Bookshelf.read(aux), null);
        }
        if (def == null || lefs == null || lefs.isEmpty()) {
            throw new IllegalArgumentException(lefDef ? "--def needs at least one --lef, and --lef needs --def"
                    : "missing design: give --aux D.aux, --lef A.lef ... --def D.def, or --pb D.pb.txt");
        }
        DefDesign design = LefDef.readDef(LefDef.readLef(lefs), def);
        return new Loaded(design.netlist(), design);
    }

    /** Description of the input for reports. */
    String describe() {
        if (pb != null) {
            return def == null ? pb.toString() : "pb=" + pb + " lef=" + lefs + " def=" + def;
        }
        return aux != null ? aux.toString() : "lef=" + lefs + " def=" + def;
    }
}
