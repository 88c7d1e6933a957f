package org.almoner.engine.cohorts;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
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
        } catch (MalformedInputException e) {
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
        YamlDocument document = YamlDocument.parse(yaml, source);
        document.onlyKeys("", Set.of("version", "equality", "cohorts"), "");
        String version = document.text("/version", "a version naming these rules, for example version: northfield-2025.1");
        if (!document.root().path("equality").isObject()) {
            throw document.problem("/equality", "'equality' is missing: give need_rule, under_represented_below and minimum_people");
        }
        document.onlyKeys("/equality", Set.of("need_rule", "under_represented_below", "minimum_people"), " in equality");
        EqualitySettings equality = new EqualitySettings(rule(document, "/equality/need_rule", "the equality need_rule", fields),
                ratio(document, "/equality/under_represented_below"), people(document, "/equality/minimum_people"));
        JsonNode cohortNodes = document.root().path("cohorts");
        if (!cohortNodes.isArray() || cohortNodes.isEmpty()) {
            throw document.problem("/cohorts", "'cohorts' should be a list of cohorts, each with id, name, source and rule");
        }
        List<CohortDefinition> cohorts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < cohortNodes.size(); index++) {
            String path = "/cohorts/" + index;
            if (!cohortNodes.get(index).isObject()) {
                throw document.problem(path, "cohort " + (index + 1) + " should have id, name, source and rule");
            }
            document.onlyKeys(path, Set.of("id", "name", "source", "rule"), " in cohort " + (index + 1));
            String id = document.text(path + "/id", "a short id such as over_75_multimorbid");
            if (!id.matches("[a-z][a-z0-9_]*")) {
                throw document.problem(path + "/id", "cohort id '" + id
                        + "' should be lower case letters, digits and underscores, starting with a letter");
            }
            if (!ids.add(id)) {
                throw document.problem(path + "/id", "cohort id '" + id + "' is used twice; give each cohort its own id");
            }
            String name = document.text(path + "/name", "what the cohort is, in plain English");
            String from = document.root().at(path + "/source").isMissingNode() ? "local definition"
                    : document.text(path + "/source", "where the cohort comes from");
            cohorts.add(new CohortDefinition(id, name, from, rule(document, path + "/rule", "cohort '" + id + "'", fields),
                    document.line(path)));
        }
        return new CohortDefinitions(source, version, equality, cohorts);
    }

    private static CohortRule rule(YamlDocument document, String path, String what, Map<String, FieldType> fields) {
        String text = document.text(path, "who is in it, for example rule: ltc_count >= 4 and age_at_year_start >= 75");
        try {
            return CohortRule.parse(text, fields);
        } catch (RuleProblem e) {
            throw document.problem(path, what + ", rule '" + text + "': " + e.getMessage());
        }
    }

    private static BigDecimal ratio(YamlDocument document, String path) {
        String text = document.text(path, "a ratio such as 0.8");
        try {
            BigDecimal ratio = new BigDecimal(text);
            if (ratio.signum() > 0 && ratio.compareTo(BigDecimal.ONE) <= 0) {
                return ratio;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw document.problem(path, "'" + text + "' should be a ratio above 0 and at most 1, for example 0.8");
    }

    private static int people(YamlDocument document, String path) {
        String text = document.text(path, "a whole number of people such as 10");
        try {
            int people = Integer.parseInt(text);
            if (people >= 0) {
                return people;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw document.problem(path, "'" + text + "' should be a whole number of people, for example 10");
    }
}
