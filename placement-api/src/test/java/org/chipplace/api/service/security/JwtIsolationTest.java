package org.chipplace.api.service.security;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** {@link IsolationContract} in mode jwt on H2 (tokens of a key pair made in the test). */
@SpringBootTest(properties = {JwtContract.PROPERTIES, "chipplace.auth.max-failures=5",
    "chipplace.benchmarks-dir=../examples"})
@AutoConfigureMockMvc(print = MockMvcPrint.NONE) // a failure must not print the keys either
@ActiveProfiles("test")
@Import(JwtContract.Keys.class)
class JwtIsolationTest extends JwtContract {
}
