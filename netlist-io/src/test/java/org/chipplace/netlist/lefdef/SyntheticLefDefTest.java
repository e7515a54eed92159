package org.chipplace.netlist.lefdef;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.chipplace.netlist.Netlist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic LEF/DEF generator of the benchmark produces a design the reader accepts in full. */
class SyntheticLefDefTest {
    @TempDir
    Path tmp;

    @Test
    void smallSyntheticDesignReadsWithTheGeneratedCounts() {
        SyntheticLefDef.write(tmp, 2000, 7, 3);
        DefDesign d = LefDef.read(SyntheticLefDef.lefs(tmp), SyntheticLefDef.def(tmp));
        Netlist nl = d.netlist();
        assertThat(d.components()).hasSize(2007);
        assertThat(nl.numNodes()).isEqualTo(2007 + SyntheticLefDef.IO_PINS);
        assertThat(nl.numNets()).isEqualTo(2007);
        assertThat(nl.numFixedNi()).isEqualTo(SyntheticLefDef.IO_PINS);
        assertThat(nl.numFixed()).isEqualTo(3); // blocks 0, 3, 6
        assertThat(nl.numMacros()).isEqualTo(4);
        assertThat(nl.numCells()).isEqualTo(2000);
        assertThat(nl.rows().length).isGreaterThanOrEqualTo(20);
        assertThat(d.warnings()).isEmpty();
        for (int v = 0; v < 2000; v++) {
            assertThat(nl.heights()[v]).isEqualTo(4000);
        }
    }
}
