package org.chipplace.api.service.jobs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.chipplace.api.service.ServiceErrors.Conflict;
import org.chipplace.api.service.ServiceErrors.NotFound;
import org.chipplace.api.service.security.AuditLog;
import org.chipplace.api.service.store.JobEntity;
import org.chipplace.api.service.store.JobResultEntity;
import org.chipplace.api.service.store.JobResultRepository;
import org.chipplace.api.service.store.JobStatus;
import org.springframework.stereotype.Service;

/**
 * Result files of DONE jobs: 404 for an unknown job, 409 while the job is not DONE. Each comes with
 * the file name to download it as, after the job's design: {@code <design>.pl}, {@code <design>.def},
 * {@code <design>-report.json}, {@code <design>-layout.svg}, {@code <design>-congestion.png}.
 */
@Service
public class ResultService {
    private final JobService jobs;
    private final JobResultRepository results;
    private final AuditLog audit;

    /**
     * A result file and the name to save it as.
     *
     * @param filename {@link #safeName safe} file name after the job's design
     * @param content  the bytes, or the text
     */
    public record ResultFile<T>(String filename, T content) {
    }

    public ResultService(JobService jobs, JobResultRepository results, AuditLog audit) {
        this.jobs = jobs;
        this.results = results;
        this.audit = audit;
    }

    /** The result of DONE job {@code id} (404 when the caller may not see the job). */
    public JobResultEntity result(UUID id) {
        return result(jobs.find(id));
    }

    private JobResultEntity result(JobEntity j) {
        if (j.getStatus() != JobStatus.DONE) {
            throw new Conflict("job " + j.getId() + " is " + j.getStatus() + "; results exist only for DONE jobs");
        }
        return results.findById(j.getId()).orElseThrow(() -> new NotFound("result of job", j.getId()));
    }

    /** The Bookshelf .pl of the final placement, as {@code <design>.pl}. */
    public ResultFile<byte[]> placementPl(UUID id) {
        return download(id, "placement.pl", ".pl", r -> gunzip(r.getPlacementGz()));
    }

    /** The placed DEF of a job on a LEF/DEF design, as {@code <design>.def}; 404 when the design is Bookshelf. */
    public ResultFile<byte[]> placementDef(UUID id) {
        return download(id, "placement.def", ".def", r -> {
            if (r.getPlacementDefGz() == null) {
                throw new NotFound("job " + id + " has no placed DEF: its design is Bookshelf, not LEF/DEF");
            }
            return gunzip(r.getPlacementDefGz());
        });
    }

    /** The Circuit Training .plc of a job on a .pb.txt design, as {@code <design>.plc}; 404 for other designs. */
    public ResultFile<byte[]> placementPlc(UUID id) {
        return download(id, "placement.plc", ".plc", r -> {
            if (r.getPlacementPlcGz() == null) {
                throw new NotFound("job " + id + " has no .plc: its design is not a Circuit Training netlist");
            }
            return gunzip(r.getPlacementPlcGz());
        });
    }

    /** The report, as {@code <design>-report.json}. */
    public ResultFile<String> reportJson(UUID id) {
        return download(id, "report.json", "-report.json", JobResultEntity::getReportJson);
    }

    /** The layout picture, as {@code <design>-layout.svg}. */
    public ResultFile<String> layoutSvg(UUID id) {
        return download(id, "layout.svg", "-layout.svg", JobResultEntity::getLayoutSvg);
    }

    /** The congestion figure, as {@code <design>-congestion.png}. */
    public ResultFile<byte[]> congestionPng(UUID id) {
        return download(id, "congestion.png", "-congestion.png", JobResultEntity::getCongestionPng);
    }

    private static byte[] gunzip(byte[] gz) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** File {@code file} of job {@code id} named {@code <design><suffix>}, with an audit row for the download. */
    private <T> ResultFile<T> download(UUID id, String file, String suffix, Function<JobResultEntity, T> content) {
        JobEntity j = jobs.find(id);
        T body = content.apply(result(j));
        audit.record(AuditLog.DOWNLOAD, id + "/" + file);
        return new ResultFile<>(safeName(j.getDesignName(), "job-" + id.toString().substring(0, 8)) + suffix, body);
    }

    /**
     * {@code name} as a file name: every character other than an ASCII letter, a digit, {@code .},
     * {@code _} or {@code -} becomes {@code _}, a leading dot too (no hidden files, no {@code ..}), at
     * most 100 characters; {@code fallback} when {@code name} is null or blank.
     */
    public static String safeName(String name, String fallback) {
        if (name == null || name.isBlank()) {
            return fallback;
        }
        String s = name.strip();
        StringBuilder b = new StringBuilder(Math.min(s.length(), 100));
        for (int i = 0; i < s.length() && b.length() < 100; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-' || (c == '.' && b.length() > 0);
            b.append(ok ? c : '_');
        }
        return b.toString();
    }
}
