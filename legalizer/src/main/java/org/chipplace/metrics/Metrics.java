package org.chipplace.metrics;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;

/**
 * Facade of the placement metrics: wirelength ({@link Hpwl}), legality ({@link LegalityChecker}),
 * density overflow ({@link Density}) and RUDY congestion ({@link Rudy}) in one report.
 */
public final class Metrics {
    private Metrics() {
    }

    /** Evaluates every metric of placement {@code p} of {@code nl}. */
    public static MetricsReport evaluate(Netlist nl, Placement p, MetricsOptions o) {
        double[] x = p.x(), y = p.y();
        double hpwl = Hpwl.total(nl, x, y);
        double weighted = Hpwl.weighted(nl, x, y);
        double macro = Hpwl.macro(nl, x, y);
        Legality l = LegalityChecker.check(nl, p, o.legalityEpsilon());
        DensityReport d = Density.compute(nl, p, o);
        RudyReport r = Rudy.compute(nl, p, o);
        return new MetricsReport(nl.name(), nl.numNodes(), nl.numNets(), nl.numPins(), nl.numMovable(),
                nl.numMacros(), nl.numCells(), hpwl, weighted, macro, l.overlapArea(), l.overlapPairs(),
                l.outsideCore(), l.cellsOffRow(), l.cellsOffSite(), l.legal(), d.overflow(), r.peak(),
                r.totalOverflow(), l.cellsWrongParity());
    }
}
