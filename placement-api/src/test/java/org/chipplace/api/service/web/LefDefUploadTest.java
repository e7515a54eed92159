package org.chipplace.api.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.chipplace.api.service.TestDesigns;
import org.chipplace.api.service.designs.BenchmarkCounts;
import org.chipplace.api.service.designs.DesignService;
import org.chipplace.api.service.store.DesignEntity;
import org.chipplace.api.service.store.DesignFileRepository;
import org.chipplace.api.service.store.DesignRepository;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.lefdef.DefDesign;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.chipplace.api.service.jobs.DesignErasure;
import org.chipplace.api.service.security.AuditLog;
import org.chipplace.api.service.security.AuthSettings;
import org.chipplace.api.service.security.Callers;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * {@code POST /api/designs} with LEF/DEF files through the real {@link DesignService} (upload
 * extraction, format detection, parsing, summary) and only the repositories mocked.
 */
@WebMvcTest(controllers = DesignController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({DesignService.class, BenchmarkCounts.class, Callers.class, AuthSettings.class})
class LefDefUploadTest {
    @Autowired
    MockMvc mvc;
    @MockitoBean
    DesignRepository designs;
    @MockitoBean
    DesignFileRepository files;
    @MockitoBean
    DesignErasure erasure;
    @MockitoBean
    AuditLog audit;

    private static MockMultipartFile part(String name, byte[] bytes) {
        return new MockMultipartFile("files", name, "application/octet-stream", bytes);
    }

    private static MockMultipartFile resource(String name) throws IOException {
        return part(name, Files.readAllBytes(TestDesigns.lefDefDir().resolve(name)));
    }

    private static MockMultipartHttpServletRequestBuilder upload(MockMultipartFile... parts) {
        var b = multipart("/api/designs");
        for (MockMultipartFile p : parts) {
            b.file(p);
        }
        return b;
    }

    @Test
    void lefsAndADefAreStoredAsALefDefDesignWithTheirCounts() throws Exception {
        DefDesign d = TestDesigns.readLefDef(TestDesigns.lefDefDir().resolve(TestDesigns.DEF));
        Netlist nl = d.netlist();
        mvc.perform(upload(resource("tech.lef"), resource("cells.lef"), resource("blocks.lef"),
                        resource(TestDesigns.DEF)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.format").value("lefdef"))
                .andExpect(jsonPath("$.name").value("tinydef"))
                .andExpect(jsonPath("$.defPath").value(TestDesigns.DEF))
                .andExpect(jsonPath("$.lefPaths[0]").value("tech.lef"))
                .andExpect(jsonPath("$.lefPaths[2]").value("blocks.lef"))
                .andExpect(jsonPath("$.auxPath").isEmpty())
                .andExpect(jsonPath("$.nodes").value(nl.numNodes()))
                .andExpect(jsonPath("$.nets").value(nl.numNets()))
                .andExpect(jsonPath("$.pins").value(nl.numPins()))
                .andExpect(jsonPath("$.cells").value(80))
                .andExpect(jsonPath("$.macros").value(1))
                .andExpect(jsonPath("$.checksum").value(org.hamcrest.Matchers.hasLength(64)));
        ArgumentCaptor<DesignEntity> saved = ArgumentCaptor.forClass(DesignEntity.class);
        verify(designs).save(saved.capture());
        assertThat(saved.getValue().getFormat()).isEqualTo("lefdef");
        assertThat(saved.getValue().getLefPaths()).containsExactly("tech.lef", "cells.lef", "blocks.lef");
        assertThat(saved.getValue().getAuxPath()).isEqualTo(TestDesigns.DEF);
        verify(files, times(4)).save(any());
    }

    @Test
    void aTarGzHoldingLefsAndADefIsADesignToo() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            for (String name : new String[] {"tech.lef", "cells.lef", "blocks.lef", TestDesigns.DEF, "README"}) {
                byte[] bytes = name.equals("README") ? "notes".getBytes(StandardCharsets.UTF_8)
                        : Files.readAllBytes(TestDesigns.lefDefDir().resolve(name));
                TarArchiveEntry e = new TarArchiveEntry("tinydef/" + name);
                e.setSize(bytes.length);
                t.putArchiveEntry(e);
                t.write(bytes);
                t.closeArchiveEntry();
            }
        }
        mvc.perform(upload(part("tinydef.tar.gz", out.toByteArray())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.format").value("lefdef"))
                .andExpect(jsonPath("$.defPath").value("tinydef/" + TestDesigns.DEF))
                .andExpect(jsonPath("$.lefPaths[0]").value("tinydef/tech.lef"))
                .andExpect(jsonPath("$.cells").value(80))
                .andExpect(jsonPath("$.macros").value(1));
    }

    @Test
    void aDefWithoutLefIs400NamingTheMissingLibraries() throws Exception {
        mvc.perform(upload(resource(TestDesigns.DEF)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "a .def needs its LEF libraries: found tinydef.def but no .lef file")));
        verify(designs, never()).save(any());
    }

    @Test
    void aMalformedDefIs400WithItsFileAndLine() throws Exception {
        String def = Files.readString(TestDesigns.lefDefDir().resolve(TestDesigns.DEF))
                .replace("- u7 INV + UNPLACED ;", "- u7 NOSUCHCELL + UNPLACED ;");
        mvc.perform(upload(resource("tech.lef"), resource("cells.lef"), resource("blocks.lef"),
                        part("broken.def", def.getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.matchesPattern(
                        "broken\\.def:\\d+: .*NOSUCHCELL.*")));
        verify(designs, never()).save(any());
    }

    @Test
    void aMalformedLefIs400WithItsFileAndLine() throws Exception {
        String lef = Files.readString(TestDesigns.lefDefDir().resolve("cells.lef")).replace("SIZE 0.6 BY 2.0", "SIZE 0.6 2.0");
        mvc.perform(upload(resource("tech.lef"), part("cells.lef", lef.getBytes(StandardCharsets.UTF_8)),
                        resource("blocks.lef"), resource(TestDesigns.DEF)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.matchesPattern("cells\\.lef:\\d+: .*")));
    }

    @Test
    void bookshelfAndLefDefFilesTogetherAre400() throws Exception {
        mvc.perform(upload(resource("tech.lef"), resource(TestDesigns.DEF),
                        part("tiny.aux", Files.readAllBytes(TestDesigns.tinyAux()))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("an upload holds one design in one format, found Bookshelf "
                        + "files [tiny.aux] and LEF/DEF files [tech.lef, tinydef.def]"));
    }

    @Test
    void twoDefsAre400() throws Exception {
        mvc.perform(upload(resource("tech.lef"), resource("cells.lef"), resource(TestDesigns.DEF),
                        part("other.def", Files.readAllBytes(TestDesigns.lefDefDir().resolve(TestDesigns.DEF)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(
                        "expected exactly one .def file in the upload, found 2 [tinydef.def, other.def]"));
    }
}
