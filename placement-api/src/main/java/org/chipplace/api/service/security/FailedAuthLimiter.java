package org.chipplace.api.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limit of failed authentication per client address: once {@link AuthFailures} counted
 * {@code chipplace.auth.max-failures} failures from an address within {@code chipplace.auth.failure-window},
 * every request from that address that carries credentials ({@code X-API-Key} or {@code Authorization})
 * is answered 429 (with {@code Retry-After}) until the window ends, so keys cannot be guessed at speed.
 * Spring Security has no such limiter; this filter runs in its chain, before authentication (it is not
 * a bean, so it runs nowhere else).
 */
public final class FailedAuthLimiter extends OncePerRequestFilter {
    private final AuthFailures failures;

    public FailedAuthLimiter(AuthFailures failures) {
        this.failures = failures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        boolean credentials = req.getHeader(ApiKeyAuthentication.HEADER) != null
                || req.getHeader("Authorization") != null;
        long wait = credentials ? failures.blockedSeconds(req.getRemoteAddr()) : 0;
        if (wait > 0) {
            failures.tooMany(req, res, wait);
            return;
        }
        chain.doFilter(req, res);
    }
}
