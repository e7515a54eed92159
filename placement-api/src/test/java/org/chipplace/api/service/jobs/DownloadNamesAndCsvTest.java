package org.chipplace.api.service.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** File names of downloads and the cells of the sweep CSV. */
class DownloadNamesAndCsvTest {
    @Test
    void designNamesBecomeSafeFileNames() {
        assertThat(ResultService.safeName("ibm01", "x")).isEqualTo("ibm01");
        assertThat(ResultService.safeName("my design/v2 (final)", "x")).isEqualTo("my_design_v2__final_");
        assertThat(ResultService.safeName("../../etc/passwd", "x")).isEqualTo("_._.._etc_passwd");
        assertThat(ResultService.safeName(".hidden", "x")).isEqualTo("_hidden");
        assertThat(ResultService.safeName("a\"b;c\r\nd", "x")).isEqualTo("a_b_c__d");
        assertThat(ResultService.safeName("größe", "x")).isEqualTo("gr__e");
        assertThat(ResultService.safeName("ok_name-1.2", "x")).isEqualTo("ok_name-1.2");
        assertThat(ResultService.safeName("a".repeat(300), "x")).hasSize(100);
        assertThat(ResultService.safeName("  ", "job-1234")).isEqualTo("job-1234");
        assertThat(ResultService.safeName(null, "job-1234")).isEqualTo("job-1234");
    }

    @Test
    void sweepCsvIsNamedAfterTheSweepsIdPrefix() {
        assertThat(SweepService.csvFileName(UUID.fromString("99999999-8888-7777-6666-555555555555")))
                .isEqualTo("sweep-99999999.csv");
    }

    @Test
    void csvTextIsQuotedWhenItHoldsACommaQuoteOrLineBreak() {
        assertThat(SweepService.csvCell("plain")).isEqualTo("plain");
        assertThat(SweepService.csvCell("greedy ran; analytic kept, greedy +7.4 %"))
                .isEqualTo("\"greedy ran; analytic kept, greedy +7.4 %\"");
        assertThat(SweepService.csvCell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(SweepService.csvCell("a\rb")).isEqualTo("\"a\rb\"");
        assertThat(SweepService.csvCell(null)).isEmpty();
    }

    @Test
    void csvNumbersKeepFullPrecisionWithoutExponents() {
        assertThat(SweepService.num(12345678.901234567)).isEqualTo("12345678.901234567");
        assertThat(Double.parseDouble(SweepService.num(12345678.901234567))).isEqualTo(12345678.901234567);
        assertThat(SweepService.num(2.5e7)).isEqualTo("25000000");
        assertThat(SweepService.num(3.0)).isEqualTo("3");
        assertThat(SweepService.num(1.69e-16)).isEqualTo("0.000000000000000169");
        assertThat(SweepService.num(null)).isEmpty();
        assertThat(SweepService.num(Double.NaN)).isEqualTo("NaN");
    }
}
