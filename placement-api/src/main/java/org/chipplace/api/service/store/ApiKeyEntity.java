package org.chipplace.api.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A named API key of an owner: only the {@code PasswordEncoder} hash of its secret is stored. */
@Entity
@Table(name = "api_key")
public class ApiKeyEntity {
    @Id
    private UUID id;
    @Column(name = "owner_name")
    private String owner;
    @Column(name = "key_hash")
    private String keyHash;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKeyEntity() {
    }

    public ApiKeyEntity(UUID id, String owner, String keyHash, Instant createdAt) {
        this.id = id;
        this.owner = owner;
        this.keyHash = keyHash;
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public String getKeyHash() {
        return keyHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public void setRevokedAt(Instant revokedAt) {
        this.revokedAt = revokedAt;
    }
}
