package org.chipplace.api.flow;

import java.nio.file.Path;
import java.util.Locale;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.chipplace.placer.MacroPlacer;
import org.chipplace.placer.PlacementResult;
import org.chipplace.placer.Placer;
import org.chipplace.placer.PlacerOptions;
import org.chipplace.placer.ProgressListener;
import org.chipplace.placer.StageReport;

/**
 * Benchmark driver (not a test): a macro placer's candidates finished as they are and released to the
 * analytic placer first ({@link PlacerOptions#releaseMacros()}), on one Bookshelf design.
 * {@code java -cp ... org.chipplace.api.flow.ReleaseExperiment D.aux greedy|dt [seed] [threads]}
 */
public final class ReleaseExperiment {
    private ReleaseExperiment() {
    }

    public static void main(String[] args) throws Exception {
        Netlist nl = Bookshelf.read(Path.of(args[0]));
        String name = args[1];
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        PlacerOptions o = PlacerOptions.defaults().withSeed(seed).withThreads(threads);
        MacroPlacers.Settings s = MacroPlacers.Settings.defaults().withThreads(threads);
        for (boolean release : new boolean[] {false, true}) {
            MacroPlacer mp = MacroPlacers.byName(name, s);
            try {
                long t = System.nanoTime();
                PlacementResult r = Placer.place(nl, o.withReleaseMacros(release), mp, ProgressListener.NONE);
                System.out.printf(Locale.ROOT, "%s %s release=%b final %.6e legal %b %.1f s%n", nl.name(), name,
                        release, r.metrics().hpwl(), r.metrics().legal(), (System.nanoTime() - t) * 1e-9);
                for (StageReport st : r.stages()) {
                    System.out.printf(Locale.ROOT, "  %-26s %7.2f s  %.6e%n", st.stage(), st.seconds(), st.hpwl());
                }
            } finally {
                MacroPlacers.close(mp);
            }
        }
    }
}
