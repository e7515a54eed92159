package org.chipplace.api.service.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.chipplace.api.service.ServiceErrors.NotFound;
import org.chipplace.api.service.designs.DesignService;
import org.chipplace.api.service.render.LayoutGeometry.Layout;
import org.chipplace.api.service.render.LayoutGeometry.MacroNets;
import org.chipplace.api.service.render.LayoutGeometry;
import org.chipplace.api.service.store.JobEntity;
import org.chipplace.metrics.MetricsOptions;
import org.chipplace.metrics.Rudy;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

/**
 * Geometry of a DONE job for the dashboard's canvas viewer ({@link LayoutGeometry}): the design is
 * read again (upload of either format, or benchmark, into a temporary folder) with the job's final
 * {@code .pl}. The last few loaded jobs stay in memory, since the viewer asks for the layout and then
 * for the nets of clicked macros. {@link NotFound} for an unknown job or node; the
 * {@link ResultService}'s conflict while the job is not DONE.
 */
@Service
public class LayoutService {
    /** Standard cells sent as rectangles up to this many by default (above, only the density raster). */
    public static final int DEFAULT_MAX_CELLS = 5000;
    /** Most standard cells ever sent as rectangles. */
    public static final int MAX_CELLS = 200_000;
    /** Bins per side of the cell density raster. */
    public static final int RASTER_BINS = 128;
    /** Nets of a node with more pins than this are left out of {@link #nets}. */
    public static final int MAX_NET_DEGREE = 2000;
    private static final int CACHED_JOBS = 4;

    private final ResultService results;
    private final JobService jobs;
    private final DesignService designs;
    private final Map<UUID, Placed> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Placed> e) {
            return size() > CACHED_JOBS;
        }
    };

    public LayoutService(ResultService results, JobService jobs, DesignService designs) {
        this.results = results;
        this.jobs = jobs;
        this.designs = designs;
    }

    private record Placed(Netlist nl, Placement p) {
    }

    /** The layout of job {@code id} with up to {@code maxCells} cells as rectangles (clamped to 0..{@link #MAX_CELLS}). */
    public Layout layout(UUID id, int maxCells) throws IOException {
        Placed d = load(id);
        var rudy = Rudy.compute(d.nl, d.p, MetricsOptions.defaults());
        return LayoutGeometry.of(d.nl, d.p, rudy, Math.max(0, Math.min(maxCells, MAX_CELLS)), RASTER_BINS);
    }

    /** The nets of node {@code name} (a macro, usually) of job {@code id} with their pins' positions. */
    public MacroNets nets(UUID id, String name) throws IOException {
        Placed d = load(id);
        int v = d.nl.nodeIndex(name);
        if (v < 0) {
            throw new NotFound("node", name);
        }
        return LayoutGeometry.netsOf(d.nl, d.p, v, MAX_NET_DEGREE);
    }

    private Placed load(UUID id) throws IOException {
        byte[] pl = results.placementPl(id).content();
        synchronized (cache) {
            Placed c = cache.get(id);
            if (c != null) {
                return c;
            }
        }
        JobEntity job = jobs.find(id);
        Path dir = Files.createTempDirectory("chipplace-layout");
        try {
            Netlist nl = designs.load(job.getDesignId(), job.getBenchmark(), dir).netlist();
            Path plFile = dir.resolve("result.pl");
            Files.write(plFile, pl);
            Placed placed = new Placed(nl, Bookshelf.readPl(nl, plFile));
            synchronized (cache) {
                cache.put(id, placed);
            }
            return placed;
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
    }
}
