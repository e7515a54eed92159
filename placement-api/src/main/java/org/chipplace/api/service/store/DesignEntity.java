package org.chipplace.api.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An uploaded design: its format, its summary and the SHA-256 checksum of its files. The file bytes
 * live in {@link DesignFileEntity} rows (in the database, so that every instance of the service
 * can read them). Coordinates are in the design's database units (Bookshelf units, or DEF units).
 * {@code auxPath} is the design's main file: the {@code .aux} of a Bookshelf design, the
 * {@code .def} of a LEF/DEF design, whose LEF files are {@code lefPaths} (one path per line, in
 * reading order).
 */
@Entity
@Table(name = "design")
public class DesignEntity {
    @Id
    private UUID id;
    /** The owner who created it ({@code local} in auth mode none). */
    @Column(name = "owner_name")
    private String owner = "local";
    private String name;
    @Column(name = "aux_path")
    private String auxPath;
    private String checksum;
    @Column(name = "size_bytes")
    private long sizeBytes;
    private int nodes;
    private int nets;
    private int pins;
    private int movable;
    private int macros;
    private int cells;
    @Column(name = "fixed_nodes")
    private int fixedNodes;
    @Column(name = "core_xl")
    private double coreXl;
    @Column(name = "core_yl")
    private double coreYl;
    @Column(name = "core_xh")
    private double coreXh;
    @Column(name = "core_yh")
    private double coreYh;
    @Column(name = "created_at")
    private Instant createdAt;
    /** {@code bookshelf} or {@code lefdef}. */
    private String format = "bookshelf";
    @Column(name = "lef_paths")
    private String lefPaths;

    protected DesignEntity() {
    }

    public DesignEntity(UUID id, String name, String auxPath, String checksum, long sizeBytes, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.auxPath = auxPath;
        this.checksum = checksum;
        this.sizeBytes = sizeBytes;
        this.createdAt = createdAt;
    }

    /** Sets the format ({@code bookshelf} or {@code lefdef}) and, for LEF/DEF, the LEF paths in reading order. */
    public void setFormat(String format, List<String> lefPaths) {
        this.format = format;
        this.lefPaths = lefPaths.isEmpty() ? null : String.join("\n", lefPaths);
    }

    /** Sets the netlist counts and the core box. */
    public void setSummary(int nodes, int nets, int pins, int movable, int macros, int cells, int fixedNodes,
                           double coreXl, double coreYl, double coreXh, double coreYh) {
        this.nodes = nodes;
        this.nets = nets;
        this.pins = pins;
        this.movable = movable;
        this.macros = macros;
        this.cells = cells;
        this.fixedNodes = fixedNodes;
        this.coreXl = coreXl;
        this.coreYl = coreYl;
        this.coreXh = coreXh;
        this.coreYh = coreYh;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getAuxPath() {
        return auxPath;
    }

    public String getChecksum() {
        return checksum;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public int getNodes() {
        return nodes;
    }

    public int getNets() {
        return nets;
    }

    public int getPins() {
        return pins;
    }

    public int getMovable() {
        return movable;
    }

    public int getMacros() {
        return macros;
    }

    public int getCells() {
        return cells;
    }

    public int getFixedNodes() {
        return fixedNodes;
    }

    public double getCoreXl() {
        return coreXl;
    }

    public double getCoreYl() {
        return coreYl;
    }

    public double getCoreXh() {
        return coreXh;
    }

    public double getCoreYh() {
        return coreYh;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getFormat() {
        return format;
    }

    /** The LEF paths in reading order; empty for a Bookshelf design. */
    public List<String> getLefPaths() {
        return lefPaths == null || lefPaths.isEmpty() ? List.of() : List.of(lefPaths.split("\n"));
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }
}
