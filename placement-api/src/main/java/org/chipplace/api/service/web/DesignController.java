package org.chipplace.api.service.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.chipplace.api.service.ChipplaceProperties;
import org.chipplace.api.service.Dtos.BenchmarkInfo;
import org.chipplace.api.service.Dtos.DesignSummary;
import org.chipplace.api.service.designs.DesignService;
import org.chipplace.api.service.designs.UploadExtractor;
import org.chipplace.api.service.jobs.DesignErasure;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Design uploads (Bookshelf or LEF/DEF) and the benchmarks folder. */
@RestController
@Tag(name = "designs")
public class DesignController {
    private final DesignService designs;
    private final ChipplaceProperties props;
    private final DesignErasure erasure;

    public DesignController(DesignService designs, ChipplaceProperties props, DesignErasure erasure) {
        this.designs = designs;
        this.props = props;
        this.erasure = erasure;
    }

    @Operation(summary = "Upload a design as parts 'files': Bookshelf files (.aux .nodes .nets [.wts] .pl .scl), "
            + "or LEF files (technology LEF first) and one .def, or one .zip/.tar/.tar.gz holding them; "
            + "the summary's 'format' is bookshelf or lefdef")
    @PostMapping(path = "/api/designs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<DesignSummary> upload(@RequestPart("files") List<MultipartFile> files) throws IOException {
        long size = 0;
        for (MultipartFile f : files) {
            size += f.getSize();
        }
        long max = props.getUpload().getMaxBytes();
        if (size > max) {
            throw new MaxUploadSizeExceededException(max);
        }
        List<InputStream> opened = new ArrayList<>();
        try {
            List<UploadExtractor.Part> parts = new ArrayList<>();
            for (MultipartFile f : files) {
                InputStream in = f.getInputStream();
                opened.add(in);
                parts.add(new UploadExtractor.Part(f.getOriginalFilename(), in));
            }
            DesignSummary d = designs.upload(parts);
            return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                    .buildAndExpand(d.id()).toUri()).body(d);
        } finally {
            for (InputStream in : opened) {
                in.close();
            }
        }
    }

    @Operation(summary = "List uploaded designs, newest first")
    @GetMapping("/api/designs")
    public List<DesignSummary> list() {
        return designs.list();
    }

    @Operation(summary = "One uploaded design")
    @GetMapping("/api/designs/{id}")
    public DesignSummary get(@PathVariable UUID id) {
        return designs.get(id);
    }

    @Operation(summary = "Erase a design with its files, jobs, results and sweep rows (204); 409 while one of "
            + "its jobs is queued or running, unless cancel=true")
    @DeleteMapping("/api/designs/{id}")
    public ResponseEntity<Void> delete(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean cancel) {
        erasure.erase(id, cancel);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Designs of the benchmarks folder (submit one as design \"bench:<name>\")")
    @GetMapping("/api/benchmarks")
    public List<BenchmarkInfo> benchmarks() throws IOException {
        return designs.benchmarks();
    }
}
