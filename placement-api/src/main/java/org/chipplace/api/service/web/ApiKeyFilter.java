package org.chipplace.api.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.chipplace.api.service.ChipplaceProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When {@code chipplace.api-key} is set, every mutating request (POST, PUT, PATCH, DELETE) under
 * {@code /api/} must send it in header {@code X-API-Key}; otherwise the answer is a 401 problem.
 * Reads (GET) stay open. The comparison takes constant time.
 */
@Component
public class ApiKeyFilter extends OncePerRequestFilter {
    /** The header that carries the key. */
    public static final String HEADER = "X-API-Key";
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ChipplaceProperties props;

    public ApiKeyFilter(ChipplaceProperties props) {
        this.props = props;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String key = props.getApiKey();
        if (key != null && !key.isEmpty() && MUTATING.contains(req.getMethod())
                && req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
            String sent = req.getHeader(HEADER);
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    key.getBytes(StandardCharsets.UTF_8))) {
                res.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                res.setContentType("application/problem+json");
                res.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
                res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"" + (sent == null ? "missing" : "wrong") + " " + HEADER + " header\","
                        + "\"instance\":\"" + req.getRequestURI().replace("\"", "") + "\"}");
                return;
            }
        }
        chain.doFilter(req, res);
    }
}
