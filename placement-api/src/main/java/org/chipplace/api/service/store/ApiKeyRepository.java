package org.chipplace.api.service.store;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** API keys (hashes only). */
public interface ApiKeyRepository extends JpaRepository<ApiKeyEntity, UUID> {
    List<ApiKeyEntity> findAllByOrderByCreatedAtDesc();
}
