package org.chipplace.api.service.store;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Files of uploaded designs. */
public interface DesignFileRepository extends JpaRepository<DesignFileEntity, UUID> {
    List<DesignFileEntity> findByDesignIdOrderByPath(UUID designId);
}
