package org.chipplace.api.service.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** File names of downloads. */
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
}
