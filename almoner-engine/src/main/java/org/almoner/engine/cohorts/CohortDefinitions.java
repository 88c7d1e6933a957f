package org.almoner.engine.cohorts;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;

/**
 * A cohort definition file: a version naming the rules, the equality settings and the cohorts. Anything wrong
 * fails with the file, line, cohort and field named, and what to write instead.
 *
 * @param source   where the definitions came from (a file path, or the built-in definitions)
 * @param version  the version the file gives itself, printed in every output
 * @param equality how under-representation is judged
 * @param cohorts  the cohorts, in file order
 */
public record CohortDefinitions(String source, String version, EqualitySettings equality, List<CohortDefinition> cohorts) {

    /** The definitions shipped with Almoner: handbook 3.2.1 and 3.2.4 groups and the IPC target groups. */
    public static final String DEFAULT_RESOURCE = "default-cohorts.yaml";

    private static final Set<String> TOP_KEYS = Set.of("version", "equality", "cohorts");
    private static final Set<String> COHORT_KEYS = Set.of("id", "name", "source", "rule");
    private static final Set<String> EQUALITY_KEYS = Set.of("need_rule", "under_represented_below", "minimum_people");

    public CohortDefinitions {
        requireNonNull(source, "source is null");
        requireNonNull(version, "version is null");
        requireNonNull(equality, "equality is null");
        cohorts = List.copyOf(cohorts);
    }

    /** Reads a definition file, checking rules against {@code fields}. */
    public static CohortDefinitions read(Path file, Map<String, FieldType> fields) {
        requireNonNull(file, "file is null");
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), fields);
        } catch (NoSuchFileException e) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "The cohort definition file " + file
                    + " does not exist. Give the path of a YAML file; `almoner cohort --help` shows an example.");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new EngineException(EngineErrorCode.BAD_CONFIGURATION, "The cohort definition file " + file
                    + " is not UTF-8 text. Save it as UTF-8 and try again.");
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "Cannot read the cohort definition file " + file + ": " + e.getMessage());
        }
    }

    /** The built-in definitions. */
    public static CohortDefinitions builtIn(Map<String, FieldType> fields) {
        try (InputStream in = CohortDefinitions.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in " + DEFAULT_RESOURCE, fields);
        } catch (IOException e) {
            throw new IllegalStateException("The built-in cohort definitions are missing from the Almoner jar", e);
        }
    }

    /** Reads definitions from YAML text; {@code source} names it in messages. */
    public static CohortDefinitions parse(String yaml, String source, Map<String, FieldType> fields) {
        requireNonNull(yaml, "yaml is null");
        Map<String, Integer> lines = lines(yaml, source);
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (JsonProcessingException e) {
            throw syntax(source, e);
        }
        if (root == null || !root.isObject()) {
            throw problem(source, 1, "the file should hold version, equality and cohorts; see docs/stratification.md");
        }
        unknownKeys(root, TOP_KEYS, "", source, lines);
        String version = text(root, "version", "", source, lines, "a version naming these rules, for example version: northfield-2025.1");
        JsonNode equalityNode = root.path("equality");
        if (!equalityNode.isObject()) {
            throw problem(source, lines.getOrDefault("", 1), "'equality' is missing: give need_rule, under_represented_below and minimum_people");
        }
        unknownKeys(equalityNode, EQUALITY_KEYS, "/equality", source, lines);
        EqualitySettings equality = new EqualitySettings(
                rule(text(equalityNode, "need_rule", "/equality", source, lines, "who counts as in need, for example need_rule: ltc_count >= 2"),
                        "/equality/need_rule", "the equality need_rule", source, lines, fields),
                decimal(equalityNode, "under_represented_below", source, lines),
                whole(equalityNode, "minimum_people", source, lines));
        JsonNode cohortsNode = root.path("cohorts");
        if (!cohortsNode.isArray() || cohortsNode.isEmpty()) {
            throw problem(source, lines.getOrDefault("/cohorts", 1), "'cohorts' should be a list of cohorts, each with id, name, source and rule");
        }
        List<CohortDefinition> cohorts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < cohortsNode.size(); index++) {
            String path = "/cohorts/" + index;
            JsonNode node = cohortsNode.get(index);
            int line = lines.getOrDefault(path, lines.getOrDefault("/cohorts", 1));
            if (!node.isObject()) {
                throw problem(source, line, "cohort " + (index + 1) + " should have id, name, source and rule");
            }
            unknownKeys(node, COHORT_KEYS, path, source, lines);
            String id = text(node, "id", path, source, lines, "a short id such as over_75_multimorbid");
            if (!id.matches("[a-z][a-z0-9_]*")) {
                throw problem(source, lines.getOrDefault(path + "/id", line), "cohort id '" + id
                        + "' should be lower case letters, digits and underscores, starting with a letter");
            }
            if (!ids.add(id)) {
                throw problem(source, lines.getOrDefault(path + "/id", line), "cohort id '" + id + "' is used twice; give each cohort its own id");
            }
            String name = text(node, "name", path, source, lines, "what the cohort is, in plain English");
            String from = node.has("source") ? text(node, "source", path, source, lines, "") : "local definition";
            String ruleText = text(node, "rule", path, source, lines, "who is in the cohort, for example rule: ltc_count >= 4 and age_at_year_start >= 75");
            cohorts.add(new CohortDefinition(id, name, from, rule(ruleText, path + "/rule", "cohort '" + id + "'", source, lines, fields), line));
        }
        return new CohortDefinitions(source, version, equality, cohorts);
    }

    private static CohortRule rule(String text, String path, String what, String source, Map<String, Integer> lines,
            Map<String, FieldType> fields) {
        try {
            return CohortRule.parse(text, fields);
        } catch (RuleProblem e) {
            throw problem(source, lines.getOrDefault(path, 1), what + ", rule '" + text + "': " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String key, String path, String source, Map<String, Integer> lines, String expected) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull() || value.isContainerNode() || value.asText().isBlank()) {
            throw problem(source, lines.getOrDefault(path + "/" + key, lines.getOrDefault(path, 1)), "'" + key + "' is missing or empty"
                    + (path.isEmpty() ? "" : " in " + describe(path)) + "; give " + expected);
        }
        return value.asText().strip();
    }

    private static BigDecimal decimal(JsonNode node, String key, String source, Map<String, Integer> lines) {
        JsonNode value = node.get(key);
        try {
            BigDecimal number = new BigDecimal(value == null ? "" : value.asText());
            if (number.signum() <= 0 || number.compareTo(BigDecimal.ONE) > 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw problem(source, lines.getOrDefault("/equality/" + key, lines.getOrDefault("/equality", 1)),
                    "'" + key + "' should be a ratio above 0 and at most 1, for example 0.8");
        }
    }

    private static int whole(JsonNode node, String key, String source, Map<String, Integer> lines) {
        JsonNode value = node.get(key);
        if (value == null || !value.canConvertToInt() || value.asInt() < 0) {
            throw problem(source, lines.getOrDefault("/equality/" + key, lines.getOrDefault("/equality", 1)),
                    "'" + key + "' should be a whole number of people, for example 10");
        }
        return value.asInt();
    }

    private static void unknownKeys(JsonNode node, Set<String> allowed, String path, String source, Map<String, Integer> lines) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw problem(source, lines.getOrDefault(path + "/" + name, 1), "unknown key '" + name + "'"
                        + (path.isEmpty() ? "" : " in " + describe(path)) + "; the keys here are " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    private static String describe(String path) {
        if (path.startsWith("/cohorts/")) {
            return "cohort " + (Integer.parseInt(path.split("/")[2]) + 1);
        }
        return path.substring(1);
    }

    /** Line of every value and key in the file, by JSON pointer, so messages can name the line. */
    private static Map<String, Integer> lines(String yaml, String source) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int line = parser.currentTokenLocation().getLineNr();
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                if (token == JsonToken.FIELD_NAME) {
                    String parent = parser.getParsingContext().getParent().pathAsPointer().toString();
                    lines.putIfAbsent(parent + "/" + parser.currentName(), line);
                } else {
                    lines.putIfAbsent(pointer, line);
                }
            }
        } catch (JsonProcessingException e) {
            throw syntax(source, e);
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.BAD_CONFIGURATION, "Cannot read " + source + ": " + e.getMessage());
        }
        return lines;
    }

    private static EngineException syntax(String source, JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return problem(source, line, "this is not valid YAML (" + e.getOriginalMessage().lines().findFirst().orElse("")
                + "). Check the indentation and that each rule is on one line after 'rule:'");
    }

    private static EngineException problem(String source, int line, String message) {
        return new EngineException(EngineErrorCode.BAD_CONFIGURATION, source + (line > 0 ? " line " + line : "") + ": " + message + ".");
    }
}
