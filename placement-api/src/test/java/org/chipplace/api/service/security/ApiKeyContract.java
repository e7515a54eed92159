package org.chipplace.api.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@link IsolationContract} in mode api-key: each owner's key is made by the admin over REST (bcrypt
 * cost 4 in the tests); subclasses set the properties of {@link #PROPERTIES} and the database.
 */
public abstract class ApiKeyContract extends IsolationContract {
    /** The admin key of the tests. */
    public static final String ADMIN_KEY = "test-admin-key-3b9f07c2e1";
    /** The properties of every api-key test context (one cached context per database). */
    public static final String PROPERTIES = "chipplace.auth.mode=api-key";
    private static final String WRONG = "cpk_0123456789abcdef0123456789abcdef_not-a-real-secret-at-all";

    private final Map<String, String> keys = new HashMap<>();
    private final List<String> used = new ArrayList<>(List.of(ADMIN_KEY, WRONG));

    private String keyOf(String owner) throws Exception {
        String k = keys.get(owner);
        if (k == null) {
            JsonNode created = call(201, post("/api/admin/keys").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"owner\":\"" + owner + "\"}"), admin());
            k = created.get("key").asText();
            assertThat(k).startsWith("cpk_");
            keys.put(owner, k);
            used.add(k);
        }
        return k;
    }

    @Override
    protected RequestPostProcessor as(String name) {
        try {
            return header(ApiKeyAuthentication.HEADER, keyOf(name));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected RequestPostProcessor admin() {
        return header(ApiKeyAuthentication.HEADER, ADMIN_KEY);
    }

    @Override
    protected RequestPostProcessor wrong() {
        return header(ApiKeyAuthentication.HEADER, WRONG);
    }

    @Override
    protected List<String> secrets() {
        List<String> all = new ArrayList<>(used);
        // the secret part alone must not leak either
        keys.values().forEach(k -> all.add(k.substring(ApiKeyService.PREFIX.length() + 33)));
        return all;
    }

    @Override
    protected void withdrawnCredentialsGet401() throws Exception {
        RequestPostProcessor carol = as("carol");
        call(200, get("/api/designs"), carol);
        String id = null;
        for (JsonNode k : call(200, get("/api/admin/keys"), admin())) {
            assertThat(k.has("key")).isFalse();
            if (k.get("owner").asText().equals("carol") && k.get("revokedAt").isNull()) {
                id = k.get("id").asText();
            }
        }
        assertThat(call(200, get("/api/admin/keys"), admin()).toString()).doesNotContain(keys.get("carol"));
        call(200, delete("/api/admin/keys/" + id), admin());
        call(401, get("/api/designs"), carol);
        call(404, delete("/api/admin/keys/00000000-0000-0000-0000-000000000000"), admin());
        call(403, post("/api/admin/keys").contentType(MediaType.APPLICATION_JSON).content("{\"owner\":\"x\"}"),
                as("bob"));
        call(400, post("/api/admin/keys").contentType(MediaType.APPLICATION_JSON).content("{\"owner\":\"a b\"}"),
                admin());
        String audit = call(200, get("/api/admin/audit"), admin()).toString();
        assertThat(audit).contains("\"action\":\"key-created\"").contains("\"action\":\"key-revoked\",\"objectId\":\""
                + id + "\"");
    }
}
