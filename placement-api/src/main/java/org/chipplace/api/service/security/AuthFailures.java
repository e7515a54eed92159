package org.chipplace.api.service.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * What a request that fails authentication gets: a 401 RFC 7807 problem (403 for a non-admin on the
 * admin endpoints, 429 when its address is rate limited), one audit row, and, when it sent
 * credentials that were wrong, revoked or expired, one more failure counted against its client
 * address (see {@link FailedAuthLimiter}). Spring Security calls it as the entry point (credentials
 * missing, or a bad bearer token) and as the API-key filter's failure handler. Logs never carry the
 * credentials, only the path and the address.
 */
@Component
public class AuthFailures implements AuthenticationEntryPoint, AuthenticationFailureHandler, AccessDeniedHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AuthFailures.class);
    private static final int MAX_ADDRESSES = 100_000;

    private final AuthSettings settings;
    private final AuditLog audit;
    private final ObjectMapper json;
    /** Per client address: {window start millis, failures in the window}. */
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    public AuthFailures(AuthSettings settings, AuditLog audit, ObjectMapper json) {
        this.settings = settings;
        this.audit = audit;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest req, HttpServletResponse res, AuthenticationException e)
            throws IOException {
        boolean missing = e instanceof InsufficientAuthenticationException;
        String address = req.getRemoteAddr();
        if (!missing) {
            failed(address);
        }
        LOG.info("authentication failed ({}) for {} from {}", missing ? "no credentials" : "bad credentials",
                req.getRequestURI(), address);
        audit.record(null, AuditLog.AUTH_FAILED, req.getMethod() + " " + req.getRequestURI(), address);
        res.setHeader("WWW-Authenticate", settings.getMode() == AuthSettings.Mode.JWT ? "Bearer"
                : "ApiKey header=\"" + ApiKeyAuthentication.HEADER + "\"");
        write(req, res, HttpStatus.UNAUTHORIZED, missing ? "authentication required: send "
                + (settings.getMode() == AuthSettings.Mode.JWT ? "an Authorization: Bearer token"
                : "header " + ApiKeyAuthentication.HEADER) : "invalid, revoked or expired credentials");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest req, HttpServletResponse res, AuthenticationException e)
            throws IOException {
        commence(req, res, e);
    }

    @Override
    public void handle(HttpServletRequest req, HttpServletResponse res, AccessDeniedException e) throws IOException {
        write(req, res, HttpStatus.FORBIDDEN, "this endpoint is for administrators");
    }

    /** Answers 429: too many failed authentications from the request's address. */
    void tooMany(HttpServletRequest req, HttpServletResponse res, long retryAfterSeconds) throws IOException {
        audit.record(null, AuditLog.RATE_LIMITED, req.getMethod() + " " + req.getRequestURI(), req.getRemoteAddr());
        res.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        write(req, res, HttpStatus.TOO_MANY_REQUESTS, "too many failed authentications from this address; retry in "
                + retryAfterSeconds + " s");
    }

    /** Counts one failed authentication from {@code address}. */
    void failed(String address) {
        long now = System.currentTimeMillis();
        long window = settings.getFailureWindow().toMillis();
        if (windows.size() > MAX_ADDRESSES) {
            windows.values().removeIf(w -> now - w[0] > window);
        }
        windows.compute(address, (a, w) -> {
            if (w == null || now - w[0] > window) {
                return new long[] {now, 1};
            }
            w[1]++;
            return w;
        });
    }

    /** Seconds until {@code address} may try again; 0 when it is not blocked. */
    long blockedSeconds(String address) {
        long[] w = windows.get(address);
        long now = System.currentTimeMillis();
        long window = settings.getFailureWindow().toMillis();
        if (w == null || now - w[0] > window || w[1] < settings.getMaxFailures()) {
            return 0;
        }
        return Math.max(1, (w[0] + window - now + 999) / 1000);
    }

    private void write(HttpServletRequest req, HttpServletResponse res, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("about:blank"));
        p.setInstance(URI.create(req.getRequestURI().replaceAll("[^A-Za-z0-9/._~-]", "")));
        res.setStatus(status.value());
        res.setContentType("application/problem+json");
        res.getWriter().write(json.writeValueAsString(p));
    }
}
