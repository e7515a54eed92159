package org.chipplace.api.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.chipplace.api.service.jobs.DesignErasure;
import org.chipplace.api.service.jobs.RetentionTask;
import org.chipplace.api.service.store.DesignRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** {@link IsolationContract} in mode api-key on H2, and the retention schedule. */
@SpringBootTest(properties = {ApiKeyContract.PROPERTIES, "chipplace.auth.admin-key=" + ApiKeyContract.ADMIN_KEY,
    "chipplace.auth.bcrypt-strength=4", "chipplace.auth.max-failures=5", "chipplace.benchmarks-dir=../examples"})
@AutoConfigureMockMvc(print = MockMvcPrint.NONE) // a failure must not print the keys either
@ActiveProfiles("test")
class ApiKeyIsolationTest extends ApiKeyContract {
    @Autowired
    DesignRepository designs;
    @Autowired
    DesignErasure erasure;

    /** chipplace.retention.days: a design older than the retention goes with its jobs; a newer one stays. */
    @Test
    void retentionErasesOldDesignsWithTheirResults() throws Exception {
        String old = upload(as("alice"));
        String oldJob = submit(old, as("alice"));
        String recent = upload(as("alice"));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update design set created_at = ? where id = ?")) {
            ps.setObject(1, OffsetDateTime.now().minusDays(10));
            ps.setObject(2, UUID.fromString(old));
            ps.executeUpdate();
        }
        assertThat(new RetentionTask(designs, erasure, 0).sweep()).isZero();
        assertThat(new RetentionTask(designs, erasure, 7).sweep()).isEqualTo(1);
        call(404, get("/api/designs/" + old), as("alice"));
        call(404, get("/api/jobs/" + oldJob), as("alice"));
        call(200, get("/api/designs/" + recent), as("alice"));
        assertThat(rowsMentioning(List.of(old, oldJob))).isEmpty();
        assertThat(call(200, get("/api/admin/audit"), admin()).toString())
                .contains("\"owner\":\"system\",\"action\":\"retention-delete\",\"objectId\":\"" + old + "\"");
    }
}
