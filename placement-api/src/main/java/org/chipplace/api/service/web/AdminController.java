package org.chipplace.api.service.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.chipplace.api.service.security.ApiKeyService;
import org.chipplace.api.service.security.ApiKeyService.CreatedKey;
import org.chipplace.api.service.security.ApiKeyService.KeyView;
import org.chipplace.api.service.security.AuditLog;
import org.chipplace.api.service.security.AuditLog.AuditView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administration (admin role only, see {@code security.SecurityConfig}): API keys of owners and the
 * audit trail.
 */
@RestController
@Tag(name = "admin")
public class AdminController {
    private final ApiKeyService keys;
    private final AuditLog audit;

    public AdminController(ApiKeyService keys, AuditLog audit) {
        this.keys = keys;
        this.audit = audit;
    }

    /** Body of {@code POST /api/admin/keys}. */
    public record NewKey(String owner) {
    }

    @Operation(summary = "Create an API key for an owner; 201 with the key, shown only this once")
    @PostMapping(path = "/api/admin/keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CreatedKey> create(@RequestBody NewKey body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(keys.create(body == null ? null : body.owner()));
    }

    @Operation(summary = "List API keys (ids, owners, creation and revocation times; never the keys)")
    @GetMapping("/api/admin/keys")
    public List<KeyView> list() {
        return keys.list();
    }

    @Operation(summary = "Revoke an API key (it fails at once)")
    @DeleteMapping("/api/admin/keys/{id}")
    public KeyView revoke(@PathVariable UUID id) {
        return keys.revoke(id);
    }

    @Operation(summary = "The audit trail, newest first: owner, action, object id, time, client address")
    @GetMapping("/api/admin/audit")
    public List<AuditView> audit(@RequestParam(defaultValue = "500") int limit) {
        return audit.recent(limit);
    }
}
