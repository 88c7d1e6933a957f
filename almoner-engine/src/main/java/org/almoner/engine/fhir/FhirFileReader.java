package org.almoner.engine.fhir;

import static java.util.Objects.requireNonNull;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads a {@code .json} Bundle or a {@code .ndjson} file of resources. JSON is first read with
 * Jackson's streaming parser, which knows each entry's line and reports syntax errors with line and
 * column; each entry is then parsed by HAPI on its own, so one entry HAPI rejects (or a resource
 * type R4 does not know) is skipped without losing the rest of the file.
 */
final class FhirFileReader {

    private static final String FIX_JSON = "Correct the file (a JSON validator shows the exact spot) or move it out of the folder, then run again.";

    private final ObjectMapper mapper = new ObjectMapper();
    private final IParser parser;
    private final Set<String> knownResourceTypes;

    FhirFileReader(FhirContext context) {
        requireNonNull(context, "context is null");
        this.parser = context.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
        this.knownResourceTypes = context.getResourceTypes();
    }

    FhirFile read(Path file) {
        String name = file.getFileName().toString();
        List<SourceResource> resources = new ArrayList<>();
        List<UnreadEntry> unread = new ArrayList<>();
        try {
            if (name.toLowerCase(Locale.ROOT).endsWith(".ndjson")) {
                readNdjson(file, name, resources, unread);
            } else {
                readBundle(file, name, resources, unread);
            }
        } catch (JsonProcessingException e) {
            throw notJson(name, e.getLocation(), e.getOriginalMessage(), e);
        } catch (CharConversionException | CharacterCodingException e) {
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, "FHIR file " + name
                    + " is not UTF-8 text (" + e.getMessage() + "). Save it as UTF-8 JSON, then run again.", e);
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "Could not read FHIR file " + file + ": "
                    + e.getMessage() + ". Check the file exists and can be read.", e);
        }
        return new FhirFile(name, resources, unread);
    }

    private void readBundle(Path file, String name, List<SourceResource> resources, List<UnreadEntry> unread)
            throws IOException {
        String resourceType = null;
        try (JsonParser json = mapper.getFactory().createParser(file.toFile())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw notBundle(name, "it does not start with a JSON object ('{')");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("resourceType") && value == JsonToken.VALUE_STRING) {
                    resourceType = json.getText();
                } else if (field.equals("entry") && value == JsonToken.START_ARRAY) {
                    while (json.nextToken() != JsonToken.END_ARRAY) {
                        long line = json.currentTokenLocation().getLineNr();
                        JsonNode entry = mapper.readTree(json);
                        readEntry(name, line, entry, resources, unread);
                    }
                } else {
                    json.skipChildren();
                }
            }
            if (json.nextToken() != null) {
                JsonLocation at = json.currentTokenLocation();
                throw notJson(name, at, "more content after the end of the Bundle", null);
            }
        }
        if (!"Bundle".equals(resourceType)) {
            throw notBundle(name, resourceType == null
                    ? "it has no resourceType"
                    : "its resourceType is '" + resourceType + "'");
        }
    }

    private void readNdjson(Path file, String name, List<SourceResource> resources, List<UnreadEntry> unread)
            throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = mapper.readTree(line);
                } catch (JsonProcessingException e) {
                    JsonLocation at = e.getLocation();
                    throw new EngineException(EngineErrorCode.MALFORMED_INPUT, "FHIR file " + name + " line " + lineNumber
                            + (at == null ? "" : ", column " + at.getColumnNr()) + ": not valid JSON ("
                            + e.getOriginalMessage() + "). An .ndjson file holds one whole resource a line. " + FIX_JSON, e);
                }
                if (node == null || !node.isObject()) {
                    throw new EngineException(EngineErrorCode.MALFORMED_INPUT, "FHIR file " + name + " line " + lineNumber
                            + ": not a JSON object. An .ndjson file holds one whole resource a line. " + FIX_JSON);
                }
                readResource(name, lineNumber, "", node, resources, unread);
            }
        }
    }

    private void readEntry(String name, long line, JsonNode entry, List<SourceResource> resources, List<UnreadEntry> unread) {
        JsonNode resource = entry.get("resource");
        if (resource == null || !resource.isObject()) {
            unread.add(new UnreadEntry(name, line, "(entry without resource)", "", "the Bundle entry holds no resource"));
            return;
        }
        String fullUrl = entry.path("fullUrl").asText("");
        readResource(name, line, fullUrl, resource, resources, unread);
    }

    private void readResource(String name, long line, String fullUrl, JsonNode node,
            List<SourceResource> resources, List<UnreadEntry> unread) {
        String type = node.path("resourceType").asText("");
        if (type.isBlank()) {
            unread.add(new UnreadEntry(name, line, "(no resourceType)", node.path("id").asText(""), "the resource has no resourceType"));
            return;
        }
        if (!knownResourceTypes.contains(type)) {
            unread.add(new UnreadEntry(name, line, type, node.path("id").asText(""), "not a FHIR R4 resource type"));
            return;
        }
        try {
            IBaseResource parsed = parser.parseResource(node.toString());
            resources.add(new SourceResource(name, line, fullUrl, (Resource) parsed));
        } catch (DataFormatException e) {
            unread.add(new UnreadEntry(name, line, type, node.path("id").asText(""), "could not be read as FHIR R4: " + withoutHapiCode(e.getMessage())));
        }
    }

    private static String withoutHapiCode(String message) {
        if (message == null) {
            return "no detail given";
        }
        return message.replaceFirst("^HAPI-\\d+: ", "");
    }

    private static EngineException notJson(String name, JsonLocation at, String problem, Throwable cause) {
        String where = at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new EngineException(EngineErrorCode.MALFORMED_INPUT,
                "FHIR file " + name + where + ": not valid JSON (" + problem + "). " + FIX_JSON, cause);
    }

    private static EngineException notBundle(String name, String why) {
        return new EngineException(EngineErrorCode.MALFORMED_INPUT, "FHIR file " + name + " is not a FHIR Bundle: "
                + why + ". A .json file must hold one Bundle (of type collection, transaction, batch or searchset);"
                + " put single resources in a Bundle, or write them one a line to a .ndjson file.");
    }
}
