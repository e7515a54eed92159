package org.chipplace.api.service.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.chipplace.metrics.RudyReport;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;

/**
 * RUDY congestion figure as PNG (headless {@link BufferedImage} + {@link ImageIO}): a title (the design
 * name, "RUDY congestion" and the peak), the heat map over the core inside the die outline (the die:
 * bounding box of the core and every object, as in {@link LayoutSvg}), the macros' and fixed blocks'
 * outlines over it (not the pads), and a vertical colour bar from 0 to the scale's top with both values
 * and the overflow threshold 1.0 (demand equals capacity) marked and labelled; with a top above 1.0
 * the bar's lower half spans 0 to 1.0 and its upper half 1.0 to the top, as the colours do.
 *
 * <p>Colour map ("hot", free of the dashboard's macro blue): 0 is white, 1.0 is yellow, the top of the
 * scale (the peak when above 1, else 1) dark red; so overflowing bins are orange to red and a calm
 * design stays pale. Bin {@code map[ix * ny + iy]} covers its share of the core. Text needs fonts;
 * where the JVM has none, the figure is drawn without its labels.
 */
public final class CongestionPng {
    /** Outline of the die. */
    static final int DIE_OUTLINE = 0x000000;
    /** Outline of macros and fixed blocks (dark grey). */
    static final int MACRO_OUTLINE = 0x424242;
    /** Background of the figure and of the die outside the core. */
    static final int BACKGROUND = 0xffffff;
    static final int OUTSIDE_CORE = 0xe0e0e0;
    /** Tallest plot relative to the figure width. */
    private static final double MAX_PLOT_ASPECT = 2.0;

    private CongestionPng() {
    }

    /**
     * Where things are drawn, in pixels (y down): the figure {@code width x height}, the plot (the die)
     * at {@code (plotX, plotY)} of {@code plotW x plotH} with {@code scale} pixels per database unit,
     * and the colour bar at {@code (barX, barY)} of {@code barW x barH}, value {@code top} at its top
     * and 0 at its bottom.
     */
    record Frame(int width, int height, int plotX, int plotY, int plotW, int plotH, double dieXl, double dieYl,
                 double scale, int barX, int barY, int barW, int barH, double top, int fontSize) {
        /** Pixel column of die x coordinate {@code x}. */
        int px(double x) {
            return plotX + (int) Math.floor((x - dieXl) * scale);
        }

        /** Pixel row of die y coordinate {@code y} (y up in the design, down in the picture). */
        int py(double y) {
            return plotY + plotH - 1 - (int) Math.floor((y - dieYl) * scale);
        }

        /**
         * Pixel row of the colour bar for value {@code v} in [0, top]. Like the colours, the bar has two
         * linear halves when {@code top > 1}: 0 to 1.0 below its middle, 1.0 to {@code top} above.
         */
        int barRow(double v) {
            return barY + barH - 1 - (int) Math.round(barFraction(v, top) * (barH - 1));
        }

        /** The value at colour bar row {@code row} (inverse of {@link #barRow}). */
        double barValue(int row) {
            double t = (double) (barY + barH - 1 - row) / Math.max(1, barH - 1);
            if (top <= 1) {
                return t * top;
            }
            return t <= 0.5 ? 2 * t : 1 + (t - 0.5) * 2 * (top - 1);
        }
    }

    /** Height fraction of value {@code v} on a colour bar from 0 to {@code top} (1.0 in the middle when top > 1). */
    static double barFraction(double v, double top) {
        v = Math.max(0, Math.min(top, v));
        if (top <= 1) {
            return v / top;
        }
        return v <= 1 ? 0.5 * v : 0.5 + 0.5 * (v - 1) / (top - 1);
    }

    /** The frame of a {@code width}-pixel figure of a die {@code dieW x dieH} with scale top {@code top}. */
    static Frame frame(int width, double dieXl, double dieYl, double dieW, double dieH, double top) {
        int w = Math.max(120, width);
        int font = (int) Math.max(9, Math.min(16, Math.round(w / 45.0)));
        int margin = Math.max(4, w / 100);
        int barW = Math.max(8, w / 40);
        int labels = (int) Math.round(font * 5.5);
        int titleH = (int) Math.round(font * 1.8);
        int plotW = Math.max(1, w - 2 * margin - margin - barW - labels);
        dieW = Math.max(dieW, 1e-9);
        double scale = plotW / dieW;
        if (dieH * scale > MAX_PLOT_ASPECT * w) {
            scale = MAX_PLOT_ASPECT * w / dieH;
            plotW = Math.max(1, (int) Math.round(dieW * scale));
        }
        int plotH = Math.max(1, (int) Math.round(dieH * scale));
        int barH = Math.max(plotH, 4 * font);
        int height = titleH + Math.max(plotH, barH) + 2 * margin;
        int plotY = titleH + margin;
        int barX = margin + plotW + margin;
        return new Frame(w, height, margin, plotY, plotW, plotH, dieXl, dieYl, scale, barX, plotY, barW, barH, top,
                font);
    }

    /**
     * The figure of {@code r}, the RUDY map of placement {@code p} of {@code nl} over its core.
     *
     * @param width figure width in pixels (at least 120); the height follows the die's aspect ratio
     */
    public static byte[] render(RudyReport r, Netlist nl, Placement p, int width) {
        BufferedImage img = image(r, nl, p, width);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The figure as an image (see {@link #render}). */
    static BufferedImage image(RudyReport r, Netlist nl, Placement p, int width) {
        double[] x = p.x(), y = p.y(), w = nl.widths(), h = nl.heights();
        double xl = nl.coreXl(), yl = nl.coreYl(), xh = nl.coreXh(), yh = nl.coreYh();
        for (int v = 0; v < nl.numNodes(); v++) {
            xl = Math.min(xl, x[v]);
            yl = Math.min(yl, y[v]);
            xh = Math.max(xh, x[v] + w[v]);
            yh = Math.max(yh, y[v] + h[v]);
        }
        double top = Math.max(1.0, r.peak());
        Frame f = frame(width, xl, yl, xh - xl, yh - yl, top);
        BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(new Color(BACKGROUND));
            g.fillRect(0, 0, f.width(), f.height());
            g.setColor(new Color(OUTSIDE_CORE));
            g.fillRect(f.plotX(), f.plotY(), f.plotW(), f.plotH());
            heatMap(img, r, nl, f);
            g.setColor(new Color(DIE_OUTLINE));
            g.drawRect(f.plotX(), f.plotY(), f.plotW() - 1, f.plotH() - 1);
            g.setColor(new Color(MACRO_OUTLINE));
            g.setStroke(new BasicStroke(1));
            byte macro = NodeKind.MACRO.code(), fixed = NodeKind.FIXED.code();
            byte[] kinds = nl.kinds();
            for (int v = 0; v < nl.numNodes(); v++) {
                if (kinds[v] == macro || (kinds[v] == fixed && !LayoutSvg.isPad(fixed, w[v], h[v], f.scale()))) {
                    int x0 = f.px(x[v]), x1 = Math.max(x0, f.px(x[v] + w[v]) - 1);
                    int y0 = f.py(y[v] + h[v]) + 1, y1 = f.py(y[v]);
                    g.drawRect(x0, Math.min(y0, y1), x1 - x0, Math.abs(y1 - y0));
                }
            }
            colourBar(img, g, f);
            try {
                labels(g, f, nl.name(), r.peak());
            } catch (RuntimeException | LinkageError | InternalError e) {
                // no usable fonts in this JVM: the figure stays without text
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void heatMap(BufferedImage img, RudyReport r, Netlist nl, Frame f) {
        int nx = r.nx(), ny = r.ny();
        double[] map = r.map();
        double cxl = nl.coreXl(), cyl = nl.coreYl();
        double cw = Math.max(nl.coreXh() - cxl, 1e-9), ch = Math.max(nl.coreYh() - cyl, 1e-9);
        int c0 = Math.max(f.plotX(), f.px(cxl)), c1 = Math.min(f.plotX() + f.plotW() - 1, f.px(nl.coreXh()) - 1);
        int r0 = Math.max(f.plotY(), f.py(nl.coreYh()) + 1), r1 = Math.min(f.plotY() + f.plotH() - 1, f.py(cyl));
        for (int py = r0; py <= r1; py++) {
            double yc = f.dieYl() + (f.plotY() + f.plotH() - 1 - py + 0.5) / f.scale();
            int iy = Math.min(ny - 1, Math.max(0, (int) Math.floor((yc - cyl) / ch * ny)));
            for (int px = c0; px <= c1; px++) {
                double xc = f.dieXl() + (px - f.plotX() + 0.5) / f.scale();
                int ix = Math.min(nx - 1, Math.max(0, (int) Math.floor((xc - cxl) / cw * nx)));
                img.setRGB(px, py, color(map[ix * ny + iy], f.top()));
            }
        }
    }

    private static void colourBar(BufferedImage img, Graphics2D g, Frame f) {
        for (int row = 0; row < f.barH(); row++) {
            int rgb = color(f.barValue(f.barY() + row), f.top());
            for (int col = 0; col < f.barW(); col++) {
                img.setRGB(f.barX() + col, f.barY() + row, rgb);
            }
        }
        g.setColor(Color.BLACK);
        g.drawRect(f.barX() - 1, f.barY() - 1, f.barW() + 1, f.barH() + 1);
        int t = f.barRow(1.0);
        g.drawLine(f.barX() - 3, t, f.barX() + f.barW() + 3, t);
    }

    private static void labels(Graphics2D g, Frame f, String design, double peak) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, f.fontSize()));
        FontMetrics fm = g.getFontMetrics();
        String title = fit(fm, (design == null ? "" : design + ": ") + "RUDY congestion", f.width() - 2 * f.plotX()
                - fm.stringWidth(String.format(Locale.ROOT, " (peak %.2f)", peak)));
        title += String.format(Locale.ROOT, " (peak %.2f)", peak);
        g.drawString(title, f.plotX(), f.plotY() - Math.max(3, f.fontSize() / 2));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(8, f.fontSize() - 2)));
        fm = g.getFontMetrics();
        int x = f.barX() + f.barW() + 5;
        int half = fm.getAscent() / 2;
        int topRow = f.barY(), bottom = f.barY() + f.barH() - 1, one = f.barRow(1.0);
        g.drawString(number(f.top()), x, topRow + fm.getAscent());
        g.drawString("0", x, bottom);
        if (one - topRow > 2 * fm.getAscent() && bottom - one > 2 * fm.getAscent()) {
            g.drawString("1.0", x, one + half);
            g.drawString("overflow", x, one + half + fm.getAscent());
        } else {
            // the threshold is at (or next to) the top of the scale: its tick is drawn, named below the top value
            g.drawString("overflow", x, topRow + 2 * fm.getAscent() + 2);
        }
    }

    /** {@code s} cut with an ellipsis to at most {@code px} pixels. */
    private static String fit(FontMetrics fm, String s, int px) {
        if (fm.stringWidth(s) <= px) {
            return s;
        }
        String cut = s;
        while (cut.length() > 1 && fm.stringWidth(cut + "...") > px) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "...";
    }

    private static String number(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * RGB of map value {@code v} on the scale 0 (white) .. 1 (yellow {@code #ffdc00}) .. {@code top}
     * (dark red {@code #b40000}); never bluish (blue at most red).
     */
    static int color(double v, double top) {
        double r, g, b;
        if (!(v > 0)) {
            r = 255;
            g = 255;
            b = 255;
        } else if (v <= 1) {
            r = 255;
            g = 255 - 35 * v;
            b = 255 * (1 - v);
        } else {
            double t = top > 1 ? Math.min(1, (v - 1) / (top - 1)) : 1;
            r = 255 - 75 * t;
            g = 220 * (1 - t);
            b = 0;
        }
        return ((int) Math.round(r) << 16) | ((int) Math.round(g) << 8) | (int) Math.round(b);
    }
}
