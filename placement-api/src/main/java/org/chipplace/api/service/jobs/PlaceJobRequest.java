package org.chipplace.api.service.jobs;

import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequest;

/** The JobRunr payload of a placement job: only the job id (everything else is in the job row). */
public class PlaceJobRequest implements JobRequest {
    private UUID jobId;

    /** For JSON deserialisation by JobRunr. */
    protected PlaceJobRequest() {
    }

    public PlaceJobRequest(UUID jobId) {
        this.jobId = jobId;
    }

    public UUID getJobId() {
        return jobId;
    }

    @Override
    public Class<PlaceJobHandler> getJobRequestHandler() {
        return PlaceJobHandler.class;
    }

    @Override
    public String toString() {
        return "job " + jobId;
    }
}
