package org.almoner.engine.statements;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.cohorts.CohortRule;
import org.almoner.engine.cohorts.FieldType;
import org.almoner.engine.cohorts.RuleProblem;
import org.almoner.engine.cohorts.YamlDocument;
import org.almoner.engine.format.Setting;

/**
 * The local configuration of statements and indicative budgets: services and whether they can be in a budget, bands
 * of need, and the adjustments for deteriorating and fluctuating conditions (handbook 2019, 2.7.4 f and 5.2.5).
 *
 * @param source                    where the rules came from
 * @param version                   the version the file gives itself, printed in every statement and letter
 * @param baseYear                  {@code latest} or a financial year such as 2024/25
 * @param needBands                 bands of need, first match wins
 * @param deteriorating             who is expected to need more next year
 * @param deterioratingPercent      how much more, in percent
 * @param fluctuationPercent        a change in includable cost between years above this percentage averages the years
 * @param services                  what each service is and whether it can be in a budget
 */
public record StatementRules(String source, String version, String baseYear, List<NeedBand> needBands, CohortRule deteriorating,
        BigDecimal deterioratingPercent, BigDecimal fluctuationPercent, List<ServiceRule> services) {

    /** The rules shipped with Almoner, for the fictional Northfield area of the generator. */
    public static final String DEFAULT_RESOURCE = "default-statement-rules.yaml";

    public StatementRules {
        requireNonNull(source, "source is null");
        requireNonNull(version, "version is null");
        requireNonNull(baseYear, "baseYear is null");
        needBands = List.copyOf(needBands);
        requireNonNull(deteriorating, "deteriorating is null");
        requireNonNull(deterioratingPercent, "deterioratingPercent is null");
        requireNonNull(fluctuationPercent, "fluctuationPercent is null");
        services = List.copyOf(services);
    }

    /** Reads a rules file, checking its rules against the stratification {@code fields}. */
    public static StatementRules read(Path file, Map<String, FieldType> fields) {
        requireNonNull(file, "file is null");
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), fields);
        } catch (NoSuchFileException e) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "The statement rules file " + file
                    + " does not exist. Give the path of a YAML file; docs/stratification.md says where the built-in one is, to copy.");
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.BAD_CONFIGURATION, "Cannot read the statement rules file " + file
                    + " (" + e.getMessage() + "). Save it as UTF-8 text.");
        }
    }

    /** The built-in rules. */
    public static StatementRules builtIn(Map<String, FieldType> fields) {
        try (InputStream in = StatementRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in " + DEFAULT_RESOURCE, fields);
        } catch (IOException e) {
            throw new IllegalStateException("The built-in statement rules are missing from the Almoner jar", e);
        }
    }

    /** The text of the built-in rules, to copy into an output so it names the rules used. */
    public static String builtInText() {
        try (InputStream in = StatementRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("The built-in statement rules are missing from the Almoner jar", e);
        }
    }

    /** Reads rules from YAML text; {@code source} names it in messages. */
    public static StatementRules parse(String yaml, String source, Map<String, FieldType> fields) {
        YamlDocument document = YamlDocument.parse(yaml, source);
        document.onlyKeys("", Set.of("version", "base_year", "need_bands", "adjustments", "services"), "");
        String version = document.text("/version", "a version naming these rules, for example version: northfield-2025.1");
        String baseYear = document.root().has("base_year") ? document.text("/base_year", "latest or a year like 2024/25") : "latest";
        if (!baseYear.equals("latest") && !baseYear.matches("\\d{4}/\\d{2}")) {
            throw document.problem("/base_year", "base_year should be latest or a financial year such as 2024/25, not '" + baseYear + "'");
        }
        List<NeedBand> bands = new ArrayList<>();
        JsonNode bandNodes = document.root().path("need_bands");
        if (!bandNodes.isArray() || bandNodes.isEmpty()) {
            throw document.problem("/need_bands", "'need_bands' should be a list of bands, each with band and rule");
        }
        Set<String> bandNames = new HashSet<>();
        for (int index = 0; index < bandNodes.size(); index++) {
            String path = "/need_bands/" + index;
            document.onlyKeys(path, Set.of("band", "rule"), " in band " + (index + 1));
            String name = document.text(path + "/band", "the band's name, for example high");
            if (!bandNames.add(name)) {
                throw document.problem(path + "/band", "band '" + name + "' is named twice; give each band its own name");
            }
            bands.add(new NeedBand(name, rule(document, path + "/rule", "band '" + name + "'", fields)));
        }
        document.onlyKeys("/adjustments", Set.of("deteriorating", "fluctuating"), " in adjustments");
        document.onlyKeys("/adjustments/deteriorating", Set.of("rule", "percent"), " in adjustments.deteriorating");
        document.onlyKeys("/adjustments/fluctuating", Set.of("change_above_percent"), " in adjustments.fluctuating");
        CohortRule deteriorating = rule(document, "/adjustments/deteriorating/rule", "the deteriorating adjustment", fields);
        BigDecimal percent = percent(document, "/adjustments/deteriorating/percent");
        BigDecimal fluctuation = percent(document, "/adjustments/fluctuating/change_above_percent");
        return new StatementRules(source, version, baseYear, bands, deteriorating, percent, fluctuation, services(document));
    }

    private static List<ServiceRule> services(YamlDocument document) {
        JsonNode nodes = document.root().path("services");
        if (!nodes.isArray() || nodes.isEmpty()) {
            throw document.problem("/services", "'services' should be a list of services, each with setting, service, purpose,"
                    + " funder, include and when");
        }
        Set<String> settings = Stream.of(Setting.values()).map(Setting::code).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        List<ServiceRule> services = new ArrayList<>();
        for (int index = 0; index < nodes.size(); index++) {
            String path = "/services/" + index;
            document.onlyKeys(path, Set.of("setting", "service", "purpose", "funder", "include", "when", "need_met"),
                    " in service " + (index + 1));
            String setting = document.text(path + "/setting", "a setting such as community");
            if (!settings.contains(setting)) {
                throw document.problem(path + "/setting", "unknown setting '" + setting + "'; settings are "
                        + String.join(", ", new java.util.TreeSet<>(settings)));
            }
            String service = document.text(path + "/service", "a service code, or '*' for every other service of the setting");
            if (!seen.add(setting + "/" + service)) {
                throw document.problem(path + "/service", "service " + setting + "/" + service + " is listed twice; keep one");
            }
            String funderText = document.text(path + "/funder", "NHS, SOCIAL_CARE or EDUCATION");
            Funder funder;
            try {
                funder = Funder.valueOf(funderText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw document.problem(path + "/funder", "funder '" + funderText + "' should be NHS, SOCIAL_CARE or EDUCATION");
            }
            String include = document.text(path + "/include", "yes or no");
            boolean included = switch (include.toLowerCase(Locale.ROOT)) {
                case "yes", "true" -> true;
                case "no", "false" -> false;
                default -> throw document.problem(path + "/include", "include should be yes or no, not '" + include + "'");
            };
            String purpose = document.text(path + "/purpose", "what the service is for, in plain English");
            String when = document.text(path + "/when", "when it could be in a budget: now, a date, or never and why");
            JsonNode needMet = document.root().at(path + "/need_met");
            services.add(new ServiceRule(setting, service, purpose, funder, included, when,
                    needMet.isMissingNode() || needMet.isNull() ? "" : needMet.asText().strip()));
        }
        return services;
    }

    private static CohortRule rule(YamlDocument document, String path, String what, Map<String, FieldType> fields) {
        String text = document.text(path, "a rule over the fields of person_year_risk, for example ltc_count >= 4");
        try {
            return CohortRule.parse(text, fields);
        } catch (RuleProblem e) {
            throw document.problem(path, what + ", rule '" + text + "': " + e.getMessage());
        }
    }

    private static BigDecimal percent(YamlDocument document, String path) {
        String text = document.text(path, "a percentage such as 10");
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() < 0 || value.compareTo(new BigDecimal("1000")) > 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw document.problem(path, "'" + text + "' should be a percentage from 0 to 1000, for example 10");
        }
    }
}
