package org.chipplace.netlist.bookshelf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;

/**
 * A deliberately naive second Bookshelf reader for tests (String.split, Double.parseDouble, maps
 * by name): computes counts and the unweighted HPWL straight from the text of .nodes, .pl and
 * .nets, independently of {@link Bookshelf}.
 */
final class IndependentBookshelf {
    final Map<String, double[]> size = new HashMap<>();
    final Map<String, double[]> pos = new HashMap<>();
    int terminals;
    int nets;
    int pins;
    double hpwl;

    IndependentBookshelf(Path aux) throws IOException {
        Path dir = aux.getParent();
        String[] names = Files.readString(aux).trim().split("\\s+");
        for (String n : names) {
            if (n.endsWith(".nodes")) {
                readNodes(dir.resolve(n));
            }
        }
        for (String n : names) {
            if (n.endsWith(".pl")) {
                readPl(dir.resolve(n));
            }
        }
        for (String n : names) {
            if (n.endsWith(".nets")) {
                readNets(dir.resolve(n));
            }
        }
    }

    private static List<String[]> lines(Path p) throws IOException {
        return Files.readAllLines(p, StandardCharsets.ISO_8859_1).stream().map(String::trim)
                .filter(s -> !s.isEmpty() && !s.startsWith("#") && !s.startsWith("UCLA"))
                .map(s -> s.replace(":", " : ").trim().split("\\s+")).toList();
    }

    private void readNodes(Path p) throws IOException {
        for (String[] t : lines(p)) {
            if (!t[0].startsWith("Num")) {
                size.put(t[0], new double[] {Double.parseDouble(t[1]), Double.parseDouble(t[2])});
                if (t.length > 3) {
                    terminals++;
                }
            }
        }
    }

    private void readPl(Path p) throws IOException {
        for (String[] t : lines(p)) {
            pos.put(t[0], new double[] {Double.parseDouble(t[1]), Double.parseDouble(t[2])});
        }
    }

    private void readNets(Path p) throws IOException {
        double xl = 0;
        double xh = 0;
        double yl = 0;
        double yh = 0;
        int left = 0;
        for (String[] t : lines(p)) {
            if (t[0].equals("NetDegree")) {
                nets++;
                left = Integer.parseInt(t[2]);
                xl = Double.POSITIVE_INFINITY;
                yl = Double.POSITIVE_INFINITY;
                xh = Double.NEGATIVE_INFINITY;
                yh = Double.NEGATIVE_INFINITY;
            } else if (!t[0].startsWith("Num")) {
                pins++;
                double[] s = size.get(t[0]);
                double[] xy = pos.getOrDefault(t[0], new double[2]);
                double dx = t.length > 2 ? Double.parseDouble(t[3]) : 0;
                double dy = t.length > 2 ? Double.parseDouble(t[4]) : 0;
                double px = xy[0] + s[0] / 2 + dx;
                double py = xy[1] + s[1] / 2 + dy;
                xl = Math.min(xl, px);
                xh = Math.max(xh, px);
                yl = Math.min(yl, py);
                yh = Math.max(yh, py);
                if (--left == 0) {
                    hpwl += (xh - xl) + (yh - yl);
                }
            }
        }
    }

    /** Unweighted HPWL from the netlist arrays, brute force. */
    static double hpwl(Netlist nl, Placement p) {
        double total = 0;
        int[] nps = nl.netPinStart();
        for (int e = 0; e < nl.numNets(); e++) {
            if (nl.netDegree(e) == 0) {
                continue;
            }
            double xl = Double.POSITIVE_INFINITY;
            double yl = Double.POSITIVE_INFINITY;
            double xh = Double.NEGATIVE_INFINITY;
            double yh = Double.NEGATIVE_INFINITY;
            for (int q = nps[e]; q < nps[e + 1]; q++) {
                int v = nl.pinNode()[q];
                double px = p.x()[v] + nl.widths()[v] / 2 + nl.pinDx()[q];
                double py = p.y()[v] + nl.heights()[v] / 2 + nl.pinDy()[q];
                xl = Math.min(xl, px);
                xh = Math.max(xh, px);
                yl = Math.min(yl, py);
                yh = Math.max(yh, py);
            }
            total += (xh - xl) + (yh - yl);
        }
        return total;
    }
}
