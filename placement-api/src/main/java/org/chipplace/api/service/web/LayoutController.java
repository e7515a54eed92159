package org.chipplace.api.service.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.UUID;
import org.chipplace.api.service.jobs.LayoutService;
import org.chipplace.api.service.render.LayoutGeometry.Layout;
import org.chipplace.api.service.render.LayoutGeometry.MacroNets;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Geometry of a DONE job for the dashboard's canvas viewer: request mapping only, the work is
 * {@link LayoutService}'s. 404 for an unknown job or macro, 409 while the job is not DONE.
 */
@RestController
@Tag(name = "layout")
public class LayoutController {
    private final LayoutService layouts;

    public LayoutController(LayoutService layouts) {
        this.layouts = layouts;
    }

    @Operation(summary = "Layout geometry for the viewer: die, core, rows, macros, fixed objects, cells "
            + "(rectangles up to maxCells, else null) and density raster, RUDY map; database units, y up")
    @GetMapping("/api/jobs/{id}/layout.json")
    public Layout layout(@PathVariable UUID id,
                         @RequestParam(defaultValue = "" + LayoutService.DEFAULT_MAX_CELLS) int maxCells)
            throws IOException {
        return layouts.layout(id, maxCells);
    }

    @Operation(summary = "Nets of one macro (or any node) with the positions of their pins")
    @GetMapping("/api/jobs/{id}/macros/{name}/nets")
    public MacroNets nets(@PathVariable UUID id, @PathVariable String name) throws IOException {
        return layouts.nets(id, name);
    }
}
