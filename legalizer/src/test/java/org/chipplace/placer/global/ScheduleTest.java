package org.chipplace.placer.global;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScheduleTest {
    @Test
    void onlyTheMixedWirelengthGuardWaitsForSeveralFailedWindows() {
        assertThat(Schedule.guardPatience(true, 0.3)).isEqualTo(Schedule.GUARD_MIXED_PATIENCE).isGreaterThan(1);
        assertThat(Schedule.guardPatience(true, 0.05)).isEqualTo(1); // the tail guard
        assertThat(Schedule.guardPatience(false, 0.1)).isEqualTo(1); // cells only
    }

    @Test
    void wirelengthGuardFailsAWindowOnlyWhenHpwlRoseAndOverflowBarelyFell() {
        assertThat(Schedule.wirelengthGuardStops(100, 0.30, 105, 0.295)).isTrue();
        assertThat(Schedule.wirelengthGuardStops(100, 0.30, 105, 0.25)).isFalse();
        assertThat(Schedule.wirelengthGuardStops(100, 0.30, 102, 0.30)).isFalse();
    }

    @Test
    void mixedRunsDoNotStallBeforeTheirMacrosSeparate() {
        assertThat(Schedule.stalled(true, 10_000, 0.9)).isFalse();
        assertThat(Schedule.stalled(true, Schedule.STALL_ITERATIONS_MIXED + 1, 0.3)).isTrue();
        assertThat(Schedule.stalled(false, Schedule.STALL_ITERATIONS + 1, 0.9)).isTrue();
    }
}
