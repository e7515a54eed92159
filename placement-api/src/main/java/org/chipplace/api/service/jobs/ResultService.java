package org.chipplace.api.service.jobs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.chipplace.api.service.ServiceErrors.Conflict;
import org.chipplace.api.service.ServiceErrors.NotFound;
import org.chipplace.api.service.store.JobEntity;
import org.chipplace.api.service.security.AuditLog;
import org.chipplace.api.service.store.JobResultEntity;
import org.chipplace.api.service.store.JobResultRepository;
import org.chipplace.api.service.store.JobStatus;
import org.springframework.stereotype.Service;

/** Result files of DONE jobs: 404 for an unknown job, 409 while the job is not DONE. */
@Service
public class ResultService {
    private final JobService jobs;
    private final JobResultRepository results;
    private final AuditLog audit;

    public ResultService(JobService jobs, JobResultRepository results, AuditLog audit) {
        this.jobs = jobs;
        this.results = results;
        this.audit = audit;
    }

    /** The result of DONE job {@code id} (404 when the caller may not see the job). */
    public JobResultEntity result(UUID id) {
        JobEntity j = jobs.find(id);
        if (j.getStatus() != JobStatus.DONE) {
            throw new Conflict("job " + id + " is " + j.getStatus() + "; results exist only for DONE jobs");
        }
        return results.findById(id).orElseThrow(() -> new NotFound("result of job", id));
    }

    /** The Bookshelf .pl of the final placement. */
    public byte[] placementPl(UUID id) {
        return gunzip(download(id, "placement.pl").getPlacementGz());
    }

    /** The placed DEF of a job on a LEF/DEF design; 404 when the job's design is Bookshelf. */
    public byte[] placementDef(UUID id) {
        byte[] gz = download(id, "placement.def").getPlacementDefGz();
        if (gz == null) {
            throw new NotFound("job " + id + " has no placed DEF: its design is Bookshelf, not LEF/DEF");
        }
        return gunzip(gz);
    }

    private static byte[] gunzip(byte[] gz) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String reportJson(UUID id) {
        return download(id, "report.json").getReportJson();
    }

    public String layoutSvg(UUID id) {
        return download(id, "layout.svg").getLayoutSvg();
    }

    public byte[] congestionPng(UUID id) {
        return download(id, "congestion.png").getCongestionPng();
    }

    /** The result of job {@code id}, with an audit row for the download of {@code file}. */
    private JobResultEntity download(UUID id, String file) {
        JobResultEntity r = result(id);
        audit.record(AuditLog.DOWNLOAD, id + "/" + file);
        return r;
    }
}
