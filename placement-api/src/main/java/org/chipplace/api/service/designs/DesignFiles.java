package org.chipplace.api.service.designs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.chipplace.api.service.ServiceErrors.BadRequest;

/**
 * Which files of an upload make up the design, told by their extensions (each optionally followed
 * by {@code .gz}): either Bookshelf, exactly one {@code .aux} through which the other files are
 * read, or LEF/DEF, exactly one {@code .def} and at least one {@code .lef}, the LEFs read in upload
 * order (technology LEF first, as on the command line). A mix of both formats, several
 * {@code .aux} or {@code .def} files, a {@code .def} without any {@code .lef} or {@code .lef}
 * files without a {@code .def} are a {@link BadRequest} (400) naming the files. A Circuit Training
 * netlist is exactly one {@code .pb.txt} (or {@code .pb}), optionally with a floorplan: one
 * {@code .def} and its {@code .lef} files.
 *
 * @param format the design's format
 * @param main   path of the {@code .aux}, of the {@code .def}, or of the {@code .pb.txt}
 * @param lefs   paths of the LEF files in reading order; empty for Bookshelf; for a Circuit Training
 *               netlist with a floorplan, the LEFs followed by the floorplan DEF (the one {@code .def})
 */
record DesignFiles(DesignFormat format, String main, List<String> lefs) {
    /** LEF/DEF file extensions (optionally followed by {@code .gz}). */
    static final List<String> LEFDEF = List.of(".lef", ".def");

    DesignFiles {
        lefs = List.copyOf(lefs);
    }

    /** Classifies the uploaded paths, given in upload order. */
    static DesignFiles of(Collection<String> paths) {
        List<String> bookshelf = new ArrayList<>();
        List<String> auxes = new ArrayList<>();
        List<String> lefs = new ArrayList<>();
        List<String> defs = new ArrayList<>();
        List<String> pbs = new ArrayList<>();
        for (String p : paths) {
            String n = stripGz(p.toLowerCase(Locale.ROOT));
            if (isPb(n)) {
                pbs.add(p);
            } else if (n.endsWith(".lef")) {
                lefs.add(p);
            } else if (n.endsWith(".def")) {
                defs.add(p);
            } else {
                bookshelf.add(p);
                if (n.endsWith(".aux")) {
                    auxes.add(p);
                }
            }
        }
        if (!pbs.isEmpty()) {
            return circuitTraining(pbs, bookshelf, lefs, defs);
        }
        if (lefs.isEmpty() && defs.isEmpty()) {
            if (auxes.size() != 1) {
                throw new BadRequest("expected exactly one .aux file in the upload, found " + auxes.size()
                        + (auxes.isEmpty() ? "" : " " + auxes));
            }
            return new DesignFiles(DesignFormat.BOOKSHELF, auxes.get(0), List.of());
        }
        if (!bookshelf.isEmpty()) {
            List<String> lefDef = new ArrayList<>(lefs);
            lefDef.addAll(defs);
            throw new BadRequest("an upload holds one design in one format, found Bookshelf files " + bookshelf
                    + " and LEF/DEF files " + lefDef);
        }
        if (defs.size() > 1) {
            throw new BadRequest("expected exactly one .def file in the upload, found " + defs.size() + " " + defs);
        }
        if (defs.isEmpty()) {
            throw new BadRequest("LEF files " + lefs + " without a .def: upload the LEF libraries and one "
                    + "floorplanned .def");
        }
        if (lefs.isEmpty()) {
            throw new BadRequest("a .def needs its LEF libraries: found " + defs.get(0) + " but no .lef file "
                    + "(upload the technology LEF and the cell and macro LEFs with it)");
        }
        return new DesignFiles(DesignFormat.LEFDEF, defs.get(0), lefs);
    }

    private static DesignFiles circuitTraining(List<String> pbs, List<String> bookshelf, List<String> lefs,
                                               List<String> defs) {
        if (pbs.size() != 1) {
            throw new BadRequest("expected exactly one .pb.txt netlist in the upload, found " + pbs.size() + " " + pbs);
        }
        if (!bookshelf.isEmpty()) {
            throw new BadRequest("an upload holds one design in one format, found Bookshelf files " + bookshelf
                    + " with the Circuit Training netlist " + pbs.get(0));
        }
        if (defs.size() > 1) {
            throw new BadRequest("expected at most one floorplan .def with " + pbs.get(0) + ", found " + defs);
        }
        if (defs.isEmpty() != lefs.isEmpty()) {
            throw new BadRequest(defs.isEmpty() ? "LEF files " + lefs + " without a floorplan .def"
                    : "a floorplan .def needs its LEF libraries: found " + defs.get(0) + " but no .lef file");
        }
        List<String> floorplan = new ArrayList<>(lefs);
        floorplan.addAll(defs);
        return new DesignFiles(DesignFormat.CIRCUIT_TRAINING, pbs.get(0), floorplan);
    }

    /** Whether {@code lowerName} (without {@code .gz}) is a Circuit Training netlist ({@code .pb.txt} or {@code .pb}). */
    static boolean isPb(String lowerName) {
        String n = stripGz(lowerName);
        return n.endsWith(".pb.txt") || n.endsWith(".pb");
    }

    /** Whether {@code path} names a DEF file (optionally gzipped; case ignored). */
    static boolean isDef(String path) {
        return stripGz(path.toLowerCase(Locale.ROOT)).endsWith(".def");
    }

    /** Whether {@code lowerName} is a LEF or DEF file (optionally gzipped). */
    static boolean isLefDef(String lowerName) {
        String n = stripGz(lowerName);
        return n.endsWith(".lef") || n.endsWith(".def");
    }

    private static String stripGz(String lowerName) {
        return lowerName.endsWith(".gz") ? lowerName.substring(0, lowerName.length() - 3) : lowerName;
    }
}
