package org.chipplace.api.service.store;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Results of DONE jobs (one per job). */
public interface JobResultRepository extends JpaRepository<JobResultEntity, UUID> {

    /** The pipeline seconds of a result, without its files. */
    interface Seconds {
        UUID getJobId();

        double getSeconds();
    }

    /** The pipeline seconds and the report of a result, without its other files. */
    interface Report extends Seconds {
        String getReportJson();
    }

    /** The headline metrics of a result, without its files. */
    interface Metrics {
        UUID getJobId();

        double getHpwl();

        double getMacroHpwl();

        double getOverflow();

        Boolean getLegal();
    }

    /** Headline metrics of the results of jobs {@code ids} (those that have one). */
    @Query("select r.jobId as jobId, r.hpwl as hpwl, r.macroHpwl as macroHpwl, r.overflow as overflow,"
            + " r.legal as legal from JobResultEntity r where r.jobId in :ids")
    List<Metrics> findMetrics(@Param("ids") Collection<UUID> ids);

    /** Pipeline seconds of the results of jobs {@code ids} (those that have one). */
    @Query("select r.jobId as jobId, r.seconds as seconds from JobResultEntity r where r.jobId in :ids")
    List<Seconds> findSeconds(@Param("ids") Collection<UUID> ids);

    /** Pipeline seconds and report.json of the results of jobs {@code ids} (those that have one). */
    @Query("select r.jobId as jobId, r.seconds as seconds, r.reportJson as reportJson from JobResultEntity r"
            + " where r.jobId in :ids")
    List<Report> findReports(@Param("ids") Collection<UUID> ids);
}
