package org.chipplace.api.service.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Spring Security's pieces for mode api-key: the {@link Token} (the key as sent, then the owner it
 * belongs to) and the {@link Provider} that checks it with {@link ApiKeyService} (admin key: owner
 * {@code admin} with {@link Callers#ADMIN}; a named key: its owner; anything else: bad credentials).
 */
public final class ApiKeyAuthentication {
    /** The header that carries the key. */
    public static final String HEADER = "X-API-Key";

    private ApiKeyAuthentication() {
    }

    /** An API key authentication: unauthenticated (holding the key) or authenticated (the owner). */
    public static final class Token extends AbstractAuthenticationToken {
        private final String owner;
        private transient String key;

        /** The key as sent, not yet checked. */
        public Token(String key) {
            super(List.of());
            this.owner = null;
            this.key = key;
        }

        private Token(String owner, boolean admin) {
            super(admin ? List.of(new SimpleGrantedAuthority(Callers.ADMIN)) : List.of());
            this.owner = owner;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return key;
        }

        @Override
        public Object getPrincipal() {
            return owner;
        }

        @Override
        public String getName() {
            return owner == null ? "" : owner;
        }

        @Override
        public void eraseCredentials() {
            key = null;
        }

        @Override
        public String toString() {
            return "ApiKeyAuthentication.Token[owner=" + owner + "]";
        }
    }

    /** Checks an unauthenticated {@link Token}. */
    public static final class Provider implements AuthenticationProvider {
        private final ApiKeyService keys;

        public Provider(ApiKeyService keys) {
            this.keys = keys;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String key = (String) authentication.getCredentials();
            if (key == null || key.isEmpty()) {
                throw new BadCredentialsException("empty API key");
            }
            if (keys.isAdminKey(key)) {
                return new Token("admin", true);
            }
            return keys.ownerOf(key).map(owner -> new Token(owner, false))
                    .orElseThrow(() -> new BadCredentialsException("unknown or revoked API key"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return Token.class.isAssignableFrom(authentication);
        }
    }
}
