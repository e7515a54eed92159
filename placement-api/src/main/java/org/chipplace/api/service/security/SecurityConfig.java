package org.chipplace.api.service.security;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The Spring Security chain of each {@code chipplace.auth.mode}:
 * <ul>
 * <li>{@code none}: every request passes (one local owner, as before authentication existed);</li>
 * <li>{@code api-key}: Spring Security's {@link AuthenticationFilter} reads header {@code X-API-Key}
 *     and {@link ApiKeyAuthentication.Provider} checks it;</li>
 * <li>{@code jwt}: an OAuth2 resource server ({@code spring.security.oauth2.resourceserver.jwt.*}, or
 *     any {@code JwtDecoder} bean); the owner is the token's subject.</li>
 * </ul>
 * In api-key and jwt every request needs credentials except {@code /actuator/health} and the
 * dashboard's static files; {@code /api/admin/**} needs an admin. Stateless: no session, no CSRF
 * (credentials travel in headers that a browser never adds by itself).
 */
@Configuration
@EnableConfigurationProperties(AuthSettings.class)
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder(AuthSettings settings) {
        return new BCryptPasswordEncoder(settings.getBcryptStrength());
    }

    /** The chain (web contexts only: the {@code keys} command starts the context without a web server). */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthSettings settings, AuthFailures failures,
                                            ApiKeyService keys) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (settings.getMode() == AuthSettings.Mode.NONE) {
            return http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
        }
        http.exceptionHandling(e -> e.authenticationEntryPoint(failures).accessDeniedHandler(failures))
                .addFilterBefore(new FailedAuthLimiter(failures), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/", "/index.html", "/favicon.ico", "/css/**", "/js/**").permitAll()
                        .requestMatchers("/api/admin/**").hasAnyAuthority(Callers.ADMIN, "SCOPE_" + settings.getAdminScope())
                        .anyRequest().authenticated());
        if (settings.getMode() == AuthSettings.Mode.API_KEY) {
            AuthenticationFilter filter = new AuthenticationFilter(
                    new ProviderManager(new ApiKeyAuthentication.Provider(keys)), request -> {
                        String key = request.getHeader(ApiKeyAuthentication.HEADER);
                        return key == null ? null : new ApiKeyAuthentication.Token(key);
                    });
            filter.setSuccessHandler((req, res, auth) -> { });
            filter.setFailureHandler(failures);
            http.addFilterBefore(filter, BasicAuthenticationFilter.class);
        } else {
            http.oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(SecurityConfig::ownerOf))
                    .authenticationEntryPoint(failures).accessDeniedHandler(failures));
        }
        return http.build();
    }

    /** A JWT's authentication: the owner is its subject (a token without one is invalid), authorities its scopes. */
    static AbstractAuthenticationToken ownerOf(Jwt jwt) {
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token", "the token has no subject", null));
        }
        Collection<GrantedAuthority> scopes = new JwtGrantedAuthoritiesConverter().convert(jwt);
        return new JwtAuthenticationToken(jwt, scopes, jwt.getSubject());
    }
}
