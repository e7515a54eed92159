package org.chipplace.api.service.store;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Results of DONE jobs (one per job). */
public interface JobResultRepository extends JpaRepository<JobResultEntity, UUID> {
}
