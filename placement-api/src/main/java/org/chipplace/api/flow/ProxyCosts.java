package org.chipplace.api.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chipplace.metrics.ProxyCost;
import org.chipplace.metrics.ProxyCostOptions;
import org.chipplace.metrics.ProxyCostReport;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.circuittraining.CtDesign;
import org.chipplace.netlist.circuittraining.PlcFile;
import org.chipplace.netlist.lefdef.DefDesign;

/**
 * Circuit Training's proxy cost ({@link ProxyCost}) as the {@code place} and {@code evaluate}
 * commands and the service measure it: CT's default options ({@link ProxyCostOptions#defaults()}),
 * the design's units per micron (a CT design's or the DEF's database units; 1 for Bookshelf, whose
 * units are taken as microns), the canvas of a CT design (else the core), and the grid, routing
 * resources and smoothing a {@code .plc} header states.
 */
public final class ProxyCosts {
    private ProxyCosts() {
    }

    /** Options for a design: CT's defaults in the design's units, overridden by {@code plc}'s header when given. */
    public static ProxyCostOptions options(DefDesign def, CtDesign ct, PlcFile plc) {
        double units = ct != null ? ct.dbuPerMicron() : def != null ? def.dbuPerMicron() : 1.0;
        ProxyCostOptions o = ProxyCostOptions.defaults().withUnitsPerMicron(units);
        if (plc != null) {
            if (plc.columns() > 0 && plc.rows() > 0) {
                o = o.withGrid(plc.columns(), plc.rows());
            }
            if (plc.hRoutesPerMicron() > 0 && plc.vRoutesPerMicron() > 0) {
                o = o.withRoutesPerMicron(plc.hRoutesPerMicron(), plc.vRoutesPerMicron());
            }
            if (plc.hMacroAlloc() >= 0 && plc.vMacroAlloc() >= 0) {
                o = o.withMacroAlloc(plc.hMacroAlloc(), plc.vMacroAlloc());
            }
            if (plc.smoothing() >= 0) {
                o = o.withSmoothRange(plc.smoothing());
            }
        }
        return o;
    }

    /** The proxy cost of {@code p}: over a CT design's canvas, else over the core. */
    public static ProxyCostReport compute(Netlist nl, Placement p, CtDesign ct, ProxyCostOptions o) {
        if (ct != null) {
            double[] c = ct.canvas();
            if (c[2] > c[0] && c[3] > c[1]) {
                return ProxyCost.compute(nl, p, c, o);
            }
        }
        if (!(nl.coreXh() > nl.coreXl() && nl.coreYh() > nl.coreYl())) {
            return null;
        }
        return ProxyCost.compute(nl, p, o);
    }

    /** {@code .plc} header lines stating the evaluation parameters and the costs (as CT writes them). */
    public static List<String> plcHeader(ProxyCostOptions o, ProxyCostReport r, double hpwlMicrons) {
        List<String> h = new ArrayList<>();
        h.add("Columns : " + o.gridColumns() + "  Rows : " + o.gridRows());
        h.add(String.format(Locale.ROOT, "Wirelength : %.3f", hpwlMicrons));
        if (r != null) {
            h.add(String.format(Locale.ROOT, "Wirelength cost : %.4f", r.wirelength()));
            h.add(String.format(Locale.ROOT, "Congestion cost : %.4f", r.congestion()));
            h.add(String.format(Locale.ROOT, "Density cost : %.4f", r.density()));
            h.add(String.format(Locale.ROOT, "Proxy cost : %.4f", r.total()));
        }
        h.add("Project : circuit_training");
        h.add(String.format(Locale.ROOT, "Routes per micron, hor : %s  ver : %s", o.hRoutesPerMicron(), o.vRoutesPerMicron()));
        h.add(String.format(Locale.ROOT, "Routes used by macros, hor : %s  ver : %s", o.hMacroAlloc(), o.vMacroAlloc()));
        h.add("Smoothing factor : " + o.smoothRange());
        return h;
    }
}
