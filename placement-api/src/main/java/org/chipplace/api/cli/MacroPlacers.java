package org.chipplace.api.cli;

import java.util.Iterator;
import java.util.List;
import org.chipplace.placer.MacroPlacer;

/** The macro placers the command line and the service offer, by {@code --macro-placer} name. */
public final class MacroPlacers {
    /** Names accepted by {@link #byName(String)}. */
    public static final List<String> NAMES = List.of("none", "greedy", "ea", "dt");

    private MacroPlacers() {
    }

    /**
     * The macro placer called {@code name}, or null for {@code none} (macros then move in global
     * placement). Unknown or not yet available placers throw IllegalArgumentException.
     */
    public static MacroPlacer byName(String name) {
        return switch (name) {
            case "none" -> null;
            case "greedy", "ea" -> throw new IllegalArgumentException("--macro-placer " + name
                    + " is not available in this build yet; use --macro-placer none");
            case "dt" -> throw new IllegalArgumentException("--macro-placer dt (decision transformer) is not "
                    + "available in this build yet; use --macro-placer none");
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
