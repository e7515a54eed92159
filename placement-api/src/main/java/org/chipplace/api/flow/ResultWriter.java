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
import org.chipplace.metrics.ProxyCostOptions;
import org.chipplace.metrics.ProxyCostReport;
import org.chipplace.metrics.Rudy;
import org.chipplace.metrics.RudyReport;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.bookshelf.Bookshelf;
import org.chipplace.netlist.circuittraining.CircuitTraining;
import org.chipplace.netlist.circuittraining.CtDesign;
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
     * @param plc        the Circuit Training placement, or null for other designs
     */
    public record Written(Path pl, Path def, Double defHpwl, RudyReport rudy, Map<String, Object> report,
                          Path reportFile, String reportJson, Path plc) {

        /** Without a {@code .plc} (Bookshelf and LEF/DEF designs). */
        public Written(Path pl, Path def, Double defHpwl, RudyReport rudy, Map<String, Object> report,
                       Path reportFile, String reportJson) {
            this(pl, def, defHpwl, rudy, report, reportFile, reportJson, null);
        }

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
        return write(dir, netlist, def, null, result, run);
    }

    /**
     * As {@link #write(Path, Netlist, DefDesign, PlacementResult, PlacementReport.Run)}; for a Circuit
     * Training design ({@code ct} not null) also {@code <design>.plc} (header with the proxy cost and
     * its parameters), and the report's {@code format} is {@code circuittraining}. Every report's
     * {@code metrics} carries the proxy cost ({@link ProxyCosts}) as {@code proxyCost}.
     *
     * @param ct the Circuit Training design, or null
     */
    public static Written write(Path dir, Netlist netlist, DefDesign def, CtDesign ct, PlacementResult result,
                                PlacementReport.Run run) throws IOException {
        Files.createDirectories(dir);
        Path pl = dir.resolve(netlist.name() + ".pl");
        Bookshelf.writePl(netlist, result.placement(), pl);
        Netlist placed = result.netlist() == null ? netlist : result.netlist(); // pin offsets of flipped macros
        ProxyCostOptions proxyOptions = ProxyCosts.options(def, ct, null);
        ProxyCostReport proxy = ProxyCosts.compute(placed, result.placement(), ct, proxyOptions);
        Path plc = null;
        if (ct != null) {
            plc = dir.resolve(netlist.name() + ".plc");
            double hpwlMicrons = Hpwl.total(placed, result.placement().x(), result.placement().y()) / ct.dbuPerMicron();
            CircuitTraining.writePlc(ct, result.placement(), plc, ProxyCosts.plcHeader(proxyOptions, proxy, hpwlMicrons));
        }
        Path defOut = null;
        Double defHpwl = null;
        if (def != null) {
            defOut = dir.resolve(netlist.name() + ".def");
            LefDef.writeDef(def, result.placement(), defOut);
            DefDesign written = LefDef.readDef(def.library(), defOut);
            defHpwl = Hpwl.total(written.netlist(), written.placement().x(), written.placement().y());
        } else if (ct != null && ct.floorplan() != null) {
            // the floorplan DEF with every macro and cell of the .pb.txt as a placed component
            defOut = dir.resolve(netlist.name() + ".def");
            CircuitTraining.writeDef(ct, result.placement(), defOut);
        }
        RudyReport rudy = Rudy.compute(placed, result.placement(),
                MetricsOptions.defaults().withTargetDensity(result.options().targetDensity()));
        String format = ct != null ? "circuittraining" : def != null ? "lefdef" : "bookshelf";
        Map<String, Object> report = PlacementReport.of(result, run, format, defHpwl, rudy, proxy);
        if (ct != null || def != null) {
            // lengths of the report are database units; this converts them to microns
            report.put("dbuPerMicron", ct != null ? ct.dbuPerMicron() : def.dbuPerMicron());
        }
        String json = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report);
        Path reportFile = dir.resolve(REPORT);
        Files.writeString(reportFile, json, StandardCharsets.UTF_8);
        return new Written(pl, defOut, defHpwl, rudy, report, reportFile, json, plc);
    }

    private static String compact(Map<String, Object> report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }
}
