package org.chipplace.api.service.store;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Uploaded designs. */
public interface DesignRepository extends JpaRepository<DesignEntity, UUID> {
    List<DesignEntity> findAllByOrderByCreatedAtDesc();

    List<DesignEntity> findByOwnerOrderByCreatedAtDesc(String owner);

    List<DesignEntity> findByCreatedAtBefore(java.time.Instant before);

    List<DesignEntity> findByChecksum(String checksum);
}
