package org.chipplace.api.service.jobs;

/**
 * Thrown from the progress listener to stop a running job: cancelled by a user, over its time
 * limit, or interrupted because its worker is shutting down (the job is then run again).
 */
public final class JobStopped extends RuntimeException {
    /** Why the job stopped. */
    public enum Reason { CANCELLED, TIME_LIMIT, INTERRUPTED }

    private final Reason reason;

    public JobStopped(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
