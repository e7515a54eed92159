package org.chipplace.api.service.jobs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chipplace.api.service.Dtos.MacroOutcome;
import org.chipplace.api.service.store.JobEntity;
import org.chipplace.api.service.store.JobResultRepository;
import org.chipplace.api.service.store.JobStatus;
import org.springframework.stereotype.Service;

/**
 * What job lists show of a DONE job's result: the pipeline's seconds and the {@link MacroOutcome}.
 * Read in one query per list (the report only for jobs with a macro placer, never the result's
 * files), and kept in memory (a bounded LRU map) since a DONE job's result never changes.
 */
@Service
public class ResultFacts {
    /** Most results remembered. */
    static final int CACHE_SIZE = 10_000;

    /**
     * The facts of one result.
     *
     * @param placementSeconds the report's totalSeconds (sum of the pipeline's stages)
     * @param macroOutcome     null without a macro placer
     */
    public record Facts(Double placementSeconds, MacroOutcome macroOutcome) {
        static final Facts NONE = new Facts(null, null);
    }

    private final JobResultRepository results;
    private final MacroOutcomes outcomes;
    private final Map<UUID, Facts> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Facts> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public ResultFacts(JobResultRepository results, MacroOutcomes outcomes) {
        this.results = results;
        this.outcomes = outcomes;
    }

    /** The facts of each DONE job of {@code jobs} that has a result; jobs not DONE are absent. */
    public Map<UUID, Facts> of(Collection<JobEntity> jobs) {
        Map<UUID, Facts> out = new HashMap<>();
        List<UUID> plain = new ArrayList<>();
        Map<UUID, String> withPlacer = new HashMap<>();
        synchronized (cache) {
            for (JobEntity j : jobs) {
                if (j.getStatus() != JobStatus.DONE) {
                    continue;
                }
                Facts f = cache.get(j.getId());
                if (f != null) {
                    out.put(j.getId(), f);
                } else if (MacroOutcomes.NONE.equals(j.getMacroPlacer())) {
                    plain.add(j.getId());
                } else {
                    withPlacer.put(j.getId(), j.getMacroPlacer());
                }
            }
        }
        Map<UUID, Facts> loaded = new HashMap<>();
        if (!plain.isEmpty()) {
            for (JobResultRepository.Seconds s : results.findSeconds(plain)) {
                loaded.put(s.getJobId(), new Facts(s.getSeconds(), null));
            }
        }
        if (!withPlacer.isEmpty()) {
            for (JobResultRepository.Report r : results.findReports(withPlacer.keySet())) {
                loaded.put(r.getJobId(), new Facts(r.getSeconds(),
                        outcomes.of(withPlacer.get(r.getJobId()), r.getReportJson())));
            }
        }
        synchronized (cache) {
            cache.putAll(loaded);
        }
        out.putAll(loaded);
        return out;
    }

    /** The facts of job {@code j}: {@link Facts#NONE} unless it is DONE with a result. */
    public Facts of(JobEntity j) {
        return of(List.of(j)).getOrDefault(j.getId(), Facts.NONE);
    }
}
