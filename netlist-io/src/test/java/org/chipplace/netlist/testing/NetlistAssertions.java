package org.chipplace.netlist.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;

/** Exact equality of netlists, placements and double arrays, for round-trip tests. */
public final class NetlistAssertions {
    private NetlistAssertions() {
    }

    /** Asserts that every array and field of two netlists is identical. */
    public static void assertSameNetlist(Netlist a, Netlist b) {
        assertThat(b.name()).isEqualTo(a.name());
        assertThat(b.nodeNames()).containsExactly(a.nodeNames());
        assertThat(b.widths()).containsExactly(a.widths());
        assertThat(b.heights()).containsExactly(a.heights());
        assertThat(b.kinds()).containsExactly(a.kinds());
        assertThat(b.netNames()).containsExactly(a.netNames());
        assertThat(b.netWeights()).containsExactly(a.netWeights());
        assertThat(b.netPinStart()).containsExactly(a.netPinStart());
        assertThat(b.pinNode()).containsExactly(a.pinNode());
        assertThat(b.pinDx()).containsExactly(a.pinDx());
        assertThat(b.pinDy()).containsExactly(a.pinDy());
        assertThat(b.pinDirection()).containsExactly(a.pinDirection());
        assertThat(b.rows()).containsExactly(a.rows());
        assertThat(new double[] {b.coreXl(), b.coreYl(), b.coreXh(), b.coreYh(), b.rowHeight()})
                .containsExactly(a.coreXl(), a.coreYl(), a.coreXh(), a.coreYh(), a.rowHeight());
        assertSamePlacement(a.initialPlacement(), b.initialPlacement());
    }

    public static void assertSamePlacement(Placement a, Placement b) {
        assertThat(b.x()).containsExactly(a.x());
        assertThat(b.y()).containsExactly(a.y());
        assertThat(b.orient()).containsExactly(a.orient());
    }

    /** Bit-exact comparison (containsExactly on doubles uses equals, so -0.0 differs from 0.0). */
    public static void assertBitsEqual(double[] expected, double[] actual) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.doubleToRawLongBits(actual[i])).as("index %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(expected[i]));
        }
    }
}
