package org.chipplace.netlist.bookshelf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.testing.BenchmarkDesigns;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads every complete public benchmark and checks it against SOURCES.md and a naive re-parse. */
class BookshelfBenchmarksTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // design, nodes, terminals, nets, pins, macros, core xl, yl, xh, yh
        "ibm01, 12752, 246, 14111, 50566, 246, 0, 0, 2295, 2304",
        "ibm02_stdcell, 19601, 259, 19584, 81199, 0, 0, 0, 1757, 1744",
        "ibm03_stdcell, 23136, 283, 27401, 93573, 0, 0, 0, 1938, 1936",
        "ibm05, 29347, 1201, 28446, 126308, 0, 0, 0, 2360, 2368",
        "ibm02_ms, 19601, 259, 19584, 81199, 271, 0, 0, 3256, 3248",
        "simple_dreamplace_unittest, 10, 2, 8, 26, 4, 459, 459, 555, 555"})
    void benchmarkCountsCoreAndHpwlMatchHeadersAndNaiveReparse(String design, int nodes, int terminals, int nets,
            int pins, int macros, double xl, double yl, double xh, double yh) throws Exception {
        Path aux = BenchmarkDesigns.auxOrSkip(design);
        Netlist nl = Bookshelf.read(aux);

        assertThat(nl.numNodes()).isEqualTo(nodes);
        assertThat(nl.numFixed() + nl.numFixedNi()).isEqualTo(terminals);
        assertThat(nl.numNets()).isEqualTo(nets);
        assertThat(nl.numPins()).isEqualTo(pins);
        assertThat(nl.numMacros()).isEqualTo(macros);
        assertThat(new double[] {nl.coreXl(), nl.coreYl(), nl.coreXh(), nl.coreYh()}).containsExactly(xl, yl, xh, yh);
        for (double w : nl.netWeights()) {
            assertThat(w).isEqualTo(1.0); // these .wts files hold node weights only
        }

        IndependentBookshelf ref = new IndependentBookshelf(aux);
        assertThat(ref.size).hasSize(nodes);
        assertThat(ref.terminals).isEqualTo(terminals);
        assertThat(ref.nets).isEqualTo(nets);
        assertThat(ref.pins).isEqualTo(pins);
        for (int v = 0; v < nl.numNodes(); v++) {
            double[] s = ref.size.get(nl.nodeNames()[v]);
            assertThat(new double[] {nl.widths()[v], nl.heights()[v]}).containsExactly(s);
        }
        double hpwl = IndependentBookshelf.hpwl(nl, nl.initialPlacement());
        assertThat(hpwl).isPositive();
        assertThat(hpwl).isCloseTo(ref.hpwl, within(1e-9 * ref.hpwl));
    }
}
