package org.chipplace.api.service.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.nio.charset.StandardCharsets;
import org.chipplace.api.service.ServiceErrors.BadRequest;
import org.chipplace.api.service.ServiceErrors.NotFound;
import org.chipplace.api.service.store.ApiKeyEntity;
import org.chipplace.api.service.store.ApiKeyRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Named API keys of owners. A key reads {@code cpk_<id>_<secret>} (id: 32 hex digits, secret: 32
 * random bytes, base64url); only the {@link PasswordEncoder} hash of the secret is stored, so the key
 * is shown once, when it is created. A key is checked on every request against its row, so a revoked
 * key fails at once. The admin key of the configuration is compared in constant time.
 */
@Service
public class ApiKeyService {
    /** Prefix of every generated key. */
    public static final String PREFIX = "cpk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyRepository keys;
    private final PasswordEncoder encoder;
    private final AuthSettings settings;
    private final AuditLog audit;
    private volatile String dummyHash;

    public ApiKeyService(ApiKeyRepository keys, PasswordEncoder encoder, AuthSettings settings, AuditLog audit) {
        this.keys = keys;
        this.encoder = encoder;
        this.settings = settings;
        this.audit = audit;
    }

    /** A key as listed: never its secret. */
    public record KeyView(UUID id, String owner, Instant createdAt, Instant revokedAt) {
    }

    /** A new key with its secret ({@code key}), shown only in the answer that creates it. */
    public record CreatedKey(UUID id, String owner, Instant createdAt, String key) {
    }

    /** Creates a key for {@code owner} (1-200 characters: letters, digits, {@code . _ @ -}). */
    @Transactional
    public CreatedKey create(String owner) {
        if (owner == null || !owner.matches("[A-Za-z0-9._@-]{1,200}") || "admin".equals(owner)) {
            throw new BadRequest("'owner' must be 1-200 letters, digits or . _ @ - (and not 'admin')");
        }
        UUID id = UUID.randomUUID();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKeyEntity e = keys.save(new ApiKeyEntity(id, owner, encoder.encode(secretText), Instant.now()));
        audit.record(AuditLog.KEY_CREATED, id.toString());
        return new CreatedKey(id, owner, e.getCreatedAt(), PREFIX + id.toString().replace("-", "") + "_" + secretText);
    }

    @Transactional(readOnly = true)
    public List<KeyView> list() {
        return keys.findAllByOrderByCreatedAtDesc().stream()
                .map(k -> new KeyView(k.getId(), k.getOwner(), k.getCreatedAt(), k.getRevokedAt())).toList();
    }

    /** Revokes key {@code id} (404 when unknown); revoking twice keeps the first time. */
    @Transactional
    public KeyView revoke(UUID id) {
        ApiKeyEntity k = keys.findById(id).orElseThrow(() -> new NotFound("key", id));
        if (k.getRevokedAt() == null) {
            k.setRevokedAt(Instant.now());
        }
        audit.record(AuditLog.KEY_REVOKED, id.toString());
        return new KeyView(k.getId(), k.getOwner(), k.getCreatedAt(), k.getRevokedAt());
    }

    private String dummyHash() {
        if (dummyHash == null) {
            dummyHash = encoder.encode("no such key");
        }
        return dummyHash;
    }

    /** Whether {@code key} is the configured admin key. */
    public boolean isAdminKey(String key) {
        String admin = settings.getAdminKey();
        return admin != null && !admin.isEmpty() && MessageDigest.isEqual(
                admin.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8));
    }

    /** The owner of a valid, unrevoked key; empty for anything else. */
    @Transactional(readOnly = true)
    public Optional<String> ownerOf(String key) {
        if (!key.startsWith(PREFIX) || key.length() < PREFIX.length() + 34 || key.charAt(PREFIX.length() + 32) != '_') {
            return Optional.empty();
        }
        UUID id;
        try {
            String hex = key.substring(PREFIX.length(), PREFIX.length() + 32);
            HexFormat.of().parseHex(hex);
            id = UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String secret = key.substring(PREFIX.length() + 33);
        Optional<ApiKeyEntity> row = keys.findById(id);
        // an unknown id costs one hash check too, so the answer time does not tell which ids exist
        boolean matches = encoder.matches(secret, row.map(ApiKeyEntity::getKeyHash).orElseGet(this::dummyHash));
        return row.filter(k -> matches && k.getRevokedAt() == null).map(ApiKeyEntity::getOwner);
    }
}
