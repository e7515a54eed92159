package org.chipplace.api.service.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.chipplace.api.service.TestDesigns;
import org.chipplace.metrics.MetricsOptions;
import org.chipplace.metrics.Rudy;
import org.chipplace.metrics.RudyReport;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.junit.jupiter.api.Test;

class RenderTest {

    private static int rectsIn(String svg, String groupClass) {
        int start = svg.indexOf("<g class=\"" + groupClass + "\"");
        if (start < 0) {
            return -1;
        }
        int end = svg.indexOf("</g>", start);
        Matcher m = Pattern.compile("<rect ").matcher(svg.substring(start, end));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int count(Netlist nl, NodeKind k) {
        int n = 0;
        for (int v = 0; v < nl.numNodes(); v++) {
            n += nl.kind(v) == k ? 1 : 0;
        }
        return n;
    }

    @Test
    void layoutDrawsOneRectanglePerObjectOfEachKindWhenCellsAreFew() {
        Netlist nl = Bookshelf.read(TestDesigns.tinyAux());
        String svg = LayoutSvg.render(nl, nl.initialPlacement(), 400, 1_000_000);
        assertThat(svg).startsWith("<svg").endsWith("</svg>\n");
        assertThat(rectsIn(svg, "macros")).isEqualTo(count(nl, NodeKind.MACRO));
        assertThat(rectsIn(svg, "cells")).isEqualTo(count(nl, NodeKind.CELL));
        assertThat(rectsIn(svg, "fixed")).isEqualTo(count(nl, NodeKind.FIXED));
        assertThat(rectsIn(svg, "pads")).isEqualTo(count(nl, NodeKind.FIXED_NI));
        assertThat(rectsIn(svg, "rows")).isEqualTo(nl.rows().length);
        assertThat(rectsIn(svg, "cell-density")).isEqualTo(-1);
    }

    @Test
    void manyCellsBecomeADensityRasterOfAtMostTheGridSize() {
        Netlist nl = Bookshelf.read(TestDesigns.tinyAux());
        String svg = LayoutSvg.render(nl, nl.initialPlacement(), 400, 0);
        assertThat(rectsIn(svg, "cells")).isEqualTo(-1);
        int bins = rectsIn(svg, "cell-density");
        assertThat(bins).isPositive().isLessThanOrEqualTo(Math.min(count(nl, NodeKind.CELL), 120 * 480));
        assertThat(rectsIn(svg, "macros")).isEqualTo(count(nl, NodeKind.MACRO));
    }

    @Test
    void congestionPngHasTheRequestedSizeAndHotBinsAreRed() throws IOException {
        double[] map = new double[4 * 2];
        map[3 * 2 + 1] = 3.0; // top-right bin, peak
        RudyReport r = new RudyReport(4, 2, map, 3.0, 0);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(CongestionPng.render(r, 80, 0.5)));
        assertThat(img.getWidth()).isEqualTo(80);
        assertThat(img.getHeight()).isEqualTo(40);
        int hot = img.getRGB(79, 0);
        int cold = img.getRGB(0, 39);
        assertThat((hot >> 16) & 0xff).isEqualTo(255);
        assertThat(hot & 0xff00).isEqualTo(0);
        assertThat(cold).isEqualTo(CongestionPng.color(0, 3.0) | 0xff000000);
        assertThat((cold & 0xff)).isGreaterThan((cold >> 16) & 0xff);
    }

    @Test
    void congestionPngOfARealDesignDecodes() throws IOException {
        Netlist nl = Bookshelf.read(TestDesigns.tinyAux());
        RudyReport r = Rudy.compute(nl, nl.initialPlacement(), MetricsOptions.defaults());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(CongestionPng.render(r, 64, 1.0)));
        assertThat(img.getWidth()).isEqualTo(64);
        assertThat(img.getHeight()).isEqualTo(64);
    }

    @Test
    void colourScaleRunsFromBlueThroughYellowToRed() {
        int atOne = CongestionPng.color(1.0, 2.0);
        assertThat((atOne >> 16) & 0xff).isEqualTo(255);
        assertThat((atOne >> 8) & 0xff).isGreaterThan(200);
        int low = CongestionPng.color(0.1, 2.0);
        assertThat(low & 0xff).isGreaterThan((low >> 16) & 0xff);
    }
}
