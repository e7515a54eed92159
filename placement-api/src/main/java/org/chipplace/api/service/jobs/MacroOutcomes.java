package org.chipplace.api.service.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chipplace.api.service.Dtos.MacroCandidate;
import org.chipplace.api.service.Dtos.MacroOutcome;
import org.springframework.stereotype.Service;

/**
 * Builds a job's {@link MacroOutcome} from its report.json ({@code candidates}: name, source, final
 * HPWL, seconds, winner; docs/report-schema.json): which macro placement the pipeline kept and how
 * far behind the others ended, e.g. {@code greedy ran; analytic kept, greedy +7.4 %}. A candidate is
 * named by its source (the macro placer, or {@code analytic}), or by its report name
 * ({@code candidate-2}) when several candidates share the source.
 */
@Service
public class MacroOutcomes {
    /** The macro placer value of a job without one. */
    public static final String NONE = "none";

    private final ObjectMapper json;

    public MacroOutcomes(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The outcome of a DONE job run with {@code macroPlacer}, read from its report; null when the job
     * had no macro placer, or the report is missing, unreadable or lists no candidate.
     */
    public MacroOutcome of(String macroPlacer, String reportJson) {
        if (macroPlacer == null || macroPlacer.equals(NONE) || reportJson == null) {
            return null;
        }
        try {
            return fromReport(macroPlacer, json.readTree(reportJson));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** As {@link #of(String, String)}, from the parsed report. */
    public static MacroOutcome fromReport(String macroPlacer, JsonNode report) {
        if (macroPlacer == null || macroPlacer.equals(NONE) || report == null) {
            return null;
        }
        JsonNode list = report.path("candidates");
        if (!list.isArray() || list.isEmpty()) {
            return null;
        }
        Map<String, Integer> perSource = new HashMap<>();
        for (JsonNode c : list) {
            perSource.merge(c.path("source").asText(""), 1, Integer::sum);
        }
        String winnerName = report.path("winner").asText(null);
        List<MacroCandidate> candidates = new ArrayList<>();
        int kept = -1;
        for (JsonNode c : list) {
            String name = c.path("name").asText("");
            String source = c.path("source").asText("");
            String label = perSource.get(source) > 1 || source.isEmpty() ? name : source;
            JsonNode secs = c.get("seconds");
            boolean winner = c.path("winner").asBoolean(false) || (kept < 0 && name.equals(winnerName));
            if (winner && kept < 0) {
                kept = candidates.size();
            } else {
                winner = false;
            }
            candidates.add(new MacroCandidate(name, source, label, c.path("hpwl").asDouble(Double.NaN),
                    secs != null && secs.isNumber() ? secs.asDouble() : null, winner));
        }
        if (kept < 0) {
            return null;
        }
        MacroCandidate w = candidates.get(kept);
        StringBuilder summary = new StringBuilder(macroPlacer).append(" ran; ").append(w.label()).append(" kept");
        for (MacroCandidate c : candidates) {
            if (c != w) {
                summary.append(", ").append(c.label());
                String pct = percentBehind(c.hpwl(), w.hpwl());
                if (pct != null) {
                    summary.append(' ').append(pct);
                }
            }
        }
        return new MacroOutcome(macroPlacer, w.label(), summary.toString(), List.copyOf(candidates));
    }

    /**
     * {@code (hpwl / keptHpwl - 1) * 100} with a sign and one decimal ({@code +7.4 %}); null when either
     * HPWL is not a positive finite number.
     */
    static String percentBehind(double hpwl, double keptHpwl) {
        if (!(hpwl > 0) || !(keptHpwl > 0) || Double.isInfinite(hpwl) || Double.isInfinite(keptHpwl)) {
            return null;
        }
        return String.format(Locale.ROOT, "%+.1f %%", (hpwl / keptHpwl - 1) * 100);
    }
}
