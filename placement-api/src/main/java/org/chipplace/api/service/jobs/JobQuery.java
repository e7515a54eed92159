package org.chipplace.api.service.jobs;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.chipplace.api.service.ServiceErrors.BadRequest;
import org.chipplace.api.service.security.Caller;
import org.chipplace.api.service.store.JobEntity;
import org.chipplace.api.service.store.JobStatus;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * The filters and the order of a job list ({@code GET /api/jobs}) as a database query: a JPA
 * {@link Specification} (the caller's own jobs unless admin, and the filters) and a page request
 * whose sort names only sortable {@code JobView} fields (mapped to the entity's columns), newest
 * first by default, with the id as the last key so that pages never overlap.
 *
 * @param statuses job states to keep (empty: all)
 * @param design   the job's {@code design} field: an upload id or {@code bench:<name>}; null: all
 * @param sweep    jobs of this sweep; null: all
 */
public record JobQuery(Set<JobStatus> statuses, String design, UUID sweep) {
    /** Page size when none is asked for. */
    public static final int DEFAULT_SIZE = 50;
    /** Largest page size; larger requests get this. */
    public static final int MAX_SIZE = 500;
    /** Sortable {@code JobView} fields and the entity property of each. */
    static final Map<String, String> SORTABLE = sortable();

    private static Map<String, String> sortable() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : new String[] {"createdAt", "startedAt", "finishedAt", "status", "stage", "percent", "hpwl",
                "overflow", "designName", "macroPlacer", "seed", "fineTuneSteps", "attempts", "worker", "sweepId",
                "id"}) {
            m.put(p, p);
        }
        m.put("config", "configName");
        return Map.copyOf(m);
    }

    /**
     * The query of the request parameters; 400 for an unknown status or a design that is neither an
     * upload id nor {@code bench:<name>}.
     *
     * @param statuses status names, any case, each possibly a comma-separated list (null or empty: all)
     */
    public static JobQuery of(List<String> statuses, String design, UUID sweep) {
        Set<JobStatus> wanted = EnumSet.noneOf(JobStatus.class);
        if (statuses != null) {
            for (String s : statuses) {
                for (String one : s.split(",")) {
                    if (!one.isBlank()) {
                        wanted.add(status(one.trim()));
                    }
                }
            }
        }
        String d = design == null || design.isBlank() ? null : design.trim();
        if (d != null) {
            if (d.startsWith(JobService.BENCH)) {
                if (d.length() == JobService.BENCH.length()) {
                    throw new BadRequest("design filter 'bench:' lacks the benchmark name");
                }
            } else {
                try {
                    d = UUID.fromString(d).toString();
                } catch (IllegalArgumentException e) {
                    throw new BadRequest("design filter must be an uploaded design id or bench:<name>, got '"
                            + d + "'");
                }
            }
        }
        return new JobQuery(wanted, d, sweep);
    }

    private static JobStatus status(String s) {
        try {
            return JobStatus.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("unknown status '" + s + "'; allowed: " + Arrays.stream(JobStatus.values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** The jobs {@code caller} may see that pass the filters. */
    public Specification<JobEntity> specification(Caller caller) {
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (!caller.admin()) {
                all.add(cb.equal(root.get("owner"), caller.owner()));
            }
            if (!statuses.isEmpty()) {
                all.add(root.get("status").in(statuses));
            }
            if (design != null && design.startsWith(JobService.BENCH)) {
                all.add(cb.isNull(root.get("designId")));
                all.add(cb.equal(root.get("benchmark"), design.substring(JobService.BENCH.length())));
            } else if (design != null) {
                all.add(cb.equal(root.get("designId"), UUID.fromString(design)));
            }
            if (sweep != null) {
                all.add(cb.equal(root.get("sweepId"), sweep));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    /**
     * {@code asked} with its size capped at {@link #MAX_SIZE}, its sort mapped to entity properties
     * ({@code createdAt} descending when it has none) and the id appended; 400 when it sorts by a
     * field that is not sortable.
     */
    public static Pageable page(Pageable asked) {
        int size = asked.isPaged() ? Math.min(MAX_SIZE, Math.max(1, asked.getPageSize())) : DEFAULT_SIZE;
        int number = asked.isPaged() ? asked.getPageNumber() : 0;
        List<Sort.Order> orders = new ArrayList<>();
        boolean byId = false;
        for (Sort.Order o : asked.getSort()) {
            String property = SORTABLE.get(o.getProperty());
            if (property == null) {
                throw new BadRequest("cannot sort jobs by '" + o.getProperty() + "'; sortable: "
                        + SORTABLE.keySet().stream().sorted().collect(Collectors.joining(", ")));
            }
            byId |= property.equals("id");
            orders.add(new Sort.Order(o.getDirection(), property));
        }
        if (orders.isEmpty()) {
            orders.add(Sort.Order.desc("createdAt"));
        }
        if (!byId) {
            orders.add(Sort.Order.asc("id"));
        }
        return PageRequest.of(number, size, Sort.by(orders));
    }
}
