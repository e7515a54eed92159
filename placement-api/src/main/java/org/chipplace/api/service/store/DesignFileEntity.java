package org.chipplace.api.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One file of an uploaded design (path relative to the upload root, bytes as uploaded). */
@Entity
@Table(name = "design_file")
public class DesignFileEntity {
    @Id
    private UUID id;
    @Column(name = "design_id")
    private UUID designId;
    private String path;
    @Column(name = "size_bytes")
    private long sizeBytes;
    private byte[] content;

    protected DesignFileEntity() {
    }

    public DesignFileEntity(UUID id, UUID designId, String path, byte[] content) {
        this.id = id;
        this.designId = designId;
        this.path = path;
        this.content = content;
        this.sizeBytes = content.length;
    }

    public UUID getId() {
        return id;
    }

    public UUID getDesignId() {
        return designId;
    }

    public String getPath() {
        return path;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public byte[] getContent() {
        return content;
    }
}
