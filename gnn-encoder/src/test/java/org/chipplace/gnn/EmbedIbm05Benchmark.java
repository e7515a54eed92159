package org.chipplace.gnn;

import java.nio.file.Path;
import java.util.Arrays;
import org.chipplace.netlist.Benchmarks;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.bookshelf.Bookshelf;

/**
 * Times {@link CircuitEncoder#embed} of ibm05 (29k nodes, 126k pins, no macros: full netlist
 * graph) with the bundled checkpoint on CPU: 3 warm-up calls, then the median of 5 timed calls.
 * Target: under 2 s after warm-up. Usage: {@code EmbedIbm05Benchmark [design]}.
 */
public final class EmbedIbm05Benchmark {
    private EmbedIbm05Benchmark() {
    }

    public static void main(String[] args) {
        String design = args.length > 0 ? args[0] : "ibm05";
        Path aux = Benchmarks.aux(design).orElseThrow(() -> new IllegalStateException(Benchmarks.missingMessage(design)));
        Netlist nl = Bookshelf.read(aux);
        System.out.println(nl);
        try (CircuitEncoder enc = CircuitEncoder.loadDefault()) {
            long g0 = System.nanoTime();
            CircuitGraph g = CircuitGraph.of(nl, enc.graphOptions());
            System.out.printf("graph: %d vertices, %d edges (%.0f ms cold)%n", g.numNodes(), g.numEdges(),
                    (System.nanoTime() - g0) / 1e6);
            for (int i = 0; i < 3; i++) {
                enc.embed(nl);
            }
            double[] ms = new double[5];
            float[] token = null;
            for (int i = 0; i < ms.length; i++) {
                long t = System.nanoTime();
                token = enc.embed(nl);
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("embed %s: median %.1f ms, min %.1f ms, max %.1f ms (token[0..2] = %.4f %.4f %.4f)%n",
                    design, ms[2], ms[0], ms[4], token[0], token[1], token[2]);
        }
    }
}
