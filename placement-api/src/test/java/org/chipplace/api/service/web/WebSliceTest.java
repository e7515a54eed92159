package org.chipplace.api.service.web;

import org.chipplace.api.service.designs.DesignService;
import org.chipplace.api.service.jobs.DesignErasure;
import org.chipplace.api.service.jobs.JobEvents;
import org.chipplace.api.service.jobs.JobService;
import org.chipplace.api.service.jobs.LayoutService;
import org.chipplace.api.service.jobs.ResultService;
import org.chipplace.api.service.jobs.SweepService;
import org.chipplace.api.service.models.ModelCatalog;
import org.chipplace.api.service.security.ApiKeyService;
import org.chipplace.api.service.security.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Shared {@code @WebMvcTest} slice of all controllers with the services mocked (one cached
 * context for every controller test), except the layouts and the model catalogue, which run for real
 * on the mocks. No API key is configured here, and no filter runs (authentication is tested on the
 * whole service, see {@code security.*Test}).
 */
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
@Import({LayoutService.class, ModelCatalog.class})
abstract class WebSliceTest {
    @Autowired
    MockMvc mvc;
    @MockitoBean
    DesignService designs;
    @MockitoBean
    JobService jobs;
    @MockitoBean
    JobEvents events;
    @MockitoBean
    ResultService results;
    @MockitoBean
    SweepService sweeps;
    @MockitoBean
    DesignErasure erasure;
    @MockitoBean
    ApiKeyService keys;
    @MockitoBean
    AuditLog audit;
}
