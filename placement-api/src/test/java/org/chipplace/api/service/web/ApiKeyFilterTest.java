package org.chipplace.api.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.chipplace.api.service.ChipplaceProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ApiKeyFilterTest {

    private static MockHttpServletResponse call(String key, String method, String uri, String header)
            throws Exception {
        ChipplaceProperties p = new ChipplaceProperties();
        p.setApiKey(key);
        MockHttpServletRequest req = new MockHttpServletRequest(method, uri);
        if (header != null) {
            req.addHeader(ApiKeyFilter.HEADER, header);
        }
        MockHttpServletResponse res = new MockHttpServletResponse();
        new ApiKeyFilter(p).doFilter(req, res, new MockFilterChain());
        return res;
    }

    @Test
    void withoutAConfiguredKeyEverythingPasses() throws Exception {
        assertThat(call(null, "POST", "/api/jobs", null).getStatus()).isEqualTo(200);
        assertThat(call("", "DELETE", "/api/jobs/x", null).getStatus()).isEqualTo(200);
    }

    @Test
    void mutatingRequestsNeedTheRightKey() throws Exception {
        for (String m : new String[] {"POST", "DELETE", "PUT", "PATCH"}) {
            MockHttpServletResponse missing = call("k1", m, "/api/designs", null);
            assertThat(missing.getStatus()).isEqualTo(401);
            assertThat(missing.getContentType()).isEqualTo("application/problem+json");
            assertThat(missing.getContentAsString()).contains("\"status\":401").contains("missing X-API-Key");
            assertThat(call("k1", m, "/api/designs", "k2").getStatus()).isEqualTo(401);
            assertThat(call("k1", m, "/api/designs", "k1").getStatus()).isEqualTo(200);
        }
    }

    @Test
    void readsAndNonApiPathsNeedNoKey() throws Exception {
        assertThat(call("k1", "GET", "/api/jobs", null).getStatus()).isEqualTo(200);
        assertThat(call("k1", "POST", "/actuator/health", null).getStatus()).isEqualTo(200);
    }
}
