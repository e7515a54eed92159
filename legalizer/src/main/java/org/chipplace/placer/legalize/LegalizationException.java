package org.chipplace.placer.legalize;

/**
 * Legalization is impossible: the movable objects do not fit into the free row space, or one
 * object fits in no free segment. The message names the object and the sizes involved, for example
 * {@code cells need 1.2e6 area but rows offer 1.1e6 free}.
 */
public final class LegalizationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LegalizationException(String message) {
        super(message);
    }
}
