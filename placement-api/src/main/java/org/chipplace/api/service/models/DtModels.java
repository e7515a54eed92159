package org.chipplace.api.service.models;

import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.chipplace.policy.DecisionTransformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The decision-transformer models of {@code dt} jobs, loaded once per checkpoint name and device
 * and reused by every later job: a job's placer takes the model shared and leaves it open
 * ({@code MacroPlacers.byName(name, settings, shared)}; jobs on one model take turns in its macro
 * stage, see {@code DecisionTransformerPlacer}), and the models are closed when the service shuts down.
 * Names are those of {@link ModelCatalog#dtCheckpoints()}. A checkpoint folder changed on disk is
 * read again only after a restart. Thread-safe.
 */
@Service
public class DtModels {
    private static final Logger LOG = LoggerFactory.getLogger(DtModels.class);

    private final ModelCatalog catalog;
    private final Map<Key, DecisionTransformer> loaded = new HashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    private boolean closed;

    /** A model: checkpoint name and device ({@code cpu} or {@code gpu}). */
    private record Key(String checkpoint, String device) {
    }

    public DtModels(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The model of checkpoint {@code name} on {@code device}, loaded on first use.
     *
     * @throws IllegalArgumentException for an unknown name (naming the known ones) or device
     * @throws IllegalStateException    for {@code gpu} without a CUDA device
     *                                  ({@link org.chipplace.gnn.NoCudaDeviceException}), and after
     *                                  {@link #close()}
     */
    public synchronized DecisionTransformer get(String name, String device) {
        if (closed) {
            throw new IllegalStateException("the service is shutting down");
        }
        Key key = new Key(name, device == null ? "" : device.trim().toLowerCase(Locale.ROOT));
        DecisionTransformer model = loaded.get(key);
        if (model == null) {
            Path folder = catalog.dtCheckpointFolder(name);
            long t0 = System.nanoTime();
            model = folder == null ? DecisionTransformer.loadDefault(key.device())
                    : DecisionTransformer.load(folder, key.device());
            loads.incrementAndGet();
            loaded.put(key, model);
            LOG.info("loaded decision-transformer checkpoint {} on {} in {} ms", name, key.device(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
        return model;
    }

    /** How many times a model was loaded (once per checkpoint and device while the service runs). */
    public int loads() {
        return loads.get();
    }

    /**
     * Closes every loaded model at shutdown (the queue has stopped its jobs by then; a macro stage
     * still running on a model is waited for).
     */
    @PreDestroy
    public synchronized void close() {
        closed = true;
        for (DecisionTransformer m : loaded.values()) {
            synchronized (m) { // the lock a placer holds while it places with the model
                m.close();
            }
        }
        loaded.clear();
    }
}
