package org.chipplace.api.service.jobs;

import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.springframework.stereotype.Component;

/** JobRunr entry point of placement jobs; see {@link JobRunner} for the retry policy. */
@Component
public class PlaceJobHandler implements JobRequestHandler<PlaceJobRequest> {
    private final JobRunner runner;

    public PlaceJobHandler(JobRunner runner) {
        this.runner = runner;
    }

    @Override
    @Job(name = "place %0")
    public void run(PlaceJobRequest request) {
        runner.run(request.getJobId());
    }
}
