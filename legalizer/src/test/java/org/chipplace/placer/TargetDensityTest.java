package org.chipplace.placer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NetlistBuilder;
import org.chipplace.netlist.Row;
import org.junit.jupiter.api.Test;

class TargetDensityTest {
    /** 10 rows of 100 x 10 (area 10,000), a fixed 20 x 50 block half outside the core, and movable area {@code a}. */
    private static Netlist design(double cellArea) {
        NetlistBuilder b = new NetlistBuilder("t");
        for (int r = 0; r < 10; r++) {
            b.addRow(new Row(10 * r, 10, 1, 1, 0, 100, "N"));
        }
        b.setPosition(b.addFixed("blk", 40, 50, false), 80, 0, "N"); // 20 x 50 = 1,000 inside the core
        b.setPosition(b.addFixed("pad", 0, 0, true), -5, -5, "N");
        int cells = (int) (cellArea / 50);
        for (int i = 0; i < cells; i++) {
            b.setPosition(b.addMovable("c" + i, 5, 10), 0, 0, "N");
        }
        b.setPosition(b.addMovable("m", 30, 30), 0, 0, "N"); // a macro: 900
        return b.build();
    }

    @Test
    void uniformDensityIsMovableAreaOverRowAreaNotUnderFixedBlocks() {
        Netlist nl = design(2700); // 2,700 cells + 900 macro over 10,000 - 1,000
        assertThat(TargetDensity.uniformDensity(nl)).isCloseTo(3600.0 / 9000, within(1e-12));
        assertThat(TargetDensity.auto(nl)).isCloseTo(0.4 + 0.21, within(1e-12));
    }

    @Test
    void aTightlyPackedDesignKeepsTargetDensityOne() {
        Netlist nl = design(7200); // (7,200 + 900) / 9,000 = 0.9
        assertThat(TargetDensity.auto(nl)).isEqualTo(1.0);
    }

    @Test
    void optionsResolveOnlyTheAutomaticDensity() {
        Netlist nl = design(2700);
        assertThat(PlacerOptions.defaults().targetDensity()).isEqualTo(PlacerOptions.AUTO_TARGET_DENSITY);
        assertThat(PlacerOptions.defaults().resolvedFor(nl).targetDensity()).isCloseTo(0.61, within(1e-12));
        assertThat(PlacerOptions.defaults().withTargetDensity(0.9).resolvedFor(nl).targetDensity()).isEqualTo(0.9);
        assertThatThrownBy(() -> PlacerOptions.defaults().withTargetDensity(-0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 = automatic");
    }
}
