package org.chipplace.api.service.designs;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sizes of the benchmark designs (cells, macros, nets, counted as {@link DesignService} counts an
 * upload's: {@link Netlist#numCells()}, {@link Netlist#numMacros()}, {@link Netlist#numNets()}).
 * Counting parses the design, so each count is computed on first request and kept in memory under
 * the .aux path and the size and latest modification time of the design's files: a design whose files
 * change is counted again. A design that does not parse counts as {@link Counts#UNKNOWN} (nulls).
 */
@Component
public class BenchmarkCounts {
    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkCounts.class);

    /** Counts of one design; nulls when it does not parse. */
    public record Counts(Integer cells, Integer macros, Integer nets) {
        public static final Counts UNKNOWN = new Counts(null, null, null);
    }

    private record Key(Path aux, long sizeBytes, long modifiedMillis) {
    }

    private final Map<Key, Counts> cache = new HashMap<>();
    private int parses;

    /**
     * The counts of the design of {@code aux}, whose files total {@code sizeBytes} and were last
     * modified at {@code modifiedMillis}; parsed at most once per such key.
     */
    public Counts of(Path aux, long sizeBytes, long modifiedMillis) {
        Key key = new Key(aux.toAbsolutePath().normalize(), sizeBytes, modifiedMillis);
        synchronized (cache) {
            Counts c = cache.get(key);
            if (c != null) {
                return c;
            }
        }
        Counts c;
        try {
            Netlist nl = Bookshelf.read(key.aux());
            c = new Counts(nl.numCells(), nl.numMacros(), nl.numNets());
        } catch (RuntimeException e) {
            LOG.info("benchmark {} does not parse: {}", aux, e.toString());
            c = Counts.UNKNOWN;
        }
        synchronized (cache) {
            cache.keySet().removeIf(k -> k.aux().equals(key.aux()));
            cache.put(key, c);
            parses++;
        }
        return c;
    }

    /** How many times a design was parsed (for tests). */
    int parses() {
        synchronized (cache) {
            return parses;
        }
    }
}
