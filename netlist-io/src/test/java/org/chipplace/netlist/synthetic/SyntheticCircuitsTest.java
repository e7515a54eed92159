package org.chipplace.netlist.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.chipplace.netlist.testing.NetlistAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCircuitsTest {
    @TempDir
    Path dir;

    @Test
    void writtenBookshelfReadsBackAsTheSameDesign() {
        Netlist nl = SyntheticCircuits.generate("synx", SyntheticOptions.small(6), 3);
        SyntheticCircuits.writeBookshelf(nl, dir);
        Netlist back = Bookshelf.read(dir.resolve("synx.aux"));
        assertThat(back.numMacros()).isEqualTo(6);
        NetlistAssertions.assertSameNetlist(nl, back);
    }

    @Test
    void sameSeedGivesTheSameDesignAndAnotherSeedAnotherOne() {
        SyntheticOptions o = SyntheticOptions.defaults();
        Netlist a = SyntheticCircuits.generate("a", o, 42);
        Netlist b = SyntheticCircuits.generate("a", o, 42);
        Netlist c = SyntheticCircuits.generate("a", o, 43);
        NetlistAssertions.assertSameNetlist(a, b);
        assertThat(c.pinNode()).isNotEqualTo(a.pinNode());
        assertThat(c.widths()).isNotEqualTo(a.widths());
    }

    @Test
    void severalDesignsAreNamedInOrderAndDiffer() {
        java.util.List<Netlist> ds = SyntheticCircuits.generate(3, SyntheticOptions.small(4), 9);
        assertThat(ds).extracting(Netlist::name).containsExactly("synthetic-000", "synthetic-001", "synthetic-002");
        assertThat(ds.get(0).pinNode()).isNotEqualTo(ds.get(1).pinNode());
    }

    @Test
    void countsUtilisationAndPadsFollowTheOptions() {
        SyntheticOptions o = new SyntheticOptions(12, 500, 700, 20, 0.6, 0.4, 0.6);
        Netlist nl = SyntheticCircuits.generate("x", o, 1);
        assertThat(nl.numMacros()).isEqualTo(12);
        assertThat(nl.numCells()).isEqualTo(500);
        assertThat(nl.numFixed()).isEqualTo(20);
        assertThat(nl.numNets()).isEqualTo(700);
        double core = (nl.coreXh() - nl.coreXl()) * (nl.coreYh() - nl.coreYl());
        assertThat(nl.movableArea() / core).isBetween(0.5, 0.62);
        double macroArea = 0;
        int[] degree = new int[nl.numNodes()];
        for (int p = 0; p < nl.numPins(); p++) {
            degree[nl.pinNode()[p]]++;
        }
        for (int v = 0; v < nl.numNodes(); v++) {
            if (nl.isMacro(v)) {
                macroArea += nl.widths()[v] * nl.heights()[v];
                assertThat(nl.widths()[v]).isLessThanOrEqualTo(nl.coreXh() - nl.coreXl());
            }
            if (nl.kind(v) == NodeKind.FIXED) {
                double x = nl.initialPlacement().x()[v];
                double y = nl.initialPlacement().y()[v];
                boolean outside = x < nl.coreXl() || x >= nl.coreXh() || y < nl.coreYl() || y >= nl.coreYh();
                assertThat(outside).isTrue();
                assertThat(degree[v]).isPositive();
            }
        }
        assertThat(macroArea / nl.movableArea()).isBetween(0.3, 0.5);
    }
}
