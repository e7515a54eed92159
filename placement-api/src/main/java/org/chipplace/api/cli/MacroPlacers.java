package org.chipplace.api.cli;

import java.util.Iterator;
import java.util.List;
import org.chipplace.offline.EaOptions;
import org.chipplace.offline.EaPlacer;
import org.chipplace.offline.EnvOptions;
import org.chipplace.offline.GreedyPlacer;
import org.chipplace.placer.MacroPlacer;

/** The macro placers the command line and the service offer, by {@code --macro-placer} name. */
public final class MacroPlacers {
    /** Names accepted by {@link #byName(String)}. */
    public static final List<String> NAMES = List.of("none", "greedy", "ea", "dt");

    /** Default search budget of the evolutionary placer, seconds. */
    public static final double DEFAULT_TIME_LIMIT = 60;

    /**
     * Environment of the flow's macro stage: the cells of the preceding mixed-size global placement
     * count as pins, so the macro HPWL covers every net that touches a macro; a 256 x 256 grid so that
     * rounding macro sizes up to whole cells costs little area. {@code ea} runs in its local mode
     * (radius 1) from the global placement's macro positions; see docs/benchmarks.md.
     */
    private static final EnvOptions FLOW_ENV = EnvOptions.defaults().withCellPins(true).withGrid(256);

    private MacroPlacers() {
    }

    /** {@link #byName(String, double, int)} with the default budget and one thread. */
    public static MacroPlacer byName(String name) {
        return byName(name, DEFAULT_TIME_LIMIT, 1);
    }

    /**
     * The macro placer called {@code name}, or null for {@code none} (macros then move in global
     * placement). Unknown or unavailable placers throw IllegalArgumentException.
     *
     * @param timeLimitSeconds search budget of {@code ea}
     * @param threads          worker threads of {@code ea} (0 = all cores)
     */
    public static MacroPlacer byName(String name, double timeLimitSeconds, int threads) {
        return switch (name) {
            case "none" -> null;
            case "greedy" -> new GreedyPlacer(FLOW_ENV);
            case "ea" -> new EaPlacer(FLOW_ENV, EaOptions.defaults().withTimeLimit(timeLimitSeconds)
                    .withWarmStart(true).withLocalRadius(1)
                    .withThreads(threads > 0 ? threads : Runtime.getRuntime().availableProcessors()));
            case "dt" -> throw new IllegalArgumentException("--macro-placer dt (decision transformer) is not "
                    + "available in this build yet; use --macro-placer greedy or ea");
            default -> throw new IllegalArgumentException("unknown --macro-placer '" + name + "'; expected one of "
                    + NAMES);
        };
    }

    /** Completion candidates for picocli. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }
}
