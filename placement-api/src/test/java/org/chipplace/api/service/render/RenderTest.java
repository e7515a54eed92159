package org.chipplace.api.service.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.chipplace.api.service.TestDesigns;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

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
        // the tiny design's terminals are 1 x 1 (under 2 px here): drawn as pads, not as blockages
        assertThat(rectsIn(svg, "fixed")).isZero();
        assertThat(rectsIn(svg, "pads")).isEqualTo(count(nl, NodeKind.FIXED) + count(nl, NodeKind.FIXED_NI))
                .isEqualTo(12);
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

    /** The rectangles of group {@code groupClass} of {@code svg}, each as {x, y, width, height}. */
    private static List<double[]> rects(String svg, String groupClass) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        List<double[]> out = new ArrayList<>();
        NodeList groups = doc.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").equals(groupClass)) {
                NodeList rs = g.getElementsByTagName("rect");
                for (int k = 0; k < rs.getLength(); k++) {
                    Element r = (Element) rs.item(k);
                    out.add(new double[] {Double.parseDouble(r.getAttribute("x")), Double.parseDouble(r.getAttribute("y")),
                            Double.parseDouble(r.getAttribute("width")), Double.parseDouble(r.getAttribute("height"))});
                }
            }
        }
        return out;
    }

    private static double[] viewBox(String svg) throws Exception {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        String[] v = root.getAttribute("viewBox").trim().split("\\s+");
        return new double[] {Double.parseDouble(v[2]), Double.parseDouble(v[3])};
    }

    private static void assertPadsVisibleAndInside(String svg, int pads) throws Exception {
        double[] box = viewBox(svg);
        List<double[]> rects = rects(svg, "pads");
        assertThat(rects).hasSize(pads);
        for (double[] r : rects) {
            assertThat(r[2]).as("pad width").isGreaterThanOrEqualTo(LayoutSvg.MIN_PAD_PX);
            assertThat(r[3]).as("pad height").isGreaterThanOrEqualTo(LayoutSvg.MIN_PAD_PX);
            assertThat(r[0]).isGreaterThanOrEqualTo(0);
            assertThat(r[1]).isGreaterThanOrEqualTo(0);
            assertThat(r[0] + r[2]).as("pad right edge").isLessThanOrEqualTo(box[0]);
            assertThat(r[1] + r[3]).as("pad bottom edge").isLessThanOrEqualTo(box[1]);
        }
    }

    @Test
    void padsAreDrawnAtAVisibleSizeWhollyInsideThePicture() throws Exception {
        Netlist nl = FigureDesign.build();
        String svg = LayoutSvg.render(nl, nl.initialPlacement(), 800, 1000);
        assertPadsVisibleAndInside(svg, 3);
        // a zero-size pad on the die's top-right corner: drawn in the corner, not beyond it
        double[] corner = rects(svg, "pads").get(0);
        double[] box = viewBox(svg);
        assertThat(corner[0] + corner[2]).isCloseTo(box[0], org.assertj.core.api.Assertions.within(0.02));
        assertThat(corner[1]).isEqualTo(0.0);
    }

    @Test
    void padsOfTheTinyDesignMovedToTheDieEdgesStayInside() throws Exception {
        Netlist nl = Bookshelf.read(TestDesigns.tinyAux());
        Placement p = nl.initialPlacement().copy();
        int k = 0;
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.kind(v) == NodeKind.FIXED || nl.kind(v) == NodeKind.FIXED_NI) {
                // alternately onto the core's right and top edges (the pad then bounds the die)
                p.x()[v] = k % 2 == 0 ? nl.coreXh() : nl.coreXl() + k;
                p.y()[v] = k % 2 == 0 ? nl.coreYl() + k : nl.coreYh();
                k++;
            }
        }
        assertThat(k).isPositive();
        assertPadsVisibleAndInside(LayoutSvg.render(nl, p, 800, 1_000_000), k);
        assertPadsVisibleAndInside(LayoutSvg.render(nl, p, 200, 0), k);
    }

    @Test
    void fixedBlocksLargeEnoughToSeeStayBlockagesAndOnlyTinyTerminalsBecomePads() {
        assertThat(LayoutSvg.isPad(NodeKind.FIXED.code(), 1, 1, 2.0)).isTrue();
        assertThat(LayoutSvg.isPad(NodeKind.FIXED.code(), 30, 1, 2.0)).isFalse();
        assertThat(LayoutSvg.isPad(NodeKind.FIXED_NI.code(), 300, 300, 2.0)).isTrue();
        assertThat(LayoutSvg.isPad(NodeKind.MACRO.code(), 1, 1, 2.0)).isFalse();
        Netlist nl = FigureDesign.build();
        String svg = LayoutSvg.render(nl, nl.initialPlacement(), 800, 1000);
        assertThat(rectsIn(svg, "fixed")).isEqualTo(1);
    }

    @Test
    void drawnCellsHaveAThinOutlineSoNeighboursStayApart() throws Exception {
        Netlist nl = Bookshelf.read(TestDesigns.tinyAux());
        String svg = LayoutSvg.render(nl, nl.initialPlacement(), 800, 1_000_000);
        Matcher m = Pattern.compile("<g class=\"cells\" fill=\"([^\"]+)\" stroke=\"([^\"]+)\" stroke-width=\"([^\"]+)\"")
                .matcher(svg);
        assertThat(m.find()).as(svg.substring(0, 600)).isTrue();
        assertThat(m.group(2)).isNotEqualTo("none").isNotEqualTo(m.group(1));
        assertThat(Double.parseDouble(m.group(3))).isPositive().isLessThanOrEqualTo(0.5);
        assertThat(rects(svg, "cells")).hasSize(count(nl, NodeKind.CELL));
    }
}
