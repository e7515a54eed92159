package org.chipplace.api.service.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.time.Instant;
import java.util.UUID;
import org.chipplace.api.service.ServiceErrors.Conflict;
import org.chipplace.api.service.ServiceErrors.NotFound;
import org.chipplace.api.service.TestDesigns;
import org.chipplace.api.service.designs.LoadedDesign;
import org.chipplace.api.service.jobs.LayoutService;
import org.chipplace.api.service.jobs.ResultService.ResultFile;
import org.chipplace.api.service.store.JobEntity;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.NodeKind;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.junit.jupiter.api.Test;

/** The viewer's geometry endpoints on the shipped tiny design (its initial .pl as the "result"). */
class LayoutControllerTest extends WebSliceTest {
    private void tinyJob(UUID id) throws Exception {
        UUID design = UUID.randomUUID();
        when(results.placementPl(id)).thenReturn(new ResultFile<>("tiny.pl",
                Files.readAllBytes(TestDesigns.tinyDir().resolve("tiny.pl"))));
        when(jobs.find(id)).thenReturn(new JobEntity(id, design, null, "tiny", "none", 1, 0, "{}", null, null,
                Instant.now()));
        when(designs.load(eq(design), any(), any()))
                .thenAnswer(inv -> new LoadedDesign(Bookshelf.read(TestDesigns.tinyAux()), null));
    }

    @Test
    void layoutOfADoneJobHasDieMacrosCellsDensityAndRudy() throws Exception {
        UUID id = UUID.randomUUID();
        tinyJob(id);
        Netlist nl = Bookshelf.read(TestDesigns.tinyAux());
        mvc.perform(get("/api/jobs/" + id + "/layout.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.design").value(nl.name()))
                .andExpect(jsonPath("$.numCells").value(nl.numCells()))
                .andExpect(jsonPath("$.macros.length()").value(nl.numMacros()))
                .andExpect(jsonPath("$.cells.length()").value(4 * nl.numCells()))
                .andExpect(jsonPath("$.core.xh").value(nl.coreXh()))
                .andExpect(jsonPath("$.cellDensity.nx").value(LayoutService.RASTER_BINS))
                .andExpect(jsonPath("$.rudy.values.length()").isNumber());
        mvc.perform(get("/api/jobs/" + id + "/layout.json").param("maxCells", "0"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cells").doesNotExist());
    }

    @Test
    void netsOfAMacroListEveryNetWithItsPins() throws Exception {
        UUID id = UUID.randomUUID();
        tinyJob(id);
        Netlist nl = Bookshelf.read(TestDesigns.tinyAux());
        int macro = 0;
        while (nl.kinds()[macro] != NodeKind.MACRO.code()) {
            macro++;
        }
        String name = nl.nodeNames()[macro];
        int pins = nl.nodePinStart()[macro + 1] - nl.nodePinStart()[macro];
        mvc.perform(get("/api/jobs/" + id + "/macros/" + name + "/nets"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.macro.name").value(name))
                .andExpect(jsonPath("$.macro.kind").value("MACRO"))
                .andExpect(jsonPath("$.nets.length()").value(org.hamcrest.Matchers.lessThanOrEqualTo(pins)))
                .andExpect(jsonPath("$.nets[0].pins.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(4)));
        mvc.perform(get("/api/jobs/" + id + "/macros/no-such-node/nets"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("node no-such-node not found"));
    }

    @Test
    void unknownJobIs404AndUnfinishedJobIs409() throws Exception {
        UUID unknown = UUID.randomUUID();
        when(results.placementPl(unknown)).thenThrow(new NotFound("job", unknown));
        mvc.perform(get("/api/jobs/" + unknown + "/layout.json")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/jobs/" + unknown + "/macros/m1/nets")).andExpect(status().isNotFound());
        UUID running = UUID.randomUUID();
        when(results.placementPl(running)).thenThrow(new Conflict("job " + running + " is RUNNING"));
        mvc.perform(get("/api/jobs/" + running + "/layout.json")).andExpect(status().isConflict());
    }
}
