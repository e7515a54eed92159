package org.chipplace.netlist.circuittraining;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chipplace.netlist.lefdef.LefLibrary;

/**
 * The {@code NETS} section {@link PbToLefDef} builds from a Circuit Training netlist: one DEF net per
 * node with inputs (the driver) and its input list (the sinks), in file order.
 *
 * <p>Connections: a port is {@code ( PIN name )}; a macro pin node {@code macro/pin} is
 * {@code ( macro pin )} (the pin must exist in the macro's LEF); a standard cell is
 * {@code ( cell PIN )} with, for the driver, its master's first {@code OUTPUT} pin and, for a sink,
 * the master's {@code INPUT} pins assigned round-robin in the order the cell is met as a sink over
 * the whole file (a sink beyond the master's input count reuses a pin and is counted in
 * {@link #reusedInputPins}). {@code POWER}/{@code GROUND} pins are never used; a master without
 * output (or input) pins uses its first other pin. Sinks naming no node, a macro node itself, an
 * unknown port or an unknown macro pin are dropped and counted; duplicate connections within a net
 * are dropped; nets left with fewer than two connections are skipped.
 *
 * <p>Names: a net is named after its driver, except that a net reaching a port that the driver is
 * not takes the (first) port's name, as the floorplan's {@code PINS ... + NET name} names it, ahead of
 * a net the port itself drives (Circuit Training lists an output port as a driver of itself and,
 * for a few, of some cells); clashes get a {@code _k} suffix. Component names are those of {@link PbToLefDef#componentNames}.
 */
final class PbDefNets {
    /** Master pins of a standard cell: {output, first other pin} and its input pins. */
    private record CellPins(String output, String any, String[] inputs) {
    }

    private final PbTextReader r;
    private final Map<String, Integer> index;
    private final String[] comp;
    private final String[] master;
    private final LefLibrary lib;
    private final Set<String> ioPins;
    private final Map<String, CellPins> cellPins = new HashMap<>();
    private final int[] sinkUses;

    int nets;
    int pins;
    int skippedNets;
    int reusedInputPins;
    int unknownSinks;
    int unknownPorts;
    int unknownMacroPins;
    int macroNodeConnections;
    int duplicateConnections;
    final List<String> problems = new ArrayList<>();

    PbDefNets(PbTextReader r, Map<String, Integer> index, String[] comp, String[] master, LefLibrary lib,
              Set<String> ioPins) {
        this.r = r;
        this.index = index;
        this.comp = comp;
        this.master = master;
        this.lib = lib;
        this.ioPins = ioPins;
        this.sinkUses = new int[r.n];
    }

    /** Builds the whole {@code NETS ... END NETS} section (ISO-8859-1 text). */
    byte[] build() {
        List<String> bases = new ArrayList<>();
        List<Integer> priority = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> conns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        StringBuilder sb = new StringBuilder(256);
        for (int v = 0; v < r.n; v++) {
            int s = r.inStart[v];
            int e = r.inStart[v + 1];
            if (e == s) {
                continue;
            }
            conns.clear();
            seen.clear();
            String port = null;
            add(conns, seen, connection(v, true));
            for (int k = s; k < e; k++) {
                Integer u = index.get(r.inputs[k]);
                if (u == null) {
                    unknownSinks++;
                    problem("sink '" + r.inputs[k] + "' of " + r.name[v] + " is no node of the .pb");
                    continue;
                }
                if (add(conns, seen, connection(u, false)) && port == null && r.type[u] == PbTextReader.PORT
                        && r.type[v] != PbTextReader.PORT) {
                    port = r.name[u];
                }
            }
            if (conns.size() < 2) {
                skippedNets++;
                continue;
            }
            // a net driving an output port claims the port's name before a port-driven net does
            boolean portDriver = r.type[v] == PbTextReader.PORT;
            bases.add(portDriver ? r.name[v] : port != null ? port : PbToLefDef.escape(r.name[v]));
            priority.add(port != null ? 0 : portDriver ? 1 : 2);
            sb.setLength(0);
            for (int i = 0; i < conns.size(); i++) {
                sb.append(i % 4 == 0 ? "\n  " : " ").append(conns.get(i));
            }
            texts.add(sb.toString());
            pins += conns.size();
        }
        nets = texts.size();
        String[] names = new String[nets];
        Set<String> used = new HashSet<>();
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < nets; i++) {
                if (priority.get(i) != pass) {
                    continue;
                }
                String name = bases.get(i);
                for (int k = 1; !used.add(name); k++) {
                    name = bases.get(i) + "_" + k;
                }
                names[i] = name;
            }
        }
        StringBuilder out = new StringBuilder(1 << 20).append("NETS ").append(nets).append(" ;\n");
        for (int i = 0; i < nets; i++) {
            out.append("- ").append(names[i]).append(texts.get(i)).append(" ;\n");
        }
        out.append("END NETS\n\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private boolean add(List<String> conns, Set<String> seen, String c) {
        if (c == null) {
            return false;
        }
        if (!seen.add(c)) {
            duplicateConnections++;
            return false;
        }
        conns.add(c);
        return true;
    }

    private void problem(String s) {
        if (problems.size() < 20) {
            problems.add(s);
        }
    }

    /** The DEF connection of node {@code u} as the net's driver or a sink, or null when it has none. */
    private String connection(int u, boolean driver) {
        String name = r.name[u];
        switch (r.type[u]) {
            case PbTextReader.PORT -> {
                if (!ioPins.contains(name)) {
                    unknownPorts++;
                    problem("port '" + name + "' is not in the floorplan's PINS");
                    return null;
                }
                return "( PIN " + name + " )";
            }
            case PbTextReader.MACRO_PIN -> {
                return macroPin(u);
            }
            case PbTextReader.STDCELL -> {
                return "( " + comp[u] + " " + cellPin(u, driver) + " )";
            }
            default -> {
                macroNodeConnections++;
                problem("macro node '" + name + "' named as a net end (not one of its pins)");
                return null;
            }
        }
    }

    private String macroPin(int u) {
        String name = r.name[u];
        String macro = r.macroName[u];
        if (macro == null || !name.startsWith(macro + "/")) {
            int slash = name.lastIndexOf('/');
            macro = slash < 0 ? "" : name.substring(0, slash);
        }
        Integer m = index.get(macro);
        String pin = name.substring(Math.min(name.length(), macro.length() + 1));
        if (m == null || r.type[m] != PbTextReader.MACRO
                || !lib.macros().get(master[m]).pins().containsKey(pin)) {
            unknownMacroPins++;
            problem("macro pin '" + name + "': no macro '" + macro + "' with LEF pin '" + pin + "'");
            return null;
        }
        return "( " + comp[m] + " " + pin + " )";
    }

    private String cellPin(int u, boolean driver) {
        CellPins p = cellPins.computeIfAbsent(master[u], k -> pinsOf(lib.macros().get(k)));
        if (driver) {
            return p.output != null ? p.output : p.any;
        }
        if (p.inputs.length == 0) {
            return p.any;
        }
        int k = sinkUses[u]++;
        if (k >= p.inputs.length) {
            reusedInputPins++;
        }
        return p.inputs[k % p.inputs.length];
    }

    /** The signal pins of a standard-cell master (power and ground pins left out). */
    static CellPins pinsOf(LefLibrary.Macro m) {
        String output = null;
        String any = null;
        List<String> inputs = new ArrayList<>();
        for (LefLibrary.Pin p : m.pins().values()) {
            if ("POWER".equalsIgnoreCase(p.use()) || "GROUND".equalsIgnoreCase(p.use())) {
                continue;
            }
            if (any == null) {
                any = p.name();
            }
            if (output == null && "OUTPUT".equalsIgnoreCase(p.direction())) {
                output = p.name();
            }
            if ("INPUT".equalsIgnoreCase(p.direction())) {
                inputs.add(p.name());
            }
        }
        if (any == null) {
            throw new IllegalArgumentException("LEF macro " + m.name() + " has no signal pin");
        }
        return new CellPins(output, any, inputs.toArray(new String[0]));
    }
}
