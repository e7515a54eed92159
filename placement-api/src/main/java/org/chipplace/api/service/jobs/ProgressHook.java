package org.chipplace.api.service.jobs;

import java.util.UUID;

/**
 * Optional bean called on the worker thread at every progress report of a running job (after the
 * service's own bookkeeping). Tests use it to make a job slow or to observe it; a hook that throws
 * stops the job like any placement error. An interrupted hook should restore the interrupt flag.
 */
@FunctionalInterface
public interface ProgressHook {
    void onReport(UUID jobId, String stage, int iteration);
}
