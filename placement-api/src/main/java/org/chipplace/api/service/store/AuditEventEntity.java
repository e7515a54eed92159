package org.chipplace.api.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One audited action: who (owner), what (action, object id), when, and from which client address. */
@Entity
@Table(name = "audit_event")
public class AuditEventEntity {
    @Id
    private UUID id;
    @Column(name = "occurred_at")
    private Instant at;
    @Column(name = "owner_name")
    private String owner;
    private String action;
    @Column(name = "object_id")
    private String objectId;
    @Column(name = "client_address")
    private String clientAddress;

    protected AuditEventEntity() {
    }

    public AuditEventEntity(UUID id, Instant at, String owner, String action, String objectId, String clientAddress) {
        this.id = id;
        this.at = at;
        this.owner = owner;
        this.action = action;
        this.objectId = objectId;
        this.clientAddress = clientAddress;
    }

    public UUID getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getOwner() {
        return owner;
    }

    public String getAction() {
        return action;
    }

    public String getObjectId() {
        return objectId;
    }

    public String getClientAddress() {
        return clientAddress;
    }
}
