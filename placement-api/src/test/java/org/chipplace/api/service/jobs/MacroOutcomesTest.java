package org.chipplace.api.service.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.chipplace.api.service.Dtos.MacroCandidate;
import org.chipplace.api.service.Dtos.MacroOutcome;
import org.junit.jupiter.api.Test;

/** The macro outcome of hand-made reports (the candidates part of docs/report-schema.json). */
class MacroOutcomesTest {
    private final MacroOutcomes outcomes = new MacroOutcomes(new ObjectMapper());

    private static String report(String winner, String... candidates) {
        return "{\"design\":\"d\",\"macroPlacer\":\"greedy\",\"globalHpwlTrace\":[1,2,3],\"candidates\":["
                + String.join(",", candidates) + "],\"winner\":\"" + winner + "\"}";
    }

    private static String candidate(String name, String source, double hpwl, Double seconds, boolean winner) {
        return "{\"name\":\"" + name + "\",\"source\":\"" + source + "\",\"hpwl\":" + hpwl
                + (seconds == null ? "" : ",\"seconds\":" + seconds) + ",\"winner\":" + winner + "}";
    }

    @Test
    void analyticWinnerIsNamedWithHowFarTheMacroPlacerEndedBehind() {
        MacroOutcome o = outcomes.of("greedy", report("candidate-analytic",
                candidate("candidate-1", "greedy", 1.074e6, 2.5, false),
                candidate("candidate-analytic", "analytic", 1.0e6, 3.25, true)));
        assertThat(o.macroPlacer()).isEqualTo("greedy");
        assertThat(o.winner()).isEqualTo("analytic");
        assertThat(o.summary()).isEqualTo("greedy ran; analytic kept, greedy +7.4 %");
        assertThat(o.candidates()).containsExactly(
                new MacroCandidate("candidate-1", "greedy", "greedy", 1.074e6, 2.5, false),
                new MacroCandidate("candidate-analytic", "analytic", "analytic", 1.0e6, 3.25, true));
    }

    @Test
    void macroPlacerWinnerListsTheAnalyticCandidateBehindIt() {
        MacroOutcome o = outcomes.of("ea", report("candidate-1",
                candidate("candidate-1", "ea", 2.0e6, 4.0, true),
                candidate("candidate-analytic", "analytic", 2.062e6, 3.0, false)));
        assertThat(o.winner()).isEqualTo("ea");
        assertThat(o.summary()).isEqualTo("ea ran; ea kept, analytic +3.1 %");
    }

    @Test
    void severalCandidatesOfOnePlacerAreNamedAsInTheReport() {
        MacroOutcome o = outcomes.of("dt", report("candidate-2",
                candidate("candidate-1", "dt", 1.10e6, 1.0, false),
                candidate("candidate-2", "dt", 1.00e6, 1.0, true),
                candidate("candidate-analytic", "analytic", 1.05e6, 1.0, false)));
        assertThat(o.winner()).isEqualTo("candidate-2");
        assertThat(o.summary()).isEqualTo("dt ran; candidate-2 kept, candidate-1 +10.0 %, analytic +5.0 %");
        assertThat(o.candidates()).extracting(MacroCandidate::label)
                .containsExactly("candidate-1", "candidate-2", "analytic");
    }

    @Test
    void aSingleCandidateIsKeptWithNothingToCompareAndNoSeconds() {
        MacroOutcome o = outcomes.of("greedy", report("candidate-1", candidate("candidate-1", "greedy", 5e5, null, true)));
        assertThat(o.summary()).isEqualTo("greedy ran; greedy kept");
        assertThat(o.candidates()).singleElement().satisfies(c -> {
            assertThat(c.seconds()).isNull();
            assertThat(c.kept()).isTrue();
        });
    }

    @Test
    void theWinnerNameCountsWhenNoCandidateCarriesTheFlag() {
        MacroOutcome o = outcomes.of("greedy", report("candidate-analytic",
                candidate("candidate-1", "greedy", 1.2e6, 1.0, false),
                candidate("candidate-analytic", "analytic", 1.0e6, 1.0, false)));
        assertThat(o.winner()).isEqualTo("analytic");
        assertThat(o.summary()).isEqualTo("greedy ran; analytic kept, greedy +20.0 %");
    }

    @Test
    void noMacroPlacerOrNoUsableReportGivesNoOutcome() {
        String ok = report("analytic", candidate("analytic", "analytic", 1e6, null, true));
        assertThat(outcomes.of("none", ok)).isNull();
        assertThat(outcomes.of(null, ok)).isNull();
        assertThat(outcomes.of("greedy", null)).isNull();
        assertThat(outcomes.of("greedy", "{not json")).isNull();
        assertThat(outcomes.of("greedy", "{\"candidates\":[]}")).isNull();
        assertThat(outcomes.of("greedy", "{\"winner\":\"x\"}")).isNull();
        assertThat(outcomes.of("greedy", report("nobody", candidate("candidate-1", "greedy", 1, null, false))))
                .isNull();
    }

    @Test
    void percentageIsSignedWithOneDecimalAndAbsentForZeroHpwl() {
        assertThat(MacroOutcomes.percentBehind(1.0, 1.0)).isEqualTo("+0.0 %");
        assertThat(MacroOutcomes.percentBehind(0.99, 1.0)).isEqualTo("-1.0 %");
        assertThat(MacroOutcomes.percentBehind(1.00049, 1.0)).isEqualTo("+0.0 %");
        assertThat(MacroOutcomes.percentBehind(1.0, 0.0)).isNull();
        assertThat(MacroOutcomes.percentBehind(Double.NaN, 1.0)).isNull();
    }
}
