package org.chipplace.api.service.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.chipplace.api.service.store.AuditEventEntity;
import org.chipplace.api.service.store.AuditEventRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail (table {@code audit_event}): one row per upload, result download, deletion, key
 * change and failed authentication, with the owner, the action, the object's id, the time and the
 * client address. Never a key, token or file content. A row written inside a transaction is kept
 * only when that transaction commits (a failed upload leaves none).
 */
@Service
public class AuditLog {
    /** A design was uploaded (object: design id). */
    public static final String UPLOAD = "upload";
    /** A result file of a job was downloaded (object: job id and file). */
    public static final String DOWNLOAD = "download";
    /** A design was erased with its jobs and results (object: design id). */
    public static final String DELETE_DESIGN = "delete-design";
    /** A design was erased by the retention schedule (object: design id). */
    public static final String RETENTION_DELETE = "retention-delete";
    /** An API key was created (object: key id). */
    public static final String KEY_CREATED = "key-created";
    /** An API key was revoked (object: key id). */
    public static final String KEY_REVOKED = "key-revoked";
    /** Authentication failed: credentials missing, wrong, revoked or expired (object: the request path). */
    public static final String AUTH_FAILED = "auth-failed";
    /** A request was refused for too many failed authentications from its address (object: the path). */
    public static final String RATE_LIMITED = "rate-limited";

    private final AuditEventRepository events;
    private final Callers callers;

    public AuditLog(AuditEventRepository events, Callers callers) {
        this.events = events;
        this.callers = callers;
    }

    /** An audit row as listed by {@code GET /api/admin/audit}. */
    public record AuditView(UUID id, Instant at, String owner, String action, String objectId,
                            String clientAddress) {
    }

    /**
     * Records {@code action} on {@code objectId} by the current caller from the current request's address
     * (outside a request, such as the {@code keys} command: owner {@code system}, no address).
     */
    @Transactional
    public void record(String action, String objectId) {
        HttpServletRequest req = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest() : null;
        record(req == null ? Caller.SYSTEM.owner() : callers.current().owner(), action, objectId,
                req == null ? null : req.getRemoteAddr());
    }

    /** Records an action with everything given (failed authentication, background work). */
    @Transactional
    public void record(String owner, String action, String objectId, String clientAddress) {
        events.save(new AuditEventEntity(UUID.randomUUID(), Instant.now(), cut(owner, 200), action,
                cut(objectId, 200), cut(clientAddress, 100)));
    }

    /** The newest {@code limit} rows (1..10000), newest first. */
    @Transactional(readOnly = true)
    public List<AuditView> recent(int limit) {
        return events.findAllByOrderByAtDesc(PageRequest.of(0, Math.max(1, Math.min(limit, 10_000)))).stream()
                .map(e -> new AuditView(e.getId(), e.getAt(), e.getOwner(), e.getAction(), e.getObjectId(),
                        e.getClientAddress())).toList();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
