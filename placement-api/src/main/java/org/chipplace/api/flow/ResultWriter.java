package org.chipplace.api.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.chipplace.metrics.Hpwl;
import org.chipplace.metrics.MetricsOptions;
import org.chipplace.metrics.Rudy;
import org.chipplace.metrics.RudyReport;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.chipplace.netlist.lefdef.DefDesign;
import org.chipplace.netlist.lefdef.LefDef;
import org.chipplace.placer.PlacementResult;

/**
 * Writes a placement result, the same way for the {@code place} command (into its {@code --out}
 * folder) and for a service job (into a temporary folder it then stores): {@code <design>.pl}, for a
 * LEF/DEF design the placed {@code <design>.def} (read back and measured as written, since the writer
 * flips cells to their rows' orientation, which moves pins: {@code defHpwl}), and {@code report.json}
 * ({@link PlacementReport}, shape {@code docs/report-schema.json}).
 */
public final class ResultWriter {
    /** File name of the report in the output folder. */
    public static final String REPORT = "report.json";

    /** The mapper of the report (records serialise with their component names). */
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private ResultWriter() {
    }

    /**
     * The files written and what was measured on them.
     *
     * @param pl         the Bookshelf placement
     * @param def        the placed DEF, or null for a Bookshelf design
     * @param defHpwl    HPWL of the DEF as written, or null
     * @param rudy       RUDY congestion of the final placement (for pictures)
     * @param report     the report ({@link PlacementReport#of})
     * @param reportFile the report file
     * @param reportJson the report file's text (pretty-printed JSON)
     */
    public record Written(Path pl, Path def, Double defHpwl, RudyReport rudy, Map<String, Object> report,
                          Path reportFile, String reportJson) {

        /** The report as one line of JSON (for {@code place --json}). */
        public String compactJson() {
            return ResultWriter.compact(report);
        }
    }

    /**
     * Writes {@code result} of {@code netlist} into {@code dir} (created if missing).
     *
     * @param dir     output folder
     * @param netlist the placed design
     * @param def     the DEF as read (to write the placed DEF into), or null for a Bookshelf design
     * @param result  the pipeline's result
     * @param run     what was run (for the report)
     * @return the files written
     * @throws IOException when a file cannot be written
     */
    public static Written write(Path dir, Netlist netlist, DefDesign def, PlacementResult result,
                                PlacementReport.Run run) throws IOException {
        Files.createDirectories(dir);
        Path pl = dir.resolve(netlist.name() + ".pl");
        Bookshelf.writePl(netlist, result.placement(), pl);
        Path defOut = null;
        Double defHpwl = null;
        if (def != null) {
            defOut = dir.resolve(netlist.name() + ".def");
            LefDef.writeDef(def, result.placement(), defOut);
            DefDesign written = LefDef.readDef(def.library(), defOut);
            defHpwl = Hpwl.total(written.netlist(), written.placement().x(), written.placement().y());
        }
        RudyReport rudy = Rudy.compute(netlist, result.placement(),
                MetricsOptions.defaults().withTargetDensity(result.options().targetDensity()));
        Map<String, Object> report = PlacementReport.of(result, run, def != null, defHpwl, rudy);
        String json = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report);
        Path reportFile = dir.resolve(REPORT);
        Files.writeString(reportFile, json, StandardCharsets.UTF_8);
        return new Written(pl, defOut, defHpwl, rudy, report, reportFile, json);
    }

    private static String compact(Map<String, Object> report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }
}
