package org.chipplace.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void evaluateCombinesEveryKernel() {
        Netlist nl = HpwlTest.randomDesign(11, 70, 90);
        Placement p = HpwlTest.randomPlacement(12, nl.numNodes());
        MetricsOptions o = MetricsOptions.defaults().withBinSize(8).withTargetDensity(0.9).withRudyCapacity(2);
        MetricsReport r = Metrics.evaluate(nl, p, o);
        Legality l = LegalityChecker.check(nl, p, o.legalityEpsilon());
        DensityReport d = Density.compute(nl, p, o);
        RudyReport ru = Rudy.compute(nl, p, o);
        MetricsReport expected = new MetricsReport(nl.name(), nl.numNodes(), nl.numNets(), nl.numPins(),
                nl.numMovable(), nl.numMacros(), nl.numCells(), Hpwl.total(nl, p.x(), p.y()),
                Hpwl.weighted(nl, p.x(), p.y()), Hpwl.macro(nl, p.x(), p.y()), l.overlapArea(), l.overlapPairs(),
                l.outsideCore(), l.cellsOffRow(), l.cellsOffSite(), l.legal(), d.overflow(), ru.peak(),
                ru.totalOverflow(), l.cellsWrongParity());
        assertThat(r).isEqualTo(expected);
        assertThat(r.overlapPairs()).isPositive();
        assertThat(r.legal()).isFalse();
    }

    @Test
    void resultsDoNotDependOnThreads() {
        Netlist nl = HpwlTest.randomDesign(5, 2000, 22000); // about 77k pins: several chunks
        Placement p = HpwlTest.randomPlacement(6, nl.numNodes());
        MetricsOptions par = MetricsOptions.defaults().withBinSize(2);
        MetricsOptions seq = par.withParallel(false);
        assertThat(nl.numPins()).isGreaterThan(Hpwl.PARALLEL_MIN);
        assertThat(Rudy.compute(nl, p, par).map()).containsExactly(Rudy.compute(nl, p, seq).map());
        assertThat(Metrics.evaluate(nl, p, par)).isEqualTo(Metrics.evaluate(nl, p, seq));
    }

    @Test
    void reportComponentNamesAreTheJsonContract() {
        String[] names = Arrays.stream(MetricsReport.class.getRecordComponents()).map(c -> c.getName())
                .toArray(String[]::new);
        assertThat(names).containsExactly("design", "nodes", "nets", "pins", "movable", "macros", "cells", "hpwl",
                "weightedHpwl", "macroHpwl", "overlapArea", "overlapPairs", "outsideCore", "cellsOffRow",
                "cellsOffSite", "legal", "densityOverflow", "rudyPeak", "rudyOverflow", "cellsWrongParity");
    }
}
