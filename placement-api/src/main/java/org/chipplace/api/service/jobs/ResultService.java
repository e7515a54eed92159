package org.chipplace.api.service.jobs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.chipplace.api.service.ServiceErrors.Conflict;
import org.chipplace.api.service.ServiceErrors.NotFound;
import org.chipplace.api.service.store.JobEntity;
import org.chipplace.api.service.store.JobRepository;
import org.chipplace.api.service.store.JobResultEntity;
import org.chipplace.api.service.store.JobResultRepository;
import org.chipplace.api.service.store.JobStatus;
import org.springframework.stereotype.Service;

/** Result files of DONE jobs: 404 for an unknown job, 409 while the job is not DONE. */
@Service
public class ResultService {
    private final JobRepository jobs;
    private final JobResultRepository results;

    public ResultService(JobRepository jobs, JobResultRepository results) {
        this.jobs = jobs;
        this.results = results;
    }

    /** The result of DONE job {@code id}. */
    public JobResultEntity result(UUID id) {
        JobEntity j = jobs.findById(id).orElseThrow(() -> new NotFound("job", id));
        if (j.getStatus() != JobStatus.DONE) {
            throw new Conflict("job " + id + " is " + j.getStatus() + "; results exist only for DONE jobs");
        }
        return results.findById(id).orElseThrow(() -> new NotFound("result of job", id));
    }

    /** The Bookshelf .pl of the final placement. */
    public byte[] placementPl(UUID id) {
        return gunzip(result(id).getPlacementGz());
    }

    /** The placed DEF of a job on a LEF/DEF design; 404 when the job's design is Bookshelf. */
    public byte[] placementDef(UUID id) {
        byte[] gz = result(id).getPlacementDefGz();
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
        return result(id).getReportJson();
    }

    public String layoutSvg(UUID id) {
        return result(id).getLayoutSvg();
    }

    public byte[] congestionPng(UUID id) {
        return result(id).getCongestionPng();
    }
}
