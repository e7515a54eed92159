package org.chipplace.api.service.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.chipplace.api.service.TestDesigns;
import org.chipplace.metrics.MetricsOptions;
import org.chipplace.metrics.Rudy;
import org.chipplace.metrics.RudyReport;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.junit.jupiter.api.Test;

/**
 * The congestion figure, read back pixel by pixel on {@link FigureDesign} (core 200 x 50, one macro,
 * one fixed block) with a two-bin map: the left half of the core empty, the right half at 3.0.
 */
class CongestionPngTest {
    static final int WIDTH = 400;
    static final double PEAK = 3.0;

    private static BufferedImage figure() throws IOException {
        Netlist nl = FigureDesign.build();
        RudyReport r = new RudyReport(2, 1, new double[] {0.0, PEAK}, PEAK, 1.0);
        byte[] png = CongestionPng.render(r, nl, nl.initialPlacement(), WIDTH);
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static CongestionPng.Frame frame() {
        return CongestionPng.frame(WIDTH, 0, 0, 200, 50, PEAK);
    }

    private static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xffffff;
    }

    @Test
    void figureIsTheAskedWidthWithRoomForTitleAndColourBarAndThePlotKeepsTheDieAspect() throws IOException {
        BufferedImage img = figure();
        CongestionPng.Frame f = frame();
        assertThat(img.getWidth()).isEqualTo(WIDTH);
        assertThat(img.getHeight()).isEqualTo(f.height());
        assertThat(f.plotY()).as("title band").isGreaterThanOrEqualTo(15);
        assertThat(f.plotW()).as("the plot takes most of the width").isGreaterThan(WIDTH * 6 / 10);
        assertThat(f.barX()).isGreaterThan(f.plotX() + f.plotW());
        assertThat(f.barX() + f.barW()).isLessThan(WIDTH);
        assertThat((double) f.plotW() / f.plotH()).isCloseTo(4.0, org.assertj.core.api.Assertions.within(0.05));
        assertThat(f.height()).isGreaterThanOrEqualTo(f.plotY() + f.plotH());
    }

    @Test
    void colourBarRunsFromWhiteAtZeroToDarkRedAtThePeakWithTheOverflowThresholdMarked() throws IOException {
        BufferedImage img = figure();
        CongestionPng.Frame f = frame();
        int mid = f.barX() + f.barW() / 2;
        int bottom = f.barY() + f.barH() - 1;
        assertThat(rgb(img, mid, bottom)).isEqualTo(0xffffff);
        assertThat(rgb(img, mid, f.barY())).isEqualTo(CongestionPng.color(PEAK, PEAK)).isEqualTo(0xb40000);
        int one = f.barRow(1.0);
        assertThat(one).isStrictlyBetween(f.barY(), bottom);
        // the threshold: a black line across the bar with ticks out of it on both sides
        assertThat(rgb(img, mid, one)).isZero();
        assertThat(rgb(img, f.barX() - 2, one)).isZero();
        assertThat(rgb(img, f.barX() + f.barW() + 2, one)).isZero();
        // yellow just below it, orange above it
        int below = rgb(img, mid, one + 2);
        assertThat(below >> 16).isEqualTo(255);
        assertThat((below >> 8) & 0xff).isGreaterThan(200);
        assertThat(below & 0xff).isLessThan(40);
        int above = rgb(img, mid, one - 4);
        assertThat((above >> 8) & 0xff).isLessThan((below >> 8) & 0xff);
        // the bar's outline, and nothing but background between plot and bar
        assertThat(rgb(img, mid, f.barY() - 1)).isZero();
        assertThat(rgb(img, mid, bottom + 1)).isZero();
    }

    @Test
    void macroAndFixedBlockOutlinesAreDarkGreyOverTheHeatMapInsideABlackDieOutline() throws IOException {
        BufferedImage img = figure();
        CongestionPng.Frame f = frame();
        // macro m0: 40 x 20 at (20, 10)
        assertThat(rgb(img, f.px(20), f.py(20))).isEqualTo(CongestionPng.MACRO_OUTLINE);
        assertThat(rgb(img, f.px(60) - 1, f.py(20))).isEqualTo(CongestionPng.MACRO_OUTLINE);
        assertThat(rgb(img, f.px(40), f.py(30) + 1)).isEqualTo(CongestionPng.MACRO_OUTLINE);
        assertThat(rgb(img, f.px(40), f.py(10))).isEqualTo(CongestionPng.MACRO_OUTLINE);
        // inside it the heat map shows through (left half: empty, white)
        assertThat(rgb(img, f.px(40), f.py(20))).isEqualTo(0xffffff);
        // fixed block f0: 30 x 20 at (120, 20), in the hot half
        assertThat(rgb(img, f.px(120), f.py(30))).isEqualTo(CongestionPng.MACRO_OUTLINE);
        assertThat(rgb(img, f.px(135), f.py(30))).isEqualTo(CongestionPng.color(PEAK, PEAK));
        // the die outline
        assertThat(rgb(img, f.plotX(), f.plotY() + f.plotH() / 2)).isEqualTo(CongestionPng.DIE_OUTLINE);
        assertThat(rgb(img, f.plotX() + f.plotW() - 1, f.plotY() + 3)).isEqualTo(CongestionPng.DIE_OUTLINE);
        assertThat(rgb(img, f.plotX() + f.plotW() / 4, f.plotY() + f.plotH() - 1)).isEqualTo(CongestionPng.DIE_OUTLINE);
    }

    @Test
    void theTitleIsWrittenAboveThePlot() throws IOException {
        BufferedImage img = figure();
        int dark = 0;
        for (int y = 0; y < frame().plotY() - 1; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int c = rgb(img, x, y);
                dark += ((c >> 16) + ((c >> 8) & 0xff) + (c & 0xff)) / 3 < 100 ? 1 : 0;
            }
        }
        assertThat(dark).as("dark pixels of the title").isGreaterThan(50);
    }

    @Test
    void colourMapGoesWhiteYellowRedAndIsNeverBlue() {
        assertThat(CongestionPng.color(0, 2.0)).isEqualTo(0xffffff);
        assertThat(CongestionPng.color(1.0, 2.0)).isEqualTo(0xffdc00);
        assertThat(CongestionPng.color(2.0, 2.0)).isEqualTo(0xb40000);
        assertThat(CongestionPng.color(1.0, 1.0)).isEqualTo(0xffdc00);
        for (double v = 0; v <= 3.0; v += 0.05) {
            int c = CongestionPng.color(v, 3.0);
            assertThat(c & 0xff).as("blue at %s", v).isLessThanOrEqualTo((c >> 8) & 0xff)
                    .isLessThanOrEqualTo(c >> 16);
        }
    }

    @Test
    void aRealDesignRendersAtTheServiceWidths() throws IOException {
        Netlist nl = Bookshelf.read(TestDesigns.tinyAux());
        RudyReport r = Rudy.compute(nl, nl.initialPlacement(), MetricsOptions.defaults());
        for (int w : new int[] {200, 800}) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(
                    CongestionPng.render(r, nl, nl.initialPlacement(), w)));
            assertThat(img.getWidth()).isEqualTo(w);
            assertThat(img.getHeight()).isBetween(w / 4, 3 * w);
        }
    }
}
