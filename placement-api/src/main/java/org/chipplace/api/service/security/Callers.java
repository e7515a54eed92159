package org.chipplace.api.service.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The {@link Caller} of the current request, from Spring Security's context: the authentication's
 * name is the owner (API key owner, JWT subject), authority {@code ROLE_ADMIN} (admin key) or
 * {@code SCOPE_<chipplace.auth.admin-scope>} (JWT) makes an admin. In auth mode none the caller is
 * always {@link Caller#LOCAL}; in the other modes one without an authentication sees nothing.
 */
@Component
public class Callers {
    /** The authority of an admin. */
    public static final String ADMIN = "ROLE_ADMIN";
    /** An unauthenticated caller in mode api-key or jwt: sees nothing (the security chain lets none through). */
    private static final Caller NOBODY = new Caller("", false);

    private final AuthSettings settings;

    public Callers(AuthSettings settings) {
        this.settings = settings;
    }

    /** The caller of the current thread's request. */
    public Caller current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (settings.getMode() == AuthSettings.Mode.NONE) {
            return Caller.LOCAL;
        }
        if (a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken) {
            return NOBODY;
        }
        String adminScope = "SCOPE_" + settings.getAdminScope();
        boolean admin = false;
        for (GrantedAuthority g : a.getAuthorities()) {
            admin |= ADMIN.equals(g.getAuthority()) || adminScope.equals(g.getAuthority());
        }
        return new Caller(a.getName(), admin);
    }
}
