package org.chipplace.api.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A batch sweep: the request (JSON) whose cross product became jobs with this sweep's id. */
@Entity
@Table(name = "sweep")
public class SweepEntity {
    @Id
    private UUID id;
    /** The owner who created it ({@code local} in auth mode none). */
    @Column(name = "owner_name")
    private String owner = "local";
    @Column(name = "request_json")
    private String requestJson;
    @Column(name = "created_at")
    private Instant createdAt;

    protected SweepEntity() {
    }

    public SweepEntity(UUID id, String requestJson, Instant createdAt) {
        this.id = id;
        this.requestJson = requestJson;
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public String getRequestJson() {
        return requestJson;
    }

    public void setRequestJson(String requestJson) {
        this.requestJson = requestJson;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }
}
