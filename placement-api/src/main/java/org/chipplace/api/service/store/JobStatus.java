package org.chipplace.api.service.store;

/** Life cycle of a placement job. DONE, FAILED and CANCELLED are final. */
public enum JobStatus {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED;

    /** True for DONE, FAILED and CANCELLED. */
    public boolean isFinal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
