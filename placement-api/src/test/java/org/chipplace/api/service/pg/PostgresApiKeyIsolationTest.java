package org.chipplace.api.service.pg;

import org.chipplace.api.service.security.ApiKeyContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The isolation, erasure and audit contract in mode api-key on PostgreSQL (a fresh database). */
@Tag("postgres")
@SpringBootTest(properties = {ApiKeyContract.PROPERTIES, "chipplace.auth.admin-key=" + ApiKeyContract.ADMIN_KEY,
    "chipplace.auth.bcrypt-strength=4", "chipplace.auth.max-failures=5", "chipplace.benchmarks-dir=../examples"})
@AutoConfigureMockMvc(print = MockMvcPrint.NONE) // a failure must not print the keys either
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresApiKeyIsolationTest extends ApiKeyContract {
    static PgDatabase db;

    @BeforeAll
    static void database() throws Exception {
        db = PgDatabase.createDroppedAtExit();
    }

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry r) {
        db.register(r);
    }
}
