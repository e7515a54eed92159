package org.chipplace.api.service.jobs;

import java.time.Duration;
import java.time.Instant;
import org.chipplace.api.service.store.DesignEntity;
import org.chipplace.api.service.store.DesignRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retention: when {@code chipplace.retention.days} is above 0, designs uploaded longer ago than that
 * are erased with their jobs and results ({@link DesignErasure#eraseExpired}), checked every
 * {@code chipplace.retention.check-interval} (default 1 h). 0 (the default) keeps designs forever.
 */
@Component
@EnableScheduling
public class RetentionTask {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionTask.class);

    private final DesignRepository designs;
    private final DesignErasure erasure;
    private final int days;

    public RetentionTask(DesignRepository designs, DesignErasure erasure,
                         @Value("${chipplace.retention.days:0}") int days) {
        this.designs = designs;
        this.erasure = erasure;
        this.days = days;
    }

    /** Erases every design older than the retention; returns how many. */
    @Scheduled(fixedDelayString = "${chipplace.retention.check-interval:1h}",
            initialDelayString = "${chipplace.retention.initial-delay:1m}")
    public int sweep() {
        if (days <= 0) {
            return 0;
        }
        Instant cutoff = Instant.now().minus(Duration.ofDays(days));
        int n = 0;
        for (DesignEntity d : designs.findByCreatedAtBefore(cutoff)) {
            try {
                n += erasure.eraseExpired(d.getId()) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn("retention: could not erase design {}: {}", d.getId(), e.toString());
            }
        }
        if (n > 0) {
            LOG.info("retention: erased {} design(s) uploaded before {}", n, cutoff);
        }
        return n;
    }
}
