package org.chipplace.api.service.store;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Batch sweeps. */
public interface SweepRepository extends JpaRepository<SweepEntity, UUID> {
    List<SweepEntity> findAllByOrderByCreatedAtDesc();

    List<SweepEntity> findByOwnerOrderByCreatedAtDesc(String owner);
}
