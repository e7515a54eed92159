package org.chipplace.api.service.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.chipplace.api.service.ServiceErrors.NotFound;
import org.chipplace.api.service.designs.DesignService;
import org.chipplace.api.service.jobs.JobService;
import org.chipplace.api.service.jobs.ResultService;
import org.chipplace.api.service.render.LayoutGeometry;
import org.chipplace.api.service.render.LayoutGeometry.Layout;
import org.chipplace.api.service.render.LayoutGeometry.MacroNets;
import org.chipplace.api.service.store.JobEntity;
import org.chipplace.metrics.MetricsOptions;
import org.chipplace.metrics.Rudy;
import org.chipplace.netlist.Bookshelf;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Geometry of a DONE job for the dashboard's canvas viewer ({@link LayoutGeometry}): the design is
 * read again (upload of either format, or benchmark) with the job's final {@code .pl}. The last few loaded jobs stay
 * in memory, since the viewer asks for the layout and then for the nets of clicked macros.
 * 404 for an unknown job or macro, 409 while the job is not DONE.
 */
@RestController
@Tag(name = "layout")
public class LayoutController {
    /** Standard cells sent as rectangles up to this many (above, only the density raster). */
    static final int DEFAULT_MAX_CELLS = 5000;
    static final int RASTER_BINS = 128;
    static final int MAX_NET_DEGREE = 2000;
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

    public LayoutController(ResultService results, JobService jobs, DesignService designs) {
        this.results = results;
        this.jobs = jobs;
        this.designs = designs;
    }

    private record Placed(Netlist nl, Placement p) {
    }

    @Operation(summary = "Layout geometry for the viewer: die, core, rows, macros, fixed objects, cells "
            + "(rectangles up to maxCells, else null) and density raster, RUDY map; database units, y up")
    @GetMapping("/api/jobs/{id}/layout.json")
    public Layout layout(@PathVariable UUID id,
                         @RequestParam(defaultValue = "" + DEFAULT_MAX_CELLS) int maxCells) throws IOException {
        Placed d = load(id);
        var rudy = Rudy.compute(d.nl, d.p, MetricsOptions.defaults());
        return LayoutGeometry.of(d.nl, d.p, rudy, Math.max(0, Math.min(maxCells, 200_000)), RASTER_BINS);
    }

    @Operation(summary = "Nets of one macro (or any node) with the positions of their pins")
    @GetMapping("/api/jobs/{id}/macros/{name}/nets")
    public MacroNets nets(@PathVariable UUID id, @PathVariable String name) throws IOException {
        Placed d = load(id);
        int v = d.nl.nodeIndex(name);
        if (v < 0) {
            throw new NotFound("node", name);
        }
        return LayoutGeometry.netsOf(d.nl, d.p, v, MAX_NET_DEGREE);
    }

    private Placed load(UUID id) throws IOException {
        byte[] pl = results.placementPl(id);
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
