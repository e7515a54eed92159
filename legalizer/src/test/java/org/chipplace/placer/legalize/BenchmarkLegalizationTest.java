package org.chipplace.placer.legalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.chipplace.metrics.Hpwl;
import org.chipplace.metrics.Legality;
import org.chipplace.metrics.LegalityChecker;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.testing.BenchmarkDesigns;
import org.chipplace.placer.detailed.DetailedPlacementResult;
import org.chipplace.placer.detailed.DetailedPlacer;
import org.chipplace.placer.detailed.DetailedPlacerOptions;
import org.junit.jupiter.api.Test;

/** Mixed-size legalization and detailed placement on the real ibm01 (246 movable macros). */
class BenchmarkLegalizationTest {

    @Test
    void ibm01SpreadAtRandomBecomesLegalAndDetailedPlacementLowersHpwl() {
        Netlist nl = BenchmarkDesigns.load("ibm01");
        assertThat(nl.numMacros()).isEqualTo(246);
        Placement p = nl.initialPlacement();
        SplittableRandom rnd = new SplittableRandom(3);
        boolean[] macros = new boolean[nl.numNodes()];
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.isMovable(v)) {
                p.x()[v] = nl.coreXl() + rnd.nextDouble() * (nl.coreXh() - nl.coreXl() - nl.widths()[v]);
                p.y()[v] = nl.coreYl() + rnd.nextDouble() * (nl.coreYh() - nl.coreYl() - nl.heights()[v]);
            }
            macros[v] = nl.isMacro(v);
        }
        LegalizerOptions o = LegalizerOptions.defaults().withThreads(2);
        MacroLegalizer.legalize(nl, p, macros, o);
        CellLegalizer.legalize(nl, p, o);
        Legality legal = LegalityChecker.check(nl, p);
        assertThat(legal.legal()).as(legal.toString()).isTrue();
        double before = Hpwl.weighted(nl, p.x(), p.y());
        DetailedPlacementResult r = DetailedPlacer.improve(nl, p, new DetailedPlacerOptions(1, 3, 2, 1e-4, 1, 16, true, 8));
        assertThat(LegalityChecker.check(nl, p).legal()).isTrue();
        double after = Hpwl.weighted(nl, p.x(), p.y());
        assertThat(r.hpwlBefore()).isCloseTo(before, org.assertj.core.data.Offset.offset(1e-6 * before));
        assertThat(after).isLessThan(before);
    }
}
