package org.chipplace.netlist.circuittraining;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;
import org.chipplace.netlist.lefdef.DefDesign;
import org.chipplace.netlist.lefdef.LefDef;

/**
 * The placed DEF of a Circuit Training design read with a floorplan DEF: the floorplan's text with a
 * {@code COMPONENTS} section listing every macro and standard cell of the {@code .pb.txt} (see
 * {@link CircuitTraining#writeDef}).
 */
final class CtDefWriter {
    private CtDefWriter() {
    }

    static void write(CtDesign design, Placement p, Path out) {
        DefDesign fp = design.floorplan();
        if (fp == null) {
            throw new IllegalArgumentException("a placed DEF needs the floorplan DEF the design was read with");
        }
        Netlist nl = design.netlist();
        if (p.size() != nl.numNodes()) {
            throw new IllegalArgumentException("placement has " + p.size() + " nodes, design " + nl.numNodes());
        }
        Map<Double, String> rowOrient = new HashMap<>();
        for (Row r : nl.rows()) {
            rowOrient.putIfAbsent(r.y(), r.orient());
        }
        Map<String, DefDesign.Component> given = new HashMap<>();
        for (DefDesign.Component c : fp.components()) {
            given.put(c.name(), c);
        }
        List<DefDesign.Component> comps = new ArrayList<>();
        List<double[]> halos = new ArrayList<>();
        for (int v = 0; v < nl.numNodes(); v++) {
            NodeKind k = nl.kind(v);
            if (k == NodeKind.FIXED_NI) {
                continue; // ports: the floorplan's PINS
            }
            String ref = design.refName(v);
            if (ref == null) {
                throw new IllegalArgumentException("node " + nl.nodeNames()[v] + " has no ref_name: cannot write it to DEF");
            }
            String o = p.orient()[v] == null ? "N" : p.orient()[v];
            if (k == NodeKind.CELL) {
                o = LefDef.cellOrientation(o, rowOrient.get(p.y()[v]), nl.rowSpan(v));
            }
            DefDesign.Component old = given.get(nl.nodeNames()[v]);
            String status = k == NodeKind.FIXED ? (old != null && old.isFixed() ? old.status() : "FIXED") : "PLACED";
            comps.add(new DefDesign.Component(nl.nodeNames()[v], ref, status, p.x()[v], p.y()[v], o));
            halos.add(nl.hasHalo(v) ? java.util.Arrays.copyOfRange(nl.halos(), 4 * v, 4 * v + 4) : null);
        }
        LefDef.writeDef(fp, comps, halos, out);
    }
}
