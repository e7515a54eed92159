package org.chipplace.api.service.render;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.Row;

/**
 * Draws a placement as SVG: the die (bounding box of the core and every object), the rows, fixed
 * blockages, pads, movable macros and the standard cells. With more than
 * {@code maxCellsDrawn} cells the cells become a density raster (one rectangle per non-empty bin of
 * a grid about 120 bins wide, its opacity the cell area in the bin over the bin area, cells binned
 * by their centre) so the file stays small. Drawn cells have a thin outline so that abutting cells
 * stay apart; pads (non-blocking fixed objects, and fixed terminals too small to see) are drawn at
 * least {@link #MIN_PAD_PX} a side and always wholly inside the picture. The SVG y axis points down, so y is flipped.
 */
public final class LayoutSvg {
    private static final int RASTER_BINS = 120;
    private static final int MAX_ROWS_DRAWN = 4000;
    /** Smallest side of a pad, pixels (a pad is often a point). */
    static final double MIN_PAD_PX = 6;
    /** Outline of a drawn cell, pixels: thin, so that neighbouring cells stay apart. */
    static final double CELL_STROKE = 0.3;

    private LayoutSvg() {
    }

    /**
     * @param width         picture width in pixels (the height follows the die's aspect ratio)
     * @param maxCellsDrawn above this many standard cells, draw the density raster
     */
    public static String render(Netlist nl, Placement p, int width, int maxCellsDrawn) {
        double[] x = p.x(), y = p.y(), w = nl.widths(), h = nl.heights();
        byte[] kinds = nl.kinds();
        int n = nl.numNodes();
        double xl = nl.coreXl(), yl = nl.coreYl(), xh = nl.coreXh(), yh = nl.coreYh();
        for (int v = 0; v < n; v++) {
            xl = Math.min(xl, x[v]);
            yl = Math.min(yl, y[v]);
            xh = Math.max(xh, x[v] + w[v]);
            yh = Math.max(yh, y[v] + h[v]);
        }
        double dieW = Math.max(xh - xl, 1e-9), dieH = Math.max(yh - yl, 1e-9);
        double s = width / dieW;
        int height = (int) Math.max(1, Math.round(dieH * s));
        Svg svg = new Svg(xl, yh, s);
        StringBuilder b = svg.sb;
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n");
        b.append("<title>").append(escape(nl.name())).append(": ").append(nl.numMacros()).append(" macros, ")
                .append(nl.numCells()).append(" cells</title>\n");
        b.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#fafafa\" stroke=\"#000\" class=\"die\"/>\n");
        svg.rect(nl.coreXl(), nl.coreYl(), nl.coreXh() - nl.coreXl(), nl.coreYh() - nl.coreYl(),
                "fill=\"#fff\" stroke=\"#444\" class=\"core\"");
        Row[] rows = nl.rows();
        if (rows.length <= MAX_ROWS_DRAWN) {
            b.append("<g class=\"rows\" fill=\"none\" stroke=\"#ddd\" stroke-width=\"0.5\">\n");
            for (Row r : rows) {
                svg.rect(r.x(), r.y(), r.xMax() - r.x(), r.height(), null);
            }
            b.append("</g>\n");
        }
        int cells = nl.numCells();
        if (cells <= maxCellsDrawn) {
            b.append("<g class=\"cells\" fill=\"#8bc34a\" stroke=\"#33691e\" stroke-width=\"")
                    .append(Svg.num(CELL_STROKE)).append("\">\n");
            for (int v = 0; v < n; v++) {
                if (kinds[v] == NodeKind.CELL.code()) {
                    svg.rect(x[v], y[v], w[v], h[v], null);
                }
            }
            b.append("</g>\n");
        } else {
            raster(nl, p, svg);
        }
        b.append("<g class=\"fixed\" fill=\"#9e9e9e\" stroke=\"#616161\" stroke-width=\"0.5\">\n");
        for (int v = 0; v < n; v++) {
            if (kinds[v] == NodeKind.FIXED.code() && !isPad(kinds[v], w[v], h[v], s)) {
                svg.rect(x[v], y[v], w[v], h[v], null);
            }
        }
        b.append("</g>\n<g class=\"pads\" fill=\"#ff9800\" stroke=\"#e65100\" stroke-width=\"0.5\">\n");
        for (int v = 0; v < n; v++) {
            if (isPad(kinds[v], w[v], h[v], s)) {
                svg.pad(x[v], y[v], w[v], h[v], width, height);
            }
        }
        b.append("</g>\n<g class=\"macros\" fill=\"#1e88e5\" fill-opacity=\"0.75\" stroke=\"#0d47a1\" "
                + "stroke-width=\"0.75\">\n");
        for (int v = 0; v < n; v++) {
            if (kinds[v] == NodeKind.MACRO.code()) {
                svg.rect(x[v], y[v], w[v], h[v], null);
            }
        }
        b.append("</g>\n</svg>\n");
        return b.toString();
    }

    /**
     * Whether a node is drawn as a pad: a non-blocking fixed object, or a blocking one (a Bookshelf
     * {@code terminal}) smaller than {@link #MIN_PAD_PX} on both sides at {@code s} pixels per unit.
     */
    static boolean isPad(byte kind, double w, double h, double s) {
        return kind == NodeKind.FIXED_NI.code()
                || (kind == NodeKind.FIXED.code() && w * s < MIN_PAD_PX && h * s < MIN_PAD_PX);
    }

    /** Cell density raster over the core: bin utilisation as the opacity of a green rectangle. */
    private static void raster(Netlist nl, Placement p, Svg svg) {
        double cxl = nl.coreXl(), cyl = nl.coreYl();
        double cw = Math.max(nl.coreXh() - cxl, 1e-9), ch = Math.max(nl.coreYh() - cyl, 1e-9);
        int nx = RASTER_BINS;
        int ny = (int) Math.max(1, Math.min(4 * RASTER_BINS, Math.round(RASTER_BINS * ch / cw)));
        double bw = cw / nx, bh = ch / ny;
        double[] area = new double[nx * ny];
        double[] x = p.x(), y = p.y(), w = nl.widths(), h = nl.heights();
        byte[] kinds = nl.kinds();
        byte cell = NodeKind.CELL.code();
        for (int v = 0; v < nl.numNodes(); v++) {
            if (kinds[v] != cell) {
                continue;
            }
            int ix = (int) Math.floor((x[v] + 0.5 * w[v] - cxl) / bw);
            int iy = (int) Math.floor((y[v] + 0.5 * h[v] - cyl) / bh);
            ix = Math.min(nx - 1, Math.max(0, ix));
            iy = Math.min(ny - 1, Math.max(0, iy));
            area[ix * ny + iy] += w[v] * h[v];
        }
        svg.sb.append("<g class=\"cell-density\" fill=\"#43a047\" stroke=\"none\">\n");
        double binArea = bw * bh;
        for (int ix = 0; ix < nx; ix++) {
            for (int iy = 0; iy < ny; iy++) {
                double u = area[ix * ny + iy] / binArea;
                if (u > 0) {
                    svg.rect(cxl + ix * bw, cyl + iy * bh, bw, bh,
                            "fill-opacity=\"" + Svg.num(Math.min(1, 0.15 + 0.85 * u)) + "\"");
                }
            }
        }
        svg.sb.append("</g>\n");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Writes rectangles in die coordinates as SVG pixels. */
    private static final class Svg {
        final StringBuilder sb = new StringBuilder(1 << 16);
        final double x0, yTop, s;

        Svg(double x0, double yTop, double s) {
            this.x0 = x0;
            this.yTop = yTop;
            this.s = s;
        }

        void rect(double x, double y, double w, double h, String attrs) {
            sb.append("<rect x=\"").append(num((x - x0) * s)).append("\" y=\"").append(num((yTop - y - h) * s))
                    .append("\" width=\"").append(num(w * s)).append("\" height=\"").append(num(h * s)).append('"');
            if (attrs != null) {
                sb.append(' ').append(attrs);
            }
            sb.append("/>\n");
        }

        /**
         * A pad: its rectangle in pixels grown about its centre to at least {@link #MIN_PAD_PX} a side
         * (at most the picture), then moved to lie wholly inside the {@code width x height} picture.
         */
        void pad(double x, double y, double w, double h, int width, int height) {
            double pw = Math.min(width, Math.max(MIN_PAD_PX, w * s));
            double ph = Math.min(height, Math.max(MIN_PAD_PX, h * s));
            double cx = (x + 0.5 * w - x0) * s, cy = (yTop - y - 0.5 * h) * s;
            double left = Math.floor(Math.max(0, Math.min(width - pw, cx - 0.5 * pw)) * 100) / 100;
            double top = Math.floor(Math.max(0, Math.min(height - ph, cy - 0.5 * ph)) * 100) / 100;
            pw = Math.floor(pw * 100) / 100;
            ph = Math.floor(ph * 100) / 100;
            sb.append("<rect x=\"").append(num(left)).append("\" y=\"").append(num(top)).append("\" width=\"")
                    .append(num(pw)).append("\" height=\"").append(num(ph)).append("\"/>\n");
        }

        /** A number with at most two decimals. */
        static String num(double v) {
            long r = Math.round(v * 100);
            if (r % 100 == 0) {
                return Long.toString(r / 100);
            }
            return Double.toString(r / 100.0);
        }
    }
}
