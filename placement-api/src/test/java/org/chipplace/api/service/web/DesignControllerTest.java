package org.chipplace.api.service.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.chipplace.api.service.Dtos.BenchmarkInfo;
import org.chipplace.api.service.Dtos.Core;
import org.chipplace.api.service.Dtos.DesignSummary;
import org.chipplace.api.service.ServiceErrors.BadRequest;
import org.chipplace.api.service.ServiceErrors.NotFound;
import org.chipplace.api.service.ServiceErrors.UnsupportedType;
import org.chipplace.api.service.designs.UploadExtractor;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

class DesignControllerTest extends WebSliceTest {
    static final UUID ID = UUID.fromString("11111111-2222-3333-4444-555555555555");
    static final DesignSummary SUMMARY = new DesignSummary(ID, "tiny", "tiny.aux", "ab".repeat(32), 1234, 100, 90,
            300, 95, 2, 93, 5, new Core(0, 0, 100, 80), Instant.parse("2026-01-01T00:00:00Z"), "bookshelf", null,
            List.of());

    private static MockMultipartFile file(String name) {
        return new MockMultipartFile("files", name, "application/octet-stream", "x".getBytes());
    }

    @Test
    void uploadReturns201WithLocationAndSummary() throws Exception {
        when(designs.upload(any())).thenReturn(SUMMARY);
        mvc.perform(multipart("/api/designs").file(file("tiny.aux")).file(file("tiny.nodes")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "http://localhost/api/designs/" + ID))
                .andExpect(jsonPath("$.nodes").value(100))
                .andExpect(jsonPath("$.macros").value(2))
                .andExpect(jsonPath("$.core.xh").value(100.0));
    }

    @Test
    void uploadWithANetlistErrorIs400WithFileAndLine() throws Exception {
        when(designs.upload(any())).thenThrow(new BadRequest("tiny.nets:12: expected NetDegree, found 'foo'"));
        mvc.perform(multipart("/api/designs").file(file("tiny.aux")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value("tiny.nets:12: expected NetDegree, found 'foo'"));
    }

    @Test
    void uploadOverTheSizeLimitIs413() throws Exception {
        when(designs.upload(any())).thenThrow(new MaxUploadSizeExceededException(10));
        mvc.perform(multipart("/api/designs").file(file("tiny.aux")))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.status").value(413));
    }

    @Test
    void archiveOverTheDecompressedLimitIs413() throws Exception {
        when(designs.upload(any())).thenThrow(new UploadExtractor.TooLarge("upload exceeds 10 bytes"));
        mvc.perform(multipart("/api/designs").file(file("d.zip")))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail").value("upload exceeds 10 bytes"));
    }

    @Test
    void uploadOfAnUnsupportedFileTypeIs415() throws Exception {
        when(designs.upload(any())).thenThrow(new UnsupportedType("unsupported file 'x.exe'"));
        mvc.perform(multipart("/api/designs").file(file("x.exe")))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.status").value(415));
    }

    @Test
    void uploadAsJsonInsteadOfMultipartIs415() throws Exception {
        mvc.perform(post("/api/designs").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.status").value(415));
    }

    @Test
    void uploadWithoutFilesPartIs400() throws Exception {
        mvc.perform(multipart("/api/designs").file(new MockMultipartFile("other", "a.aux", null, new byte[1])))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void listAndGetReturnSummaries() throws Exception {
        when(designs.list()).thenReturn(List.of(SUMMARY));
        when(designs.get(ID)).thenReturn(SUMMARY);
        mvc.perform(get("/api/designs")).andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(ID.toString()));
        mvc.perform(get("/api/designs/" + ID)).andExpect(status().isOk()).andExpect(jsonPath("$.name").value("tiny"));
    }

    @Test
    void unknownDesignIs404() throws Exception {
        when(designs.get(ID)).thenThrow(new NotFound("design", ID));
        mvc.perform(get("/api/designs/" + ID))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("design " + ID + " not found"));
    }

    @Test
    void malformedDesignIdIs400() throws Exception {
        mvc.perform(get("/api/designs/not-a-uuid")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void benchmarksAreListedWithTheirSubmitNameAndCountsNullWhenUnparsable() throws Exception {
        when(designs.benchmarks()).thenReturn(List.of(
                new BenchmarkInfo("ibm01", "bench:ibm01", "ibm01.aux", 99, 12506, 246, 14111),
                new BenchmarkInfo("broken", "bench:broken", "broken.aux", 5, null, null, null)));
        mvc.perform(get("/api/benchmarks")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].design").value("bench:ibm01"))
                .andExpect(jsonPath("$[0].cells").value(12506))
                .andExpect(jsonPath("$[0].macros").value(246))
                .andExpect(jsonPath("$[0].nets").value(14111))
                .andExpect(jsonPath("$[1].name").value("broken"))
                .andExpect(jsonPath("$[1].cells").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$[1].nets").value(org.hamcrest.Matchers.nullValue()));
    }
}
