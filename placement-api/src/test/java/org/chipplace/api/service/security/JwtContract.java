package org.chipplace.api.service.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@link IsolationContract} in mode jwt: an RSA key pair made here signs the tokens (RS256), and the
 * service checks them with a {@link NimbusJwtDecoder} on its public key (in production the decoder
 * comes from {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}).
 */
public abstract class JwtContract extends IsolationContract {
    /** The properties of every jwt test context. */
    public static final String PROPERTIES = "chipplace.auth.mode=jwt";
    static final KeyPair KEYS = rsa();
    private static final KeyPair OTHER = rsa();

    private final List<String> used = new ArrayList<>();

    /** The decoder of the test's identity provider. */
    @TestConfiguration
    public static class Keys {
        @Bean
        JwtDecoder testJwtDecoder() {
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signed token: subject {@code sub} (none when null), scopes, expiry {@code exp}. */
    static String token(String sub, String scope, Instant exp, PrivateKey key) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String head = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = "{" + (sub == null ? "" : "\"sub\":\"" + sub + "\",") + "\"scope\":\"" + scope + "\","
                + "\"iat\":" + Instant.now().minusSeconds(60).getEpochSecond() + ",\"exp\":" + exp.getEpochSecond() + "}";
        String payload = b64.encodeToString(body.getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update((head + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return head + "." + payload + "." + b64.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private RequestPostProcessor bearer(String token) {
        used.add(token);
        return header("Authorization", "Bearer " + token);
    }

    @Override
    protected RequestPostProcessor as(String name) {
        return bearer(token(name, "placement", Instant.now().plusSeconds(600), KEYS.getPrivate()));
    }

    @Override
    protected RequestPostProcessor admin() {
        return bearer(token("root", "chipplace.admin", Instant.now().plusSeconds(600), KEYS.getPrivate()));
    }

    @Override
    protected RequestPostProcessor wrong() {
        return bearer(token("alice", "placement", Instant.now().plusSeconds(600), OTHER.getPrivate()));
    }

    @Override
    protected List<String> secrets() {
        List<String> all = new ArrayList<>(used);
        used.forEach(t -> all.add(t.substring(t.lastIndexOf('.') + 1)));
        return all;
    }

    @Override
    protected void withdrawnCredentialsGet401() throws Exception {
        call(200, get("/api/designs"), as("carol"));
        // expired, no subject, malformed
        call(401, get("/api/designs"), bearer(token("carol", "placement", Instant.now().minusSeconds(120),
                KEYS.getPrivate())));
        call(401, get("/api/designs"), bearer(token(null, "placement", Instant.now().plusSeconds(600),
                KEYS.getPrivate())));
        call(401, get("/api/designs"), header("Authorization", "Bearer not.a.jwt"));
    }
}
