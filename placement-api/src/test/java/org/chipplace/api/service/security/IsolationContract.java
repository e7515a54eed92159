package org.chipplace.api.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chipplace.api.service.TestDesigns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What every authenticated mode must guarantee, run by its subclasses on H2 and PostgreSQL in modes
 * api-key and jwt: owner A's design, job, sweep and every result endpoint answer 404 to owner B and
 * 401 without credentials; lists hold only one's own objects; the admin sees all; benchmarks stay
 * readable by everyone; erasure leaves no row of the design in any table; the audit trail holds
 * each action; no key or token appears in the captured log output. Subclasses give the credentials.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class IsolationContract {
    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected DataSource dataSource;

    /** Credentials of owner {@code name} ("alice", "bob") as a request post-processor. */
    protected abstract RequestPostProcessor as(String name);

    /** The admin's credentials. */
    protected abstract RequestPostProcessor admin();

    /** Credentials that are well-formed but wrong. */
    protected abstract RequestPostProcessor wrong();

    /** Every key or token the test used (none may appear in a log line). */
    protected abstract List<String> secrets();

    /** Mode-specific: credentials that stop working (revoked key, expired token) get 401 at once. */
    protected abstract void withdrawnCredentialsGet401() throws Exception;

    protected static RequestPostProcessor header(String name, String value) {
        return r -> {
            r.addHeader(name, value);
            return r;
        };
    }

    protected static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    /** A fresh request for "URL" (GET) or "DELETE URL". */
    protected static MockHttpServletRequestBuilder request(String spec) {
        return spec.startsWith("DELETE ") ? delete(spec.substring(7)) : get(spec);
    }

    protected int status(MockHttpServletRequestBuilder b, RequestPostProcessor... who) throws Exception {
        for (RequestPostProcessor p : who) {
            b = b.with(p);
        }
        return mvc.perform(b).andReturn().getResponse().getStatus();
    }

    protected JsonNode call(int expected, MockHttpServletRequestBuilder b, RequestPostProcessor... who)
            throws Exception {
        for (RequestPostProcessor p : who) {
            b = b.with(p);
        }
        MvcResult r = mvc.perform(b).andReturn();
        String body = r.getResponse().getContentAsString();
        assertThat(r.getResponse().getStatus()).as(b.toString() + ": " + body).isEqualTo(expected);
        String type = r.getResponse().getContentType();
        return body.isEmpty() || type == null || !type.contains("json") ? null : json.readTree(body);
    }

    protected String upload(RequestPostProcessor who) throws Exception {
        var b = multipart("/api/designs");
        for (String ext : new String[] {"aux", "nodes", "nets", "pl", "scl"}) {
            b.file(new MockMultipartFile("files", "tiny." + ext, "application/octet-stream",
                    Files.readAllBytes(TestDesigns.tinyDir().resolve("tiny." + ext))));
        }
        return call(201, b, who).get("id").asText();
    }

    protected String submit(String design, RequestPostProcessor who) throws Exception {
        return call(202, post("/api/jobs").contentType(MediaType.APPLICATION_JSON)
                .content("{\"design\":\"" + design + "\",\"seed\":1}"), who).get("id").asText();
    }

    protected String sweep(String design, RequestPostProcessor who) throws Exception {
        return call(202, post("/api/sweeps").contentType(MediaType.APPLICATION_JSON)
                .content("{\"designs\":[\"" + design + "\"],\"seeds\":[1]}"), who).get("id").asText();
    }

    protected void awaitFinal(String job, RequestPostProcessor who) throws Exception {
        long end = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < end) {
            String s = call(200, get("/api/jobs/" + job), who).get("status").asText();
            if (!s.equals("QUEUED") && !s.equals("RUNNING")) {
                assertThat(s).isEqualTo("DONE");
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + job + " did not finish");
    }

    /** The ids of a list: an array, or a page ({@code content}) as GET /api/jobs answers. */
    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        (list.has("content") ? list.get("content") : list).forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    @Test
    void ownersSeeOnlyTheirOwnObjectsAndTheAdminSeesAll(CapturedOutput output) throws Exception {
        String design = upload(as("alice"));
        String job = submit(design, as("alice"));
        String sweep = sweep(design, as("alice"));
        String bobs = upload(as("bob"));
        String bobsJob = submit(bobs, as("bob"));
        awaitFinal(job, as("alice"));
        call(200, get("/api/jobs/" + job + "/report.json"), as("alice"));

        String j = "/api/jobs/" + job;
        List<String> aliceOnly = List.of("/api/designs/" + design, j, j + "/events", j + "/placement.pl",
                j + "/placement.def", j + "/report.json", j + "/layout.svg", j + "/congestion.png", j + "/layout.json",
                j + "/macros/o0/nets", "/api/sweeps/" + sweep, "/api/sweeps/" + sweep + ".csv",
                "DELETE " + j, "DELETE /api/designs/" + design);
        for (String url : aliceOnly) {
            assertThat(status(request(url), as("bob"))).as("bob: " + url).isEqualTo(404);
            assertThat(status(request(url))).as("anonymous: " + url).isEqualTo(401);
            assertThat(status(request(url), wrong(), from("10.77.0.1"))).as("wrong: " + url).isIn(401, 429);
        }
        // a job or sweep on another owner's design is "not found" too
        call(404, post("/api/jobs").contentType(MediaType.APPLICATION_JSON).content("{\"design\":\"" + design + "\"}"),
                as("bob"));
        call(404, post("/api/sweeps").contentType(MediaType.APPLICATION_JSON)
                .content("{\"designs\":[\"" + design + "\"]}"), as("bob"));
        // id guessing: an id that exists nowhere answers exactly as another owner's
        assertThat(status(get("/api/jobs/00000000-0000-0000-0000-000000000001"), as("bob"))).isEqualTo(404);

        for (String list : new String[] {"/api/designs", "/api/jobs", "/api/sweeps"}) {
            List<String> a = ids(call(200, get(list), as("alice")));
            List<String> b = ids(call(200, get(list), as("bob")));
            List<String> all = ids(call(200, get(list), admin()));
            assertThat(a).doesNotContain(bobs, bobsJob);
            assertThat(b).doesNotContain(design, job, sweep);
            assertThat(all).containsAll(a).containsAll(b);
            assertThat(status(get(list))).isEqualTo(401);
        }
        assertThat(ids(call(200, get("/api/designs"), as("alice")))).contains(design);
        assertThat(ids(call(200, get("/api/designs"), as("bob")))).contains(bobs);
        assertThat(ids(call(200, get("/api/jobs"), as("bob")))).contains(bobsJob);
        // filters never widen what a caller sees: alice's design and sweep filter bob's list to nothing
        JsonNode bobsView = call(200, get("/api/jobs").param("design", design), as("bob"));
        assertThat(bobsView.get("content")).isEmpty();
        assertThat(bobsView.get("page").get("totalElements").asInt()).isZero();
        assertThat(ids(call(200, get("/api/jobs").param("sweep", sweep), as("bob")))).isEmpty();
        assertThat(ids(call(200, get("/api/jobs").param("design", design), as("alice")))).contains(job);
        assertThat(ids(call(200, get("/api/jobs").param("design", design), admin()))).contains(job);
        assertThat(ids(call(200, get("/api/sweeps"), as("alice")))).contains(sweep);
        call(200, get("/api/jobs/" + job), admin());
        call(200, get("/api/designs/" + bobs), admin());
        // benchmarks: readable and usable by every authenticated owner
        assertThat(call(200, get("/api/benchmarks"), as("bob")).toString()).contains("bench:tiny");
        submit("bench:tiny", as("bob"));
        // open: health and the dashboard's files
        assertThat(status(get("/actuator/health"))).isEqualTo(200);
        assertThat(status(get("/index.html"))).isEqualTo(200);
        assertThat(status(get("/js/api.js"))).isEqualTo(200);
        assertThat(status(get("/api/designs"), wrong())).isEqualTo(401);
        assertThat(status(get("/api/admin/audit"), as("bob"))).isEqualTo(403);
        withdrawnCredentialsGet401();

        JsonNode audit = call(200, get("/api/admin/audit?limit=10000"), admin());
        List<Map<String, String>> rows = new ArrayList<>();
        audit.forEach(n -> rows.add(Map.of("owner", n.path("owner").asText(), "action", n.get("action").asText(),
                "object", n.path("objectId").asText(), "address", n.path("clientAddress").asText())));
        assertThat(rows).contains(Map.of("owner", "alice", "action", "upload", "object", design,
                "address", "127.0.0.1"));
        assertThat(rows).contains(Map.of("owner", "alice", "action", "download", "object", job + "/report.json",
                "address", "127.0.0.1"));
        assertThat(rows).anyMatch(r -> r.get("action").equals("auth-failed")
                && r.get("object").equals("GET /api/jobs/" + job + "/placement.pl"));
        assertThat(output.getAll()).contains("authentication failed");
        for (String secret : secrets()) {
            assertThat(output.getAll()).as("a key or token in the log").doesNotContain(secret);
        }
    }

    @Test
    void bruteForceIsRateLimitedPerAddress() throws Exception {
        RequestPostProcessor attacker = from("10.66.0.1");
        int limit = 5;
        for (int i = 0; i < limit; i++) {
            assertThat(status(get("/api/designs"), wrong(), attacker)).isEqualTo(401);
        }
        assertThat(status(get("/api/designs"), wrong(), attacker)).isEqualTo(429);
        assertThat(status(get("/api/designs"), as("alice"), attacker)).isEqualTo(429);
        // another address is not affected
        assertThat(status(get("/api/designs"), as("alice"), from("10.66.0.2"))).isEqualTo(200);
    }

    @Test
    void erasureLeavesNoRowOfTheDesign(CapturedOutput output) throws Exception {
        String design = upload(as("alice"));
        String done = submit(design, as("alice"));
        awaitFinal(done, as("alice"));
        call(200, get("/api/jobs/" + done + "/placement.pl"), as("alice"));
        String sweep = sweep(design, as("alice"));
        String mixed = call(202, post("/api/sweeps").contentType(MediaType.APPLICATION_JSON)
                .content("{\"designs\":[\"" + design + "\",\"bench:tiny\"],\"seeds\":[7]}"), as("alice"))
                .get("id").asText();
        List<String> jobs = new ArrayList<>(List.of(done));
        call(200, get("/api/jobs").param("size", "500"), as("alice")).get("content").forEach(n -> {
            if (n.get("design").asText().equals(design)) {
                jobs.add(n.get("id").asText());
            }
        });
        int queued = status(delete("/api/designs/" + design), as("alice"));
        assertThat(queued).isIn(204, 409); // 409 while a sweep job is queued or running
        if (queued == 409) {
            call(204, delete("/api/designs/" + design + "?cancel=true"), as("alice"));
        }
        for (String j : jobs) {
            assertThat(status(get("/api/jobs/" + j), as("alice"))).isEqualTo(404);
            assertThat(status(get("/api/jobs/" + j + "/placement.pl"), admin())).isEqualTo(404);
        }
        call(404, get("/api/designs/" + design), as("alice"));
        call(404, get("/api/sweeps/" + sweep), as("alice"));
        JsonNode rest = call(200, get("/api/sweeps/" + mixed), as("alice"));
        assertThat(rest.get("rows")).hasSize(1);
        List<String> ids = new ArrayList<>(jobs);
        ids.add(design);
        assertThat(rowsMentioning(ids)).isEmpty();
        JsonNode audit = call(200, get("/api/admin/audit?limit=10000"), admin());
        assertThat(audit.toString()).contains("\"action\":\"delete-design\",\"objectId\":\"" + design + "\"");
        for (String secret : secrets()) {
            assertThat(output.getAll()).doesNotContain(secret);
        }
    }

    /** "table.column" for every cell of every table (the audit trail aside) that mentions one of {@code ids}. */
    protected List<String> rowsMentioning(List<String> ids) throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select table_name, column_name from "
                    + "information_schema.columns where lower(table_schema) = 'public' "
                    + "and lower(table_name) <> 'audit_event' and lower(table_name) not like 'flyway%'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            assertThat(columns).hasSizeGreaterThan(20);
            assertThat(columns).anyMatch(t -> t[0].equalsIgnoreCase("jobrunr_jobs"));
            for (String[] col : columns) {
                for (String id : ids) {
                    try (PreparedStatement ps = c.prepareStatement("select count(*) from \"" + col[0]
                            + "\" where lower(cast(\"" + col[1] + "\" as varchar)) like ?")) {
                        ps.setString(1, "%" + id.toLowerCase() + "%");
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            if (rs.getInt(1) > 0) {
                                hits.add(col[0] + "." + col[1] + " holds " + id);
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }
}
