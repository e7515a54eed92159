package org.chipplace.api.service.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.chipplace.metrics.RudyReport;

/**
 * RUDY congestion heat map as PNG (headless {@link BufferedImage} + {@link ImageIO}). Bin
 * {@code map[ix * ny + iy]} fills a block of pixels (bottom row of bins at the bottom of the
 * picture). Colour scale: 0 is dark blue, 1 (demand equals capacity) is yellow, the peak (when
 * above 1) is red; with a peak below 1 the scale still ends at 1, so a calm design stays cool.
 */
public final class CongestionPng {
    private CongestionPng() {
    }

    /**
     * @param width       picture width in pixels
     * @param aspect      core height over core width (the picture height is {@code width * aspect})
     */
    public static byte[] render(RudyReport r, int width, double aspect) {
        int height = (int) Math.max(1, Math.min(8 * width, Math.round(width * aspect)));
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int nx = r.nx(), ny = r.ny();
        double[] map = r.map();
        double top = Math.max(1.0, r.peak());
        int[] line = new int[width];
        for (int py = 0; py < height; py++) {
            int iy = Math.min(ny - 1, (int) ((long) (height - 1 - py) * ny / height));
            for (int px = 0; px < width; px++) {
                int ix = Math.min(nx - 1, (int) ((long) px * nx / width));
                line[px] = color(map[ix * ny + iy], top);
            }
            img.setRGB(0, py, width, 1, line, 0, width);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** RGB of map value {@code v} on the scale 0 (blue) .. 1 (yellow) .. {@code top} (red). */
    static int color(double v, double top) {
        double r, g, b;
        if (!(v > 0)) {
            r = 0.05;
            g = 0.05;
            b = 0.35;
        } else if (v <= 1) {
            double t = v;
            r = t;
            g = 0.2 + 0.75 * t;
            b = 0.6 * (1 - t) + 0.05;
        } else {
            double t = top > 1 ? Math.min(1, (v - 1) / (top - 1)) : 1;
            r = 1;
            g = 0.95 * (1 - t);
            b = 0.05;
        }
        return ((int) Math.round(r * 255) << 16) | ((int) Math.round(g * 255) << 8) | (int) Math.round(b * 255);
    }
}
