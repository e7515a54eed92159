package org.chipplace.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.testing.BenchmarkDesigns;
import org.junit.jupiter.api.Test;

/** Metrics on the initial placement of ibm01, where every movable object sits at (0, 0). */
class Ibm01MetricsTest {

    @Test
    void initialPlacementWithAllMacrosAtOriginIsNotLegal() {
        Netlist nl = BenchmarkDesigns.load("ibm01");
        Placement p = nl.initialPlacement();
        int stacked = 0;
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.isMovable(v) && p.x()[v] == 0 && p.y()[v] == 0) {
                stacked++;
            }
        }
        assertThat(nl.numMacros()).isEqualTo(246);
        assertThat(stacked).isEqualTo(nl.numMovable());
        Legality l = LegalityChecker.check(nl, p);
        double[] ref = Reference.overlap(nl, p);
        assertThat(l.legal()).isFalse();
        assertThat(l.overlapPairs()).isEqualTo((long) ref[1]).isGreaterThanOrEqualTo(246L * 245 / 2);
        assertThat(l.overlapArea()).isCloseTo(ref[0], within(1e-9 * ref[0]));
        // (0, 0) is the start of the bottom row and inside the core
        assertThat(l.outsideCore()).isZero();
        assertThat(l.cellsOffRow()).isZero();
        assertThat(l.cellsOffSite()).isZero();
    }

    @Test
    void evaluateReportsTheDesignAndPerPinHpwl() {
        Netlist nl = BenchmarkDesigns.load("ibm01");
        Placement p = nl.initialPlacement();
        MetricsReport r = Metrics.evaluate(nl, p, MetricsOptions.defaults());
        double hpwl = 0;
        for (int e = 0; e < nl.numNets(); e++) {
            hpwl += Reference.netHpwl(nl, p.x(), p.y(), e);
        }
        assertThat(r.design()).isEqualTo(nl.name());
        assertThat(r.macros()).isEqualTo(246);
        assertThat(r.hpwl()).isCloseTo(hpwl, within(1e-9 * hpwl));
        assertThat(r.legal()).isFalse();
        // everything is stacked in the bottom-left bin: most of the movable area overflows
        assertThat(r.densityOverflow()).isGreaterThan(0.9);
    }
}
