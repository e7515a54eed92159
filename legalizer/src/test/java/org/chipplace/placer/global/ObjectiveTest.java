package org.chipplace.placer.global;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.parallel.Parallel;
import org.junit.jupiter.api.Test;

class ObjectiveTest {

    @Test
    void fillerOnlyEvaluationGivesTheFillersTheSameDensityGradientAndOverflowAsAFullOne() {
        Netlist nl = SyntheticDesigns.cells(800, 16, 0.6, 11L);
        Placement p = nl.initialPlacement();
        boolean[] mv = SyntheticDesigns.scatter(nl, p, 3L);
        SplittableRandom r = new SplittableRandom(4);
        try (Parallel par = new Parallel(2)) {
            PlacementModel model = new PlacementModel(nl, p, mv);
            model.addFillers(300, 2, 2, new SplittableRandom(5));
            DensityModel dens = new DensityModel(nl, p, mv, 16, 1.0, par);
            model.sortSpatially(16);
            dens.bind(model);
            Objective f = new Objective(model, dens, par);
            int n = model.numObjects, real = model.numReal;
            double[] x = model.cx.clone(), y = model.cy.clone();
            f.evaluate(x, y, 2.0);
            double[] x2 = x.clone(), y2 = y.clone(); // a second array pair, as the solver swaps buffers
            for (int o = real; o < n; o++) { // only the fillers move
                x2[o] += (r.nextDouble() - 0.5) * 6;
                y2[o] += (r.nextDouble() - 0.5) * 6;
            }
            model.clamp(real, n, x2, y2);
            f.evaluateFillers(x2, y2);
            double[] gx = f.dgx.clone(), gy = f.dgy.clone();
            double overflow = dens.overflow();

            Objective full = new Objective(model, new DensityModel(nl, p, mv, 16, 1.0, par), par);
            full.density.bind(model);
            full.evaluate(x2, y2, 2.0);
            assertThat(overflow).isEqualTo(full.density.overflow());
            for (int o = real; o < n; o++) {
                assertThat(gx[o]).isEqualTo(full.dgx[o]);
                assertThat(gy[o]).isEqualTo(full.dgy[o]);
            }
            assertThat(n - real).isEqualTo(300);
        }
    }
}
