package org.chipplace.api.service.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The outcome of a DONE job: headline metrics (HPWL in database units, overflow dimensionless),
 * the full report (JSON), the placement as a gzipped Bookshelf {@code .pl}, the layout SVG and the
 * RUDY congestion PNG, and for a LEF/DEF design the placed DEF (gzipped; null otherwise). One row
 * per job; a re-run replaces it.
 */
@Entity
@Table(name = "job_result")
public class JobResultEntity {
    @Id
    @Column(name = "job_id")
    private UUID jobId;
    private double hpwl;
    @Column(name = "weighted_hpwl")
    private double weightedHpwl;
    @Column(name = "macro_hpwl")
    private double macroHpwl;
    private double overflow;
    private boolean legal;
    private double seconds;
    @Column(name = "report_json")
    private String reportJson;
    @Column(name = "placement_gz")
    private byte[] placementGz;
    @Column(name = "layout_svg")
    private String layoutSvg;
    @Column(name = "congestion_png")
    private byte[] congestionPng;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "placement_def_gz")
    private byte[] placementDefGz;
    @Column(name = "placement_plc_gz")
    private byte[] placementPlcGz;

    protected JobResultEntity() {
    }

    public JobResultEntity(UUID jobId, double hpwl, double weightedHpwl, double macroHpwl, double overflow,
                           boolean legal, double seconds, String reportJson, byte[] placementGz, String layoutSvg,
                           byte[] congestionPng, Instant createdAt) {
        this.jobId = jobId;
        this.hpwl = hpwl;
        this.weightedHpwl = weightedHpwl;
        this.macroHpwl = macroHpwl;
        this.overflow = overflow;
        this.legal = legal;
        this.seconds = seconds;
        this.reportJson = reportJson;
        this.placementGz = placementGz;
        this.layoutSvg = layoutSvg;
        this.congestionPng = congestionPng;
        this.createdAt = createdAt;
    }

    public UUID getJobId() {
        return jobId;
    }

    public double getHpwl() {
        return hpwl;
    }

    public double getWeightedHpwl() {
        return weightedHpwl;
    }

    public double getMacroHpwl() {
        return macroHpwl;
    }

    public double getOverflow() {
        return overflow;
    }

    public boolean isLegal() {
        return legal;
    }

    public double getSeconds() {
        return seconds;
    }

    public String getReportJson() {
        return reportJson;
    }

    public byte[] getPlacementGz() {
        return placementGz;
    }

    public String getLayoutSvg() {
        return layoutSvg;
    }

    public byte[] getCongestionPng() {
        return congestionPng;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The placed DEF, gzipped; null unless the job's design is LEF/DEF. */
    public byte[] getPlacementDefGz() {
        return placementDefGz;
    }

    public void setPlacementDefGz(byte[] placementDefGz) {
        this.placementDefGz = placementDefGz;
    }

    /** The gzipped Circuit Training {@code .plc} (null unless the design is a {@code .pb.txt}). */
    public byte[] getPlacementPlcGz() {
        return placementPlcGz;
    }

    public void setPlacementPlcGz(byte[] placementPlcGz) {
        this.placementPlcGz = placementPlcGz;
    }
}
