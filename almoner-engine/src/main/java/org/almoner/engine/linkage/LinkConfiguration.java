package org.almoner.engine.linkage;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;

/**
 * A link configuration file (YAML or JSON): the sources and their field mapping, the blocking rules,
 * the thresholds. See docs/linkage.md for the format. Every mistake is reported with the file and the
 * setting, before any data is read.
 *
 * @param file the configuration file
 * @param left the first source (the only one when de-duplicating)
 * @param right the second source, or null to de-duplicate {@code left}
 * @param settings blocking rules, thresholds and sampling
 */
public record LinkConfiguration(Path file, LinkSource left, LinkSource right, LinkSettings settings) {

    private static final Set<String> TOP = Set.of("left", "right", "blocking_rules", "thresholds", "prior",
            "maximum_comparisons", "random_pairs", "seed");
    private static final Set<String> SOURCE = Set.of("file", "record_id", "columns", "date_format", "truth");
    private static final Set<String> TRUTH = Set.of("column", "file", "record_id", "entity_id");
    private static final Set<String> THRESHOLDS = Set.of("link", "review");

    public LinkConfiguration {
        requireNonNull(file, "file is null");
        requireNonNull(left, "left is null");
        requireNonNull(settings, "settings is null");
    }

    /** Whether this configuration de-duplicates one source rather than linking two. */
    public boolean deduplicate() {
        return right == null;
    }

    /** Reads and checks a configuration; relative file names are relative to the configuration's folder. */
    public static LinkConfiguration read(Path file) {
        requireNonNull(file, "file is null");
        if (!Files.isRegularFile(file)) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "The link configuration " + file
                    + " does not exist. Give the path of a YAML or JSON file; docs/linkage.md has an example.");
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.BAD_CONFIGURATION, "The link configuration " + file
                    + " is not valid YAML or JSON: " + e.getMessage().lines().findFirst().orElse("") + ". Correct it and run again.");
        }
        if (root == null || !root.isObject()) {
            throw new EngineException(EngineErrorCode.BAD_CONFIGURATION, "The link configuration " + file
                    + " is empty or not a mapping of settings. Start from the example in docs/linkage.md.");
        }
        Reader reader = new Reader(file);
        reader.onlyKnown(root, TOP, "");
        Path folder = file.toAbsolutePath().getParent();
        LinkSource left = reader.source(root.get("left"), "left", folder);
        if (left == null) {
            throw reader.failure("left", "is missing. Say which file to link (left) and, to link two files, the other (right).");
        }
        LinkSource right = reader.source(root.get("right"), "right", folder);
        LinkSettings defaults = LinkSettings.defaults();
        List<BlockingRule> rules = defaults.blockingRules();
        JsonNode rulesNode = root.get("blocking_rules");
        if (rulesNode != null) {
            if (!rulesNode.isArray() || rulesNode.isEmpty()) {
                throw reader.failure("blocking_rules", "must be a list of rules, each a list of keys, for example [[date_of_birth, family_name_initial]].");
            }
            rules = new ArrayList<>();
            for (JsonNode ruleNode : rulesNode) {
                List<String> keys = new ArrayList<>();
                if (ruleNode.isArray()) {
                    ruleNode.forEach(key -> keys.add(key.asText()));
                } else {
                    keys.add(ruleNode.asText());
                }
                try {
                    rules.add(new BlockingRule(keys));
                } catch (EngineException e) {
                    throw new EngineException(e.code(), "In " + file + ", blocking_rules: " + e.getMessage());
                }
            }
        }
        double link = defaults.linkWeight();
        double review = defaults.reviewWeight();
        JsonNode thresholds = root.get("thresholds");
        if (thresholds != null) {
            reader.onlyKnown(thresholds, THRESHOLDS, "thresholds.");
            link = reader.number(thresholds, "link", "thresholds.link", link);
            review = reader.number(thresholds, "review", "thresholds.review", review);
            if (review > link) {
                throw reader.failure("thresholds", "has review " + review + " above link " + link
                        + ". The review band lies below the link threshold; lower review or raise link.");
            }
        }
        Double prior = null;
        if (root.has("prior")) {
            prior = reader.number(root, "prior", "prior", 0);
            if (prior <= 0 || prior >= 1) {
                throw reader.failure("prior", "is " + prior + "; it is a probability between 0 and 1 (leave it out to estimate it).");
            }
        }
        long maximum = (long) reader.number(root, "maximum_comparisons", "maximum_comparisons", defaults.maximumComparisons());
        long randomPairs = (long) reader.number(root, "random_pairs", "random_pairs", defaults.randomPairs());
        long seed = (long) reader.number(root, "seed", "seed", defaults.seed());
        if (maximum < 1 || randomPairs < 1) {
            throw reader.failure("maximum_comparisons and random_pairs", "must be positive whole numbers.");
        }
        return new LinkConfiguration(file, left, right,
                new LinkSettings(rules, link, review, prior, maximum, randomPairs, seed));
    }

    /** Reading with messages that name the file and the setting. */
    private record Reader(Path file) {

        EngineException failure(String setting, String what) {
            return new EngineException(EngineErrorCode.BAD_CONFIGURATION, "In the link configuration " + file + ", "
                    + setting + " " + what);
        }

        void onlyKnown(JsonNode node, Set<String> known, String prefix) {
            if (!node.isObject()) {
                throw failure(prefix.isEmpty() ? "the top level" : prefix.substring(0, prefix.length() - 1),
                        "must be a mapping of settings.");
            }
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw failure(prefix + name, "is not a setting Almoner knows. Use one of: "
                            + String.join(", ", known.stream().sorted().toList()) + " (docs/linkage.md).");
                }
            }
        }

        double number(JsonNode node, String name, String setting, double fallback) {
            JsonNode value = node.get(name);
            if (value == null) {
                return fallback;
            }
            if (!value.isNumber()) {
                throw failure(setting, "is '" + value.asText() + "'; it must be a number.");
            }
            return value.asDouble();
        }

        String text(JsonNode node, String name, String setting, boolean required) {
            JsonNode value = node.get(name);
            if (value == null || value.asText().isBlank()) {
                if (required) {
                    throw failure(setting, "is missing; it must name a column.");
                }
                return null;
            }
            return value.asText();
        }

        LinkSource source(JsonNode node, String side, Path folder) {
            if (node == null) {
                return null;
            }
            onlyKnown(node, SOURCE, side + ".");
            JsonNode filesNode = node.get("file");
            List<Path> files = new ArrayList<>();
            if (filesNode == null) {
                throw failure(side + ".file", "is missing; give the CSV or Parquet file to read.");
            }
            if (filesNode.isArray()) {
                filesNode.forEach(f -> files.add(folder.resolve(f.asText())));
            } else {
                files.add(folder.resolve(filesNode.asText()));
            }
            for (Path path : files) {
                String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                if (!name.endsWith(".csv") && !name.endsWith(".parquet")) {
                    throw failure(side + ".file", "names " + path + ", which is neither .csv nor .parquet. Almoner reads CSV and Parquet.");
                }
                if (!Files.isRegularFile(path)) {
                    throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "The file " + path + " named by " + side
                            + ".file in " + file + " does not exist. Correct the path (relative paths start at the configuration's folder).");
                }
            }
            String recordId = text(node, "record_id", side + ".record_id", true);
            JsonNode columnsNode = node.get("columns");
            if (columnsNode == null || !columnsNode.isObject() || columnsNode.isEmpty()) {
                throw failure(side + ".columns", "is missing; map at least one of given_name, family_name, date_of_birth,"
                        + " sex, postcode to the file's column names.");
            }
            Map<LinkField, String> columns = new EnumMap<>(LinkField.class);
            Iterator<Map.Entry<String, JsonNode>> entries = columnsNode.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                LinkField field = LinkField.byColumn(entry.getKey());
                if (field == null) {
                    throw failure(side + ".columns." + entry.getKey(), "is not a field Almoner compares. Use given_name,"
                            + " family_name, date_of_birth, sex or postcode.");
                }
                columns.put(field, entry.getValue().asText());
            }
            String dateFormat = node.has("date_format") ? node.get("date_format").asText() : "%Y-%m-%d";
            LinkSource.Truth truth = null;
            JsonNode truthNode = node.get("truth");
            if (truthNode != null) {
                if (truthNode.isTextual()) {
                    truth = new LinkSource.Truth(truthNode.asText(), null, null, null);
                } else {
                    onlyKnown(truthNode, TRUTH, side + ".truth.");
                    if (truthNode.has("column")) {
                        truth = new LinkSource.Truth(truthNode.get("column").asText(), null, null, null);
                    } else {
                        Path truthFile = folder.resolve(text(truthNode, "file", side + ".truth.file", true));
                        if (!Files.isRegularFile(truthFile)) {
                            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "The truth file " + truthFile + " named by "
                                    + side + ".truth.file in " + file + " does not exist. Correct the path or leave truth out.");
                        }
                        truth = new LinkSource.Truth(null, truthFile, text(truthNode, "record_id", side + ".truth.record_id", true),
                                text(truthNode, "entity_id", side + ".truth.entity_id", true));
                    }
                }
            }
            return new LinkSource(files, recordId, columns, dateFormat, truth);
        }
    }
}
