package org.chipplace.netlist.circuittraining;

import java.util.HashMap;
import java.util.Map;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.NetlistParseException;
import org.chipplace.netlist.Row;
import org.chipplace.netlist.lefdef.DefDesign;

/**
 * Turns the arrays of a {@link PbTextReader} into a {@link CtDesign} (see
 * {@link CircuitTraining#read} for the mapping). Single use.
 */
final class CtNetlistAssembler {
    private final PbTextReader r;
    private final double dbu;
    private final DefDesign def;

    CtNetlistAssembler(PbTextReader r, double dbuPerMicron, DefDesign floorplan) {
        this.r = r;
        this.dbu = dbuPerMicron;
        this.def = floorplan;
    }

    /** Microns to database units, snapped to a 1e-6 grid. */
    private double toDbu(double microns) {
        return Math.rint(microns * dbu * 1e6) / 1e6;
    }

    private static boolean quarterTurn(String o) {
        return o != null && (o.equals("E") || o.equals("W") || o.equals("FE") || o.equals("FW"));
    }

    CtDesign build(String designName) {
        int n = r.n;
        Map<String, Integer> byName = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            if (byName.putIfAbsent(r.name[i], i) != null) {
                throw new NetlistParseException(r.file, r.nodeLine[i], "duplicate node name " + r.name[i]
                        + " (first at line " + r.nodeLine[byName.get(r.name[i])] + ")");
            }
        }
        NetlistBuilder nb = new NetlistBuilder(designName);
        // macros the floorplan DEF places (PLACED: start there; FIXED: stay there) and their halos
        Map<String, Integer> fpComp = new HashMap<>();
        if (def != null) {
            for (int k = 0; k < def.components().size(); k++) {
                fpComp.put(def.components().get(k).name().replace("\\", ""), k);
            }
        }
        int[] macroOf = macroOf(byName);
        String[] frame = offsetFrames(macroOf, fpComp);
        int[] from = new int[n]; // per macro: orientation of its .pb pin offsets
        int[] to = new int[n]; // per macro: orientation the netlist gives it (the DEF's when the DEF places it)
        int[] nodeOf = new int[n]; // pb index -> netlist node (a macro pin: its macro's node)
        int[] pbOf = new int[n];
        int nodes = 0;
        double[] bbox = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < n; i++) {
            byte t = r.type[i];
            if (t == PbTextReader.MACRO_PIN) {
                continue;
            }
            double cx = toDbu(r.x[i]), cy = toDbu(r.y[i]);
            int v;
            String o = r.orient[i] == null ? "N" : r.orient[i];
            if (t == PbTextReader.PORT) {
                v = nb.addFixed(r.name[i], 0, 0, true);
                nb.setPosition(v, cx, cy, "N");
            } else {
                Integer k = t == PbTextReader.MACRO ? fpComp.get(r.name[i]) : null;
                DefDesign.Component c = k == null ? null : def.components().get(k);
                boolean placed = c != null && !"UNPLACED".equals(c.status());
                if (t == PbTextReader.MACRO && frame[i] != null) {
                    o = frame[i]; // the orientation the pin offsets say, over the attr
                }
                String fin = placed ? c.orient() : o;
                from[i] = CtPinFrames.code(o);
                to[i] = CtPinFrames.code(fin);
                double w = toDbu(r.w[i]), h = toDbu(r.h[i]);
                if (quarterTurn(to[i] >= 0 ? fin : o)) {
                    double s = w;
                    w = h;
                    h = s;
                }
                if (!(w >= 0 && h >= 0)) {
                    throw new NetlistParseException(r.file, r.nodeLine[i], "node " + r.name[i] + ": negative size");
                }
                if (placed) {
                    v = c.isFixed() ? nb.addFixed(r.name[i], w, h, false) : nb.addMovable(r.name[i], w, h);
                    if (!c.isFixed()) {
                        nb.setMacro(v);
                    }
                    nb.setPosition(v, c.x(), c.y(), c.orient());
                    if (def.netlist().hasHalo(k)) {
                        double[] hl = def.netlist().halos();
                        nb.setHalo(v, hl[4 * k], hl[4 * k + 1], hl[4 * k + 2], hl[4 * k + 3]);
                    }
                } else {
                    v = nb.addMovable(r.name[i], w, h);
                    if (t == PbTextReader.MACRO) {
                        nb.setMacro(v);
                    } else {
                        nb.setStandardCell(v);
                    }
                    nb.setPosition(v, cx - w / 2, cy - h / 2, o);
                }
                bbox[0] = Math.min(bbox[0], cx - w / 2);
                bbox[1] = Math.min(bbox[1], cy - h / 2);
                bbox[2] = Math.max(bbox[2], cx + w / 2);
                bbox[3] = Math.max(bbox[3], cy + h / 2);
            }
            bbox[0] = Math.min(bbox[0], cx);
            bbox[1] = Math.min(bbox[1], cy);
            bbox[2] = Math.max(bbox[2], cx);
            bbox[3] = Math.max(bbox[3], cy);
            nodeOf[i] = v;
            pbOf[nodes++] = i;
        }
        double[] pinDx = new double[n], pinDy = new double[n];
        for (int i = 0; i < n; i++) {
            if (r.type[i] != PbTextReader.MACRO_PIN) {
                continue;
            }
            String m = r.macroName[i];
            int line = r.macroNameLine[i];
            if (m == null) { // as Circuit Training: the name up to the last '/'
                int slash = r.name[i].lastIndexOf('/');
                m = slash > 0 ? r.name[i].substring(0, slash) : "";
                line = r.nodeLine[i];
            }
            Integer mi = byName.get(m);
            if (mi == null || r.type[mi] != PbTextReader.MACRO) {
                throw new NetlistParseException(r.file, line, "macro pin " + r.name[i] + ": "
                        + (mi == null ? "unknown macro '" + m + "'" : "'" + m + "' is not a macro"));
            }
            nodeOf[i] = nodeOf[mi];
            double dx = toDbu(Double.isNaN(r.xOff[i]) ? r.x[i] - r.x[mi] : r.xOff[i]);
            double dy = toDbu(Double.isNaN(r.yOff[i]) ? r.y[i] - r.y[mi] : r.yOff[i]);
            // from the offsets' frame to the macro's orientation (the floorplan DEF's): its pins follow
            double[] d = CtPinFrames.transform(from[mi], to[mi], dx, dy);
            pinDx[i] = d[0];
            pinDy[i] = d[1];
        }
        for (int i = 0; i < n; i++) {
            int s = r.inStart[i], e = r.inStart[i + 1];
            if (s == e) {
                continue;
            }
            nb.addNet(r.name[i], r.weight[i]);
            nb.addPin(nodeOf[i], pinDx[i], pinDy[i], Netlist.DIR_OUTPUT);
            for (int k = s; k < e; k++) {
                Integer j = byName.get(r.inputs[k]);
                if (j == null) {
                    throw new NetlistParseException(r.file, r.inputLine[k], "unknown node '" + r.inputs[k]
                            + "' in the inputs of " + r.name[i]);
                }
                nb.addPin(nodeOf[j], pinDx[j], pinDy[j], Netlist.DIR_INPUT);
            }
        }
        double[] canvas = canvas(bbox);
        if (def != null) {
            for (Row row : def.netlist().rows()) {
                nb.addRow(row);
            }
        } else if (!deriveRows(nb, canvas)) {
            nb.setCore(canvas[0], canvas[1], canvas[2], canvas[3]);
        }
        Netlist nl = nb.build();
        String[] refs = new String[nodes];
        for (int v = 0; v < nodes; v++) {
            refs[v] = r.refName[pbOf[v]];
        }
        return new CtDesign(nl, dbu, java.util.Arrays.copyOf(pbOf, nodes), n, canvas, def, r.file, refs);
    }

    /** The macro (pb index) of each macro pin, as the pin loop of {@link #build} finds it; -1 for others. */
    private int[] macroOf(Map<String, Integer> byName) {
        int[] of = new int[r.n];
        for (int i = 0; i < r.n; i++) {
            of[i] = -1;
            if (r.type[i] != PbTextReader.MACRO_PIN) {
                continue;
            }
            String m = r.macroName[i];
            if (m == null) {
                int slash = r.name[i].lastIndexOf('/');
                m = slash > 0 ? r.name[i].substring(0, slash) : "";
            }
            Integer mi = byName.get(m);
            if (mi != null && r.type[mi] == PbTextReader.MACRO) {
                of[i] = mi;
            }
        }
        return of;
    }

    /**
     * Per macro, the orientation its {@code .pb} pin offsets are given in when the LEFs of the floorplan
     * DEF settle it ({@link CtPinFrames#infer}); null where the attr holds (always without a DEF).
     */
    private String[] offsetFrames(int[] macroOf, Map<String, Integer> fpComp) {
        if (def == null || def.library() == null) {
            return new String[r.n];
        }
        String[] master = new String[r.n];
        for (int i = 0; i < r.n; i++) {
            if (r.type[i] == PbTextReader.MACRO) {
                Integer k = fpComp.get(r.name[i]);
                master[i] = k != null ? def.components().get(k).macro() : r.refName[i];
            }
        }
        return CtPinFrames.infer(r, macroOf, master, def.library());
    }

    private double[] canvas(double[] bbox) {
        if (def != null) {
            return def.dieArea();
        }
        if (r.fpBox != null) {
            double[] c = new double[4];
            for (int k = 0; k < 4; k++) {
                c[k] = toDbu(r.fpBox[k]);
            }
            return c;
        }
        if (bbox[0] > bbox[2]) {
            return new double[] {0, 0, 0, 0};
        }
        return bbox;
    }

    /**
     * Rows over the canvas without a DEF: height the most common standard-cell height, site width the
     * greatest common divisor of the standard-cell widths (in whole database units; the narrowest
     * width when they are not whole), orientations alternating N, FS from the bottom. False when
     * there are no standard cells.
     */
    private boolean deriveRows(NetlistBuilder nb, double[] canvas) {
        Map<Double, Integer> heights = new HashMap<>();
        long gcd = 0;
        boolean whole = true;
        double minW = Double.MAX_VALUE;
        for (int i = 0; i < r.n; i++) {
            if (r.type[i] != PbTextReader.STDCELL) {
                continue;
            }
            double w = toDbu(r.w[i]), h = toDbu(r.h[i]);
            if (w > 0) {
                minW = Math.min(minW, w);
                if (w == Math.rint(w)) {
                    gcd = gcd(gcd, (long) w);
                } else {
                    whole = false;
                }
            }
            if (h > 0) {
                heights.merge(h, 1, Integer::sum);
            }
        }
        if (heights.isEmpty() || minW == Double.MAX_VALUE) {
            return false;
        }
        double rh = heights.entrySet().stream()
                .max((a, b) -> a.getValue().equals(b.getValue()) ? Double.compare(b.getKey(), a.getKey())
                        : Integer.compare(a.getValue(), b.getValue())).orElseThrow().getKey();
        double site = whole && gcd > 0 ? gcd : minW;
        int numRows = (int) Math.floor((canvas[3] - canvas[1]) / rh + 1e-9);
        int numSites = (int) Math.floor((canvas[2] - canvas[0]) / site + 1e-9);
        if (numRows <= 0 || numSites <= 0) {
            return false;
        }
        for (int k = 0; k < numRows; k++) {
            nb.addRow(new Row(canvas[1] + k * rh, rh, site, site, canvas[0], numSites, k % 2 == 0 ? "N" : "FS"));
        }
        return true;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
