package org.chipplace.api.service.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.chipplace.api.service.models.ModelCatalog;
import org.chipplace.api.service.models.ModelCatalog.ModelCard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shipped models (cards and training logs) for the dashboard: request mapping only, the
 * catalogue is {@link ModelCatalog}.
 */
@RestController
@Tag(name = "models")
public class ModelController {
    private final ModelCatalog catalog;

    public ModelController(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "Shipped models: their cards (Markdown) and training logs")
    @GetMapping("/api/models")
    public List<ModelCard> models() throws IOException {
        return catalog.models();
    }
}
