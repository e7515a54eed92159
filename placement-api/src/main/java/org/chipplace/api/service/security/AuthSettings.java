package org.chipplace.api.service.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Authentication settings under {@code chipplace.auth}: the mode ({@code none}, {@code api-key},
 * {@code jwt}), the admin key of mode api-key, the JWT scope that makes an admin, the bcrypt cost of
 * stored key hashes and the failed-authentication rate limit.
 */
@ConfigurationProperties("chipplace.auth")
public class AuthSettings {
    /** Authentication modes. */
    public enum Mode { NONE, API_KEY, JWT }

    /** {@code none} (one local owner, the default), {@code api-key} or {@code jwt}. */
    private Mode mode = Mode.NONE;
    /** Mode api-key: the admin key (sees every owner's objects, manages keys, reads the audit trail). */
    private String adminKey;
    /** Mode jwt: a token with this scope (claim {@code scope}/{@code scp}) is an admin. */
    private String adminScope = "chipplace.admin";
    /** Cost of the bcrypt hashes of API keys (4..31). */
    private int bcryptStrength = 10;
    /** Failed authentications allowed per client address within {@link #failureWindow}; then 429. */
    private int maxFailures = 10;
    /** Window of the failed-authentication limit. */
    private Duration failureWindow = Duration.ofMinutes(1);

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public String getAdminKey() {
        return adminKey;
    }

    public void setAdminKey(String adminKey) {
        this.adminKey = adminKey;
    }

    public String getAdminScope() {
        return adminScope;
    }

    public void setAdminScope(String adminScope) {
        this.adminScope = adminScope;
    }

    public int getBcryptStrength() {
        return bcryptStrength;
    }

    public void setBcryptStrength(int bcryptStrength) {
        this.bcryptStrength = bcryptStrength;
    }

    public int getMaxFailures() {
        return maxFailures;
    }

    public void setMaxFailures(int maxFailures) {
        this.maxFailures = maxFailures;
    }

    public Duration getFailureWindow() {
        return failureWindow;
    }

    public void setFailureWindow(Duration failureWindow) {
        this.failureWindow = failureWindow;
    }
}
