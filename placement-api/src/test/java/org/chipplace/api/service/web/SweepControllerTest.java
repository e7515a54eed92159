package org.chipplace.api.service.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.chipplace.api.service.Dtos.SweepRow;
import org.chipplace.api.service.Dtos.SweepView;
import org.chipplace.api.service.ServiceErrors.BadRequest;
import org.chipplace.api.service.ServiceErrors.NotFound;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class SweepControllerTest extends WebSliceTest {
    static final UUID ID = UUID.fromString("99999999-8888-7777-6666-555555555555");
    static final SweepView VIEW = new SweepView(ID, Instant.parse("2026-01-01T00:00:00Z"), 1, 1, 0,
            List.of(new SweepRow(UUID.randomUUID(), "bench:ibm01", "ibm01", "plain", 3, "DONE", 2.5e6, 1.0e5, 0.05, true,
                    12.0, "greedy ran; analytic kept, greedy +7.4 %", 1.5, 13.0, 12.0)));
    static final String BODY = "{\"designs\":[\"bench:ibm01\"],\"configs\":[{\"name\":\"plain\"}],\"seeds\":[3]}";

    @Test
    void submitIs202WithLocationAndTable() throws Exception {
        when(sweeps.submit(any())).thenReturn(VIEW);
        mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "http://localhost/api/sweeps/" + ID))
                .andExpect(jsonPath("$.rows[0].hpwl").value(2.5e6));
    }

    @Test
    void invalidSweepIs400() throws Exception {
        when(sweeps.submit(any())).thenThrow(new BadRequest("'designs' must list at least one design"));
        mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'designs' must list at least one design"));
    }

    @Test
    void getReturnsTheTableAndCsvTheCsv() throws Exception {
        when(sweeps.get(ID)).thenReturn(VIEW);
        when(sweeps.list()).thenReturn(List.of(VIEW));
        when(sweeps.csv(ID)).thenReturn("job,design\nx,bench:ibm01\n");
        mvc.perform(get("/api/sweeps/" + ID)).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].config").value("plain"))
                .andExpect(jsonPath("$.rows[0].legal").value(true))
                .andExpect(jsonPath("$.rows[0].designName").value("ibm01"))
                .andExpect(jsonPath("$.rows[0].macroOutcome").value("greedy ran; analytic kept, greedy +7.4 %"))
                .andExpect(jsonPath("$.rows[0].queuedSeconds").value(1.5))
                .andExpect(jsonPath("$.rows[0].runSeconds").value(13.0))
                .andExpect(jsonPath("$.rows[0].placementSeconds").value(12.0));
        mvc.perform(get("/api/sweeps")).andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(ID.toString()));
        mvc.perform(get("/api/sweeps/" + ID + ".csv")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"sweep-99999999.csv\""))
                .andExpect(content().string("job,design\nx,bench:ibm01\n"));
    }

    @Test
    void unknownSweepIs404ForTableAndCsv() throws Exception {
        when(sweeps.get(ID)).thenThrow(new NotFound("sweep", ID));
        when(sweeps.csv(ID)).thenThrow(new NotFound("sweep", ID));
        mvc.perform(get("/api/sweeps/" + ID)).andExpect(status().isNotFound());
        mvc.perform(get("/api/sweeps/" + ID + ".csv")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
    }
}
