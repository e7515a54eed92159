package org.chipplace.api.service.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.chipplace.api.service.ServiceErrors.Conflict;
import org.chipplace.api.service.designs.DesignService;
import org.chipplace.api.service.security.AuditLog;
import org.chipplace.api.service.security.Caller;
import org.chipplace.api.service.store.DesignEntity;
import org.chipplace.api.service.store.DesignRepository;
import org.chipplace.api.service.store.JobEntity;
import org.chipplace.api.service.store.JobRepository;
import org.chipplace.api.service.store.JobStatus;
import org.chipplace.api.service.store.SweepEntity;
import org.chipplace.api.service.store.SweepRepository;
import org.jobrunr.storage.StorageProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Erasure of a design with everything derived from it, in one transaction: its files, its jobs with
 * their results and executions, its entries in sweeps (a sweep left without jobs goes too; another
 * sweep's request forgets the design), then the design row; after the commit, the jobs' JobRunr
 * records. While one of its jobs is QUEUED or RUNNING the answer is 409, unless {@code cancel} is
 * asked for (a running job then stops at its next progress report, finding its row gone). The audit
 * row of the erasure stays (it holds the id only, no content).
 */
@Service
public class DesignErasure {
    private final DesignService designs;
    private final DesignRepository designRepo;
    private final JobRepository jobs;
    private final SweepRepository sweeps;
    private final StorageProvider jobrunr;
    private final AuditLog audit;
    private final ServiceMetrics metrics;
    private final ObjectMapper json;

    public DesignErasure(DesignService designs, DesignRepository designRepo, JobRepository jobs,
                         SweepRepository sweeps, StorageProvider jobrunr, AuditLog audit, ServiceMetrics metrics,
                         ObjectMapper json) {
        this.designs = designs;
        this.designRepo = designRepo;
        this.jobs = jobs;
        this.sweeps = sweeps;
        this.jobrunr = jobrunr;
        this.audit = audit;
        this.metrics = metrics;
        this.json = json;
    }

    /** Erases design {@code id} of the current caller (404 for another owner's); 409 while its jobs run, unless {@code cancel}. */
    @Transactional
    public void erase(UUID id, boolean cancel) {
        DesignEntity d = designs.find(id);
        eraseRows(d, cancel);
        audit.record(AuditLog.DELETE_DESIGN, id.toString());
    }

    /** Erases design {@code id} for the retention schedule (cancelling its jobs); false when it is gone already. */
    @Transactional
    public boolean eraseExpired(UUID id) {
        DesignEntity d = designRepo.findById(id).orElse(null);
        if (d == null) {
            return false;
        }
        eraseRows(d, true);
        audit.record(Caller.SYSTEM.owner(), AuditLog.RETENTION_DELETE, id.toString(), null);
        return true;
    }

    private void eraseRows(DesignEntity d, boolean cancel) {
        List<JobEntity> its = jobs.findByDesignId(d.getId());
        List<JobEntity> active = its.stream().filter(j -> !j.getStatus().isFinal()).toList();
        if (!active.isEmpty() && !cancel) {
            throw new Conflict("design " + d.getId() + " has " + active.size() + " queued or running job(s) ("
                    + active.get(0).getId() + (active.size() > 1 ? ", ..." : "")
                    + "); cancel them first or delete with ?cancel=true");
        }
        Instant now = Instant.now();
        for (JobEntity j : active) {
            jobs.requestCancel(j.getId(), now);
            metrics.finished(JobStatus.CANCELLED);
        }
        Set<UUID> sweepIds = new LinkedHashSet<>();
        its.stream().map(JobEntity::getSweepId).filter(s -> s != null).forEach(sweepIds::add);
        jobs.deleteByDesign(d.getId());
        for (UUID sweepId : sweepIds) {
            SweepEntity s = sweeps.findById(sweepId).orElse(null);
            if (s == null) {
                continue;
            }
            if (jobs.countBySweepId(sweepId) == 0) {
                sweeps.delete(s);
            } else {
                s.setRequestJson(withoutDesign(s.getRequestJson(), d.getId().toString()));
            }
        }
        designRepo.delete(d);
        designRepo.flush();
        List<UUID> jobIds = its.stream().map(JobEntity::getId).toList();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    jobIds.forEach(jobrunr::deletePermanently);
                }
            });
        }
    }

    /** The sweep request {@code requestJson} without design {@code id} in its {@code designs}. */
    private String withoutDesign(String requestJson, String id) {
        try {
            JsonNode root = json.readTree(requestJson);
            if (root instanceof ObjectNode o && o.get("designs") instanceof ArrayNode a) {
                ArrayNode kept = json.createArrayNode();
                a.forEach(n -> {
                    if (!id.equalsIgnoreCase(n.asText().trim())) {
                        kept.add(n);
                    }
                });
                o.set("designs", kept);
                return json.writeValueAsString(o);
            }
            return requestJson;
        } catch (JsonProcessingException e) {
            return requestJson.replace(id, "");
        }
    }
}
