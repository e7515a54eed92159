package org.chipplace.api.service.store;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Starts of jobs on workers. */
public interface JobExecutionRepository extends JpaRepository<JobExecutionEntity, UUID> {
    List<JobExecutionEntity> findByJobIdOrderByStartedAt(UUID jobId);
}
