package org.chipplace.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.placer.ProgressListener;
import org.junit.jupiter.api.Test;

class DefaultModelTest {

    @Test
    void bundledModelPlacesEveryMacroInsideTheCoreAndReportsTheWrittenHpwl() {
        Netlist nl = TestModels.tinyDesign(12, 51);
        Placement p = nl.initialPlacement();
        try (DecisionTransformerPlacer placer = new DecisionTransformerPlacer(DtOptions.defaults().withSamples(2))) {
            assertThat(placer.name()).isEqualTo("dt");
            placer.placeMacros(nl, p, 3, ProgressListener.NONE);
            DtResult r = placer.lastResult();
            assertThat(r.rolloutHpwl()).hasSize(2);
            assertThat(MacroEnv.macroHpwl(nl, p)).isCloseTo(r.hpwl(), org.assertj.core.data.Offset.offset(1e-6 * r.hpwl()));
        }
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.isMacro(v)) {
                assertThat(p.x()[v]).isBetween(nl.coreXl(), nl.coreXh() - nl.widths()[v] + 1e-6);
                assertThat(p.y()[v]).isBetween(nl.coreYl(), nl.coreYh() - nl.heights()[v] + 1e-6);
            } else {
                assertThat(p.x()[v]).isEqualTo(nl.initialPlacement().x()[v]);
            }
        }
    }
}
