package org.almoner.engine.cohorts;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;

/**
 * A YAML configuration file read as a tree, remembering the line of every key and value so that every message about
 * the file can name the line to fix. Paths are JSON pointers such as {@code /cohorts/2/rule}.
 */
public final class YamlDocument {

    private final String source;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDocument(String source, JsonNode root, Map<String, Integer> lines) {
        this.source = source;
        this.root = root;
        this.lines = lines;
    }

    /** Reads YAML text; {@code source} (a file name) is named in every message. */
    public static YamlDocument parse(String yaml, String source) {
        requireNonNull(yaml, "yaml is null");
        requireNonNull(source, "source is null");
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int line = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.FIELD_NAME) {
                    lines.putIfAbsent(parser.getParsingContext().getParent().pathAsPointer() + "/" + parser.currentName(), line);
                } else {
                    lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), line);
                }
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            if (root == null || !root.isObject()) {
                throw new EngineException(EngineErrorCode.BAD_CONFIGURATION, source + " line 1: the file is empty or not a set of"
                        + " keys and values; start from the example in docs/stratification.md.");
            }
            return new YamlDocument(source, root, lines);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new EngineException(EngineErrorCode.BAD_CONFIGURATION, source + (line > 0 ? " line " + line : "")
                    + ": this is not valid YAML (" + e.getOriginalMessage().lines().findFirst().orElse("")
                    + "). Check the indentation, and put values holding a colon or comma in quotes.");
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.BAD_CONFIGURATION, "Cannot read " + source + ": " + e.getMessage());
        }
    }

    public String source() {
        return source;
    }

    public JsonNode root() {
        return root;
    }

    /** The line of the key or value at {@code path}, else of the nearest enclosing one that has a line. */
    public int line(String path) {
        String current = path;
        while (!current.isEmpty()) {
            Integer line = lines.get(current);
            if (line != null) {
                return line;
            }
            current = current.substring(0, current.lastIndexOf('/'));
        }
        return 1;
    }

    /** A configuration error naming this file and the line of {@code path}. */
    public EngineException problem(String path, String message) {
        return new EngineException(EngineErrorCode.BAD_CONFIGURATION, source + " line " + line(path) + ": " + message + ".");
    }

    /** Fails on a key at {@code path} that is not one of {@code allowed}, so a misspelt key is never silently ignored. */
    public void onlyKeys(String path, Set<String> allowed, String where) {
        JsonNode node = path.isEmpty() ? root : root.at(path);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw problem(path + "/" + name, "unknown key '" + name + "'" + where + "; the keys here are "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    /** The non-empty text at {@code path}, or a problem saying what to give. */
    public String text(String path, String expected) {
        JsonNode value = root.at(path);
        if (value.isMissingNode() || value.isNull() || value.isContainerNode() || value.asText().isBlank()) {
            String key = path.substring(path.lastIndexOf('/') + 1);
            throw problem(path, "'" + key + "' is missing or empty; give " + expected);
        }
        return value.asText().strip();
    }
}
