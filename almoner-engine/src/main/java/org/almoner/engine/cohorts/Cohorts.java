package org.almoner.engine.cohorts;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.Sql;
import org.almoner.engine.pipeline.PublishedFolder;
import org.almoner.engine.stratification.ProviderNames;
import org.almoner.engine.stages.Relation;
import org.almoner.engine.stages.SqlDialect;
import org.almoner.engine.stages.StageScript;
import org.almoner.engine.stratification.RiskStratification;

/** Works out cohort membership and writes the cohort outputs. */
public final class Cohorts {

    /** The membership file other capabilities read: person_pseudonym, financial_year, cohort_id, definitions_version. */
    public static final String MEMBERS_PARQUET = "cohort_members.parquet";

    private Cohorts() {
    }

    /** The fields a rule may use, from the columns of person_year_risk (see {@link RiskStratification#columns}). */
    public static Map<String, FieldType> fields(Map<String, String> columns) {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        columns.forEach((name, type) -> {
            if (!name.equals("person_pseudonym") && !name.equals("financial_year")) {
                fields.put(name, FieldType.ofDatabaseType(type));
            }
        });
        return fields;
    }

    /** The fields of {@code person_year_risk} a rule may use, with their types. */
    public static Map<String, FieldType> fields(Connection connection) {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet columns = statement.executeQuery("DESCRIBE person_year_risk")) {
            while (columns.next()) {
                String name = columns.getString("column_name");
                if (!name.equals("person_pseudonym") && !name.equals("financial_year")) {
                    fields.put(name, FieldType.ofDatabaseType(columns.getString("column_type")));
                }
            }
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not list the stratification fields: " + e.getMessage(), e);
        }
        return fields;
    }

    /**
     * Creates cohort_definitions, cohort_members, cohort_summary, cohort_cost_by_provider and cohort_equality on a
     * connection that has person_year_risk, pipeline_activity and provider_names.
     */
    public static void createTables(Connection connection, CohortDefinitions definitions) {
        for (Relation relation : relations(definitions, SqlDialect.DUCKDB)) {
            Sql.define(connection, relation);
        }
    }

    /**
     * The cohort stage, shared by every engine: cohort_definitions, cohort_rule_dimensions, cohort_members, then
     * cohort_summary (sizes), cohort_cost_by_provider (cost by setting and provider) and cohort_equality (the equality
     * breakdown, with the under-representation flags). Reads person_year_risk, pipeline_activity and provider_names.
     */
    public static List<Relation> relations(CohortDefinitions definitions, SqlDialect dialect) {
        requireNonNull(definitions, "definitions is null");
        requireNonNull(dialect, "dialect is null");
        List<String> rows = new ArrayList<>();
        List<String> dimensions = new ArrayList<>();
        for (int position = 0; position < definitions.cohorts().size(); position++) {
            CohortDefinition cohort = definitions.cohorts().get(position);
            rows.add("(" + position + ", " + dialect.text(cohort.id()) + ", " + dialect.text(cohort.name()) + ", "
                    + dialect.text(cohort.source()) + ", " + dialect.text(cohort.rule().text()) + ", "
                    + dialect.text(definitions.version()) + ")");
            for (String dimension : dimensionsUsed(cohort.rule())) {
                dimensions.add("(" + dialect.text(cohort.id()) + ", " + dialect.text(dimension) + ")");
            }
        }
        List<Relation> relations = new ArrayList<>();
        relations.add(Relation.table("cohort_definitions", "SELECT * FROM (VALUES " + String.join(", ", rows)
                + ") AS t(position, cohort_id, cohort_name, source, rule, definitions_version)"));
        relations.add(Relation.table("cohort_rule_dimensions", dimensions.isEmpty()
                ? "SELECT * FROM (VALUES ('', '')) AS t(cohort_id, dimension) WHERE false"
                : "SELECT * FROM (VALUES " + String.join(", ", dimensions) + ") AS t(cohort_id, dimension)"));
        String script = Sql.resource(Cohorts.class, "cohorts.sql")
                .replace("${members}", members(definitions).query())
                .replace("${need_rule}", definitions.equality().needRule().sql())
                .replace("${minimum_people}", Integer.toString(definitions.equality().minimumPeople()))
                .replace("${under_represented_below}", definitions.equality().underRepresentedBelow().toPlainString());
        relations.addAll(StageScript.relations(script, dialect, "cohorts.sql"));
        return List.copyOf(relations);
    }

    /**
     * Cohort membership, shared by every engine: the relation {@code cohort_members} (person_pseudonym,
     * financial_year, cohort_id, definitions_version), one SELECT of {@code person_year_risk} per cohort.
     */
    public static Relation members(CohortDefinitions definitions) {
        requireNonNull(definitions, "definitions is null");
        return Relation.table("cohort_members", definitions.cohorts().stream()
                .map(cohort -> "SELECT person_pseudonym, financial_year, " + DuckDb.literal(cohort.id()) + " AS cohort_id, "
                        + DuckDb.literal(definitions.version()) + " AS definitions_version FROM person_year_risk WHERE "
                        + cohort.rule().sql())
                .collect(Collectors.joining("\nUNION ALL\n")));
    }

    /**
     * The equality dimensions a rule selects on: a cohort defined by age is not under-represented in other age
     * bands, so those dimensions are shown but not judged.
     */
    private static List<String> dimensionsUsed(CohortRule rule) {
        List<String> dimensions = new ArrayList<>();
        for (String field : rule.fields()) {
            String dimension = switch (field) {
                case "age_at_year_start", "age_band" -> "age_band";
                case "sex" -> "sex";
                case "ethnicity" -> "ethnicity";
                case "deprivation_decile" -> "deprivation_decile";
                default -> null;
            };
            if (dimension != null && !dimensions.contains(dimension)) {
                dimensions.add(dimension);
            }
        }
        return dimensions;
    }

    /** Reads the definitions a request names, or the built-in ones, checking their rules against the risk fields. */
    public static CohortDefinitions definitions(Connection connection, Path file) {
        Map<String, FieldType> fields = fields(connection);
        return file == null ? CohortDefinitions.builtIn(fields) : CohortDefinitions.read(file, fields);
    }

    /** Runs a request: membership, sizes, cost by setting and provider, equality; CSV, Parquet and a page. */
    public static CohortResult run(CohortRequest request) {
        requireNonNull(request, "request is null");
        long start = System.nanoTime();
        try (PublishedFolder folder = PublishedFolder.prepare(request.output(), request.replace())) {
            Path work = Files.createDirectories(folder.staging().resolve(".work"));
            Path staging = folder.staging();
            CohortResult result;
            try (Connection connection = DuckDb.open(null, request.settings().withTemporaryDirectory(work))) {
                request.pipeline().createViews(connection);
                if (request.definitions() != null && !Files.isRegularFile(request.definitions())) {
                    throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "The cohort definition file " + request.definitions()
                            + " does not exist. Give the path of a YAML file; `almoner cohort --help` shows where the built-in one is described.");
                }
                // The definitions are checked on the stratification's shape first, so a wrong rule fails in moments.
                Map<String, FieldType> fields = fields(RiskStratification.columns(request.pipeline(), work));
                CohortDefinitions definitions = request.definitions() == null ? CohortDefinitions.builtIn(fields)
                        : CohortDefinitions.read(request.definitions(), fields);
                RiskStratification.provideRiskTable(connection, work, request.stratification());
                ProviderNames.load(connection, work, request.reference());
                createTables(connection, definitions);
                copy(connection, "SELECT * FROM cohort_members ORDER BY cohort_id, financial_year, person_pseudonym", staging, "cohort_members");
                csv(connection, "SELECT * EXCLUDE (definitions_version) FROM cohort_definitions ORDER BY position", staging.resolve("cohort_definitions.csv"));
                copy(connection, "SELECT * FROM cohort_summary", staging, "cohort_summary");
                copy(connection, "SELECT * FROM cohort_cost_by_provider", staging, "cohort_cost_by_provider");
                copy(connection, "SELECT * FROM cohort_equality", staging, "cohort_equality");
                CohortPage.write(connection, definitions, staging.resolve("cohorts.html"));
                result = new CohortResult(folder.target(), definitions.version(), sizes(connection),
                        Sql.queryLong(connection, "SELECT count(*) FROM cohort_equality WHERE under_represented"),
                        Duration.ofNanos(System.nanoTime() - start));
            } catch (SQLException e) {
                throw new EngineException(EngineErrorCode.INTERNAL, "Could not close the work database: " + e.getMessage(), e);
            }
            deleteFolder(work);
            folder.publish();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<CohortSize> sizes(Connection connection) throws SQLException {
        List<CohortSize> sizes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT cohort_id, cohort_name, financial_year, people FROM cohort_summary")) {
            while (rows.next()) {
                sizes.add(new CohortSize(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4)));
            }
        }
        return sizes;
    }

    private static void copy(Connection connection, String query, Path folder, String name) {
        Sql.execute(connection, "COPY (" + query + ") TO " + DuckDb.literal(folder.resolve(name + ".parquet").toString())
                + " (FORMAT parquet, COMPRESSION zstd)");
        csv(connection, query, folder.resolve(name + ".csv"));
    }

    private static void csv(Connection connection, String query, Path file) {
        Sql.execute(connection, "COPY (" + query + ") TO " + DuckDb.literal(file.toString()) + " (FORMAT csv, HEADER true)");
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
