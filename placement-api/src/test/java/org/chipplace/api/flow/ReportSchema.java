package org.chipplace.api.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The shape of every {@code report.json}, {@code docs/report-schema.json} (JSON Schema draft
 * 2020-12), for the tests of the place command and of service jobs.
 */
public final class ReportSchema {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;

    private ReportSchema() {
    }

    /** docs/report-schema.json, from the module or the repository root. */
    public static Path file() {
        for (Path p : new Path[] {Path.of("../docs/report-schema.json"), Path.of("docs/report-schema.json")}) {
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("docs/report-schema.json not found from " + Path.of("").toAbsolutePath());
    }

    private static synchronized JsonSchema schema() {
        if (schema == null) {
            try {
                JsonNode node = MAPPER.readTree(file().toFile());
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema;
    }

    /** The schema's complaints about {@code report} (empty when it validates). */
    public static List<String> errors(JsonNode report) {
        return schema().validate(report).stream().map(ValidationMessage::toString).sorted().toList();
    }

    /** The schema's complaints about the JSON text {@code report}. */
    public static List<String> errors(String report) {
        try {
            return errors(MAPPER.readTree(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
