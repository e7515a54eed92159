package org.chipplace.api.service.web;

import org.chipplace.api.service.designs.DesignService;
import org.chipplace.api.service.jobs.JobEvents;
import org.chipplace.api.service.jobs.JobService;
import org.chipplace.api.service.jobs.ResultService;
import org.chipplace.api.service.jobs.SweepService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Shared {@code @WebMvcTest} slice of all controllers with the services mocked (one cached
 * context for every controller test). No API key is configured here.
 */
@WebMvcTest
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
}
