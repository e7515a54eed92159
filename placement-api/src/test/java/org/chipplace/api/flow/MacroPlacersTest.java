package org.chipplace.api.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.chipplace.offline.experts.EaPlacer;
import org.chipplace.offline.experts.GreedyPlacer;
import org.chipplace.offline.experts.SlidingMacroPlacer;
import org.chipplace.placer.MacroPlacer;
import org.chipplace.policy.DecisionTransformerPlacer;
import org.junit.jupiter.api.Test;

class MacroPlacersTest {

    @Test
    void everyMacroPlacerOfTheFlowIsRefinedBySlidesWithSeveralCandidates() {
        for (String name : new String[] {"greedy", "ea", "dt"}) {
            MacroPlacer p = MacroPlacers.byName(name, MacroPlacers.Settings.defaults());
            try {
                assertThat(p).as(name).isInstanceOf(SlidingMacroPlacer.class);
                SlidingMacroPlacer s = (SlidingMacroPlacer) p;
                assertThat(s.name()).isEqualTo(name);
                assertThat(s.options().densityWeights()).as(name).hasSizeGreaterThan(1);
                Class<?> inner = switch (name) {
                    case "greedy" -> GreedyPlacer.class;
                    case "ea" -> EaPlacer.class;
                    default -> DecisionTransformerPlacer.class;
                };
                assertThat(s.inner()).as(name).isInstanceOf(inner);
            } finally {
                MacroPlacers.close(p);
            }
        }
        assertThat(MacroPlacers.byName("none", MacroPlacers.Settings.defaults())).isNull();
    }

    @Test
    void theDecisionTransformerOfTheFlowCountsStandardCellPinsAndPads() {
        SlidingMacroPlacer p = (SlidingMacroPlacer) MacroPlacers.byName("dt", MacroPlacers.Settings.defaults());
        try {
            DecisionTransformerPlacer dt = (DecisionTransformerPlacer) p.inner();
            assertThat(dt.options().cellPins()).isTrue();
            assertThat(dt.options().fixedPins()).isTrue();
        } finally {
            MacroPlacers.close(p);
        }
    }
}
