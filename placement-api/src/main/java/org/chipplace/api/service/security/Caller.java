package org.chipplace.api.service.security;

/**
 * Who makes the current request: an owner name and whether it is an admin (sees every owner's
 * objects). In auth mode none every request is {@link #LOCAL}.
 */
public record Caller(String owner, boolean admin) {
    /** The one owner of auth mode none (also the owner of rows made before owners existed). */
    public static final Caller LOCAL = new Caller("local", true);
    /** Background work (retention), not a request. */
    public static final Caller SYSTEM = new Caller("system", true);

    /** Whether this caller may see an object of {@code objectOwner}. */
    public boolean sees(String objectOwner) {
        return admin || owner.equals(objectOwner);
    }
}
