package org.chipplace.api.cli;

import java.nio.file.Path;
import java.util.List;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.chipplace.netlist.lefdef.DefDesign;
import org.chipplace.netlist.lefdef.LefDef;
import picocli.CommandLine.Option;

/**
 * The design options shared by {@code evaluate} and {@code place}: either a Bookshelf
 * {@code --aux D.aux}, or LEF libraries and a DEF ({@code --lef A.lef --lef B.lef --def D.def}).
 */
final class DesignInput {

    @Option(names = "--aux", paramLabel = "D.aux", description = "Bookshelf .aux of the design.")
    Path aux;

    @Option(names = "--lef", paramLabel = "A.lef", description = "LEF library (repeatable; tech LEF first). Needs --def.")
    List<Path> lefs;

    @Option(names = "--def", paramLabel = "D.def", description = "Floorplanned DEF of the design. Needs --lef.")
    Path def;

    /** A loaded design: its netlist and, for DEF input, the DEF to write back into. */
    record Loaded(Netlist netlist, DefDesign def) {
    }

    /** Reads the design named by the options; IllegalArgumentException when they are inconsistent. */
    Loaded load() {
        boolean lefDef = def != null || (lefs != null && !lefs.isEmpty());
        if (aux != null && lefDef) {
            throw new IllegalArgumentException("give either --aux or --lef/--def, not both");
        }
        if (aux != null) {
            return new Loaded(Bookshelf.read(aux), null);
        }
        if (def == null || lefs == null || lefs.isEmpty()) {
            throw new IllegalArgumentException(lefDef ? "--def needs at least one --lef, and --lef needs --def"
                    : "missing design: give --aux D.aux, or --lef A.lef ... --def D.def");
        }
        DefDesign design = LefDef.readDef(LefDef.readLef(lefs), def);
        return new Loaded(design.netlist(), design);
    }

    /** Description of the input for reports. */
    String describe() {
        return aux != null ? aux.toString() : "lef=" + lefs + " def=" + def;
    }
}
