package org.almoner.engine.capitation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;

/**
 * A YAML or JSON settings file read so that every mistake can be reported with the file, the line
 * and the field it is in. Jackson's tree forgets where each value came from, so a second pass over
 * the tokens remembers the line of every field; {@link Field} uses it when a value is wrong.
 */
public final class ConfigurationFile {

    private final Path file;
    private final JsonNode root;
    private final Map<String, JsonLocation> locations;

    private ConfigurationFile(Path file, JsonNode root, Map<String, JsonLocation> locations) {
        this.file = file;
        this.root = root;
        this.locations = locations;
    }

    /** Reads a file: {@code .json} as JSON, anything else as YAML (JSON is valid YAML too). */
    public static ConfigurationFile read(Path file) {
        requireNonNull(file, "file is null");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "The settings file " + file
                    + " does not exist. Check the path; docs/capitation.md shows an example file.");
        } catch (CharacterCodingException e) {
            throw new EngineException(EngineErrorCode.BAD_CONFIGURATION, "The settings file " + file
                    + " is not UTF-8 text. Save it as UTF-8 (plain text) and try again.");
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "Cannot read the settings file " + file + ": "
                    + e.getMessage() + ". Check it exists and you may read it.");
        }
        JsonFactory factory = file.getFileName().toString().toLowerCase().endsWith(".json")
                ? new JsonFactory() : new YAMLFactory();
        ObjectMapper mapper = new ObjectMapper(factory);
        try {
            JsonNode root = mapper.readTree(text);
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw new EngineException(EngineErrorCode.BAD_CONFIGURATION, "The settings file " + file
                        + " is empty. Fill it in; docs/capitation.md shows an example file.");
            }
            if (!root.isObject()) {
                throw new EngineException(EngineErrorCode.BAD_CONFIGURATION, "The settings file " + file
                        + " line 1: expected named settings (name: value), found " + describe(root) + ".");
            }
            return new ConfigurationFile(file, root, locations(factory, text));
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new EngineException(EngineErrorCode.BAD_CONFIGURATION, "The settings file " + file
                    + (where == null ? "" : " line " + where.getLineNr() + ", column " + where.getColumnNr())
                    + " cannot be read: " + e.getOriginalMessage()
                    + ". Check the indentation, the colons after names and the quoting of text there.");
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.BAD_CONFIGURATION, "The settings file " + file + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private static Map<String, JsonLocation> locations(JsonFactory factory, String text) throws IOException {
        Map<String, JsonLocation> locations = new HashMap<>();
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                    locations.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), parser.currentTokenLocation());
                }
            }
        }
        return locations;
    }

    /** The file's top level. */
    public Field root() {
        return new Field(this, root, "");
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    private String where(String pointer) {
        JsonLocation location = locations.get(pointer);
        String field = pointer.isEmpty() ? "" : ", field " + readable(pointer);
        return file + (location == null ? "" : " line " + location.getLineNr() + ", column " + location.getColumnNr()) + field;
    }

    private static String readable(String pointer) {
        return pointer.substring(1).replace("/", ".");
    }

    private static String describe(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "named settings";
        }
        return "'" + node.asText() + "'";
    }

    /** One value of the file with where it is, for messages. */
    public static final class Field {

        private final ConfigurationFile file;
        private final JsonNode node;
        private final String pointer;

        private Field(ConfigurationFile file, JsonNode node, String pointer) {
            this.file = file;
            this.node = node;
            this.pointer = pointer;
        }

        /** Fails, naming the file, line and field, with what is wrong and what to do. */
        public EngineException problem(String whatIsWrongAndWhatToDo) {
            return new EngineException(EngineErrorCode.BAD_CONFIGURATION,
                    "The settings file " + file.where(pointer) + ": " + whatIsWrongAndWhatToDo);
        }

        /** Fails if this holds any name not in {@code allowed}, so a misspelt setting is never silently ignored. */
        public void allowOnly(Set<String> allowed) {
            requireObject();
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    throw child(name).problem("'" + name + "' is not a setting here. Allowed: "
                            + String.join(", ", allowed.stream().sorted().toList()) + ". Check the spelling.");
                }
            }
        }

        /** Whether the named setting is present. */
        public boolean has(String name) {
            requireObject();
            return node.has(name) && !node.get(name).isNull();
        }

        /** The named setting; fails if missing. */
        public Field required(String name) {
            requireObject();
            if (!has(name)) {
                throw problem("the setting '" + name + "' is missing. Add it.");
            }
            return child(name);
        }

        /** The named setting, or null if absent. */
        public Field optional(String name) {
            return has(name) ? child(name) : null;
        }

        /** The names of this group of settings in file order. */
        public List<String> names() {
            requireObject();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            return names;
        }

        /** Looks up a child by name without requiring it. */
        public Field child(String name) {
            return new Field(file, node.path(name), pointer + "/" + name.replace("~", "~0").replace("/", "~1"));
        }

        /** The items of a list. */
        public List<Field> items() {
            if (!node.isArray()) {
                throw problem("expected a list (lines starting with '- '), found " + describe(node) + ".");
            }
            List<Field> items = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                items.add(new Field(file, node.get(i), pointer + "/" + i));
            }
            return items;
        }

        /** Text; fails on a list or named settings, or blank text. */
        public String text() {
            if (!node.isValueNode() || node.asText().isBlank()) {
                throw problem("expected some text, found " + (node.isMissingNode() ? "nothing" : describe(node)) + ".");
            }
            return node.asText().strip();
        }

        /** A number between {@code minimum} and {@code maximum} inclusive. */
        public double number(double minimum, double maximum) {
            double value;
            if (node.isNumber()) {
                value = node.asDouble();
            } else if (node.isTextual()) {
                try {
                    value = Double.parseDouble(node.asText().strip().replace("%", ""));
                } catch (NumberFormatException e) {
                    throw problem("expected a number, found '" + node.asText() + "'. Write it like 2.5 (no words).");
                }
            } else {
                throw problem("expected a number, found " + (node.isMissingNode() ? "nothing" : describe(node)) + ".");
            }
            if (!Double.isFinite(value) || value < minimum || value > maximum) {
                throw problem("the value " + node.asText() + " is out of range. Use a number from "
                        + plain(minimum) + " to " + plain(maximum) + ".");
            }
            return value;
        }

        /** A whole number between {@code minimum} and {@code maximum} inclusive. */
        public int wholeNumber(int minimum, int maximum) {
            double value = number(minimum, maximum);
            if (value != Math.rint(value)) {
                throw problem("expected a whole number, found " + node.asText() + ".");
            }
            return (int) value;
        }

        /** true or false (yes/no accepted). */
        public boolean flag() {
            if (node.isBoolean()) {
                return node.asBoolean();
            }
            String text = node.asText().strip().toLowerCase();
            return switch (text) {
                case "true", "yes", "y" -> true;
                case "false", "no", "n" -> false;
                default -> throw problem("expected true or false, found '" + node.asText() + "'.");
            };
        }

        private void requireObject() {
            if (!node.isObject()) {
                throw problem("expected named settings (name: value), found "
                        + (node.isMissingNode() ? "nothing" : describe(node)) + ".");
            }
        }

        private static String plain(double value) {
            return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        }
    }
}
