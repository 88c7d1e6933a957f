package org.almoner.engine.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/** Writes run-summary.json: what was read, loaded, rejected, linked and costed, and how long each stage took. */
final class RunSummary {

    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private RunSummary() {
    }

    static void write(PipelineResult result, PipelineRequest request, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("input", request.input().toAbsolutePath().toString());
        root.put("as_of", request.asOf().toString());
        root.put("pseudonymisation_key_fingerprint", result.pseudonymisation().keyFingerprint());
        root.set("files", JSON.valueToTree(result.ingest().accounts()));
        root.put("rows_read", result.ingest().rowsRead());
        root.put("rows_loaded", result.ingest().rowsLoaded());
        root.put("rows_rejected", result.ingest().rowsRejected());
        root.set("pseudonymisation", JSON.valueToTree(result.pseudonymisation()));
        root.set("linkage", JSON.valueToTree(result.linkage().bySource()));
        root.set("costing", JSON.valueToTree(result.costing()));
        if (result.fhir() != null) {
            root.set("fhir", JSON.valueToTree(result.fhir()));
        }
        ArrayNode stages = root.putArray("stages");
        for (StageTiming timing : result.timings()) {
            ObjectNode stage = stages.addObject();
            stage.put("stage", timing.stage());
            stage.put("seconds", timing.elapsed().toMillis() / 1000.0);
            stage.put("rows", timing.rows());
        }
        root.put("total_seconds", result.elapsed().toMillis() / 1000.0);
        JSON.writeValue(file.toFile(), root);
    }
}
