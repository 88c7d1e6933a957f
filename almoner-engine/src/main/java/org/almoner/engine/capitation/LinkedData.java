package org.almoner.engine.capitation;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.duckdb.Sql;
import org.almoner.engine.reference.ReferenceData;

/**
 * The pipeline's published output opened for capitation and release planning: the person-year table
 * {@code capitation_population} (cost and characteristics) and {@code cohorts} (person, year, cohort),
 * from a cohort file when one is given (the shape risk stratification writes) or derived otherwise,
 * and the reference tables {@code ref_providers} and {@code ref_contracts}.
 */
public final class LinkedData implements AutoCloseable {

    /** The cohort people belong to when a cohort file does not list them; they are not capitated. */
    public static final String NOT_IN_A_COHORT = "not in a cohort";

    private final Connection connection;
    private final List<String> financialYears;
    private final String cohortSource;

    private LinkedData(Connection connection, List<String> financialYears, String cohortSource) {
        this.connection = connection;
        this.financialYears = List.copyOf(financialYears);
        this.cohortSource = cohortSource;
    }

    /**
     * Opens the output folder of {@code almoner pipeline}.
     *
     * @param pipelineOutput the folder holding linked/ and summary/
     * @param cohortFile CSV or Parquet with person_pseudonym, financial_year, cohort; null to derive cohorts
     * @param reference reference data folder (for ref_providers and ref_contracts); null for the bundled sample
     */
    public static LinkedData open(Path pipelineOutput, Path cohortFile, Path reference, DuckDbSettings settings) {
        requireNonNull(pipelineOutput, "pipelineOutput is null");
        requireNonNull(settings, "settings is null");
        Path summary = need(pipelineOutput, "summary/person_year_summary.parquet");
        Path people = need(pipelineOutput, "linked/people.parquet");
        Path registers = need(pipelineOutput, "linked/condition_registers.parquet");
        Path activity = need(pipelineOutput, "linked/activity.parquet");
        Connection connection = DuckDb.open(null, settings);
        try {
            view(connection, "summary", summary);
            view(connection, "people_in", people);
            view(connection, "registers_in", registers);
            view(connection, "activity_in", activity);
            loadReference(connection, reference);
            Sql.execute(connection, Sql.resource(LinkedData.class, "population.sql"));
            String source;
            if (cohortFile == null) {
                Sql.execute(connection, Sql.resource(LinkedData.class, "derived-cohorts.sql"));
                source = "derived from age, frailty and long-term conditions (docs/capitation.md)";
            } else {
                long unmatched = loadCohortFile(connection, cohortFile);
                source = "read from " + cohortFile + (unmatched == 0 ? ""
                        : " (" + unmatched + " of its rows name a person and year not in the linked data and were not used)");
            }
            List<String> years = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT DISTINCT financial_year FROM capitation_population ORDER BY 1")) {
                while (rows.next()) {
                    years.add(rows.getString(1));
                }
            }
            if (years.isEmpty()) {
                throw new EngineException(EngineErrorCode.MALFORMED_INPUT, "The linked data in " + pipelineOutput
                        + " holds no person-years (summary/person_year_summary.parquet is empty). Run almoner pipeline"
                        + " on input with people and activity first.");
            }
            return new LinkedData(connection, years, source);
        } catch (SQLException | java.io.IOException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof EngineException engine) {
                throw engine;
            }
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, "Cannot read the linked data in " + pipelineOutput
                    + ": " + e.getMessage() + ". Check it is the output folder of almoner pipeline.", e);
        }
    }

    private static void loadReference(Connection connection, Path reference) throws java.io.IOException {
        if (reference != null) {
            ReferenceData.load(connection, reference);
            return;
        }
        Path sample = Files.createTempDirectory("almoner-reference-");
        try {
            ReferenceData.load(connection, ReferenceData.extractBundledSample(sample));
        } finally {
            try (var files = Files.list(sample)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(sample);
        }
    }

    private static Path need(Path folder, String relative) {
        Path file = folder.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "The linked data file " + file + " is missing. Give"
                    + " the output folder of almoner pipeline (it holds linked/ and summary/), or run the pipeline first.");
        }
        return file;
    }

    private static void view(Connection connection, String name, Path file) {
        Sql.execute(connection, "CREATE OR REPLACE VIEW " + name + " AS SELECT * FROM read_parquet("
                + DuckDb.literal(file.toString()) + ")");
    }

    /** Loads the cohort file; returns how many of its rows match no person-year of the linked data. */
    private static long loadCohortFile(Connection connection, Path file) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "The cohort file " + file + " does not exist."
                    + " Check the path, or leave out --cohorts to derive cohorts from the linked data.");
        }
        String reader = file.toString().toLowerCase().endsWith(".parquet")
                ? "read_parquet(" + DuckDb.literal(file.toString()) + ")"
                : "read_csv(" + DuckDb.literal(file.toString()) + ", header = true, all_varchar = true)";
        try {
            Sql.execute(connection, "CREATE OR REPLACE TABLE cohorts_file AS SELECT * FROM " + reader);
        } catch (RuntimeException e) {
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, "The cohort file " + file + " cannot be read: "
                    + e.getMessage() + ". It must be CSV with a header row (or Parquet) with columns person_pseudonym,"
                    + " financial_year, cohort.", e);
        }
        Set<String> columns = new java.util.HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT column_name FROM (DESCRIBE cohorts_file)")) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        }
        for (String required : List.of("person_pseudonym", "financial_year", "cohort")) {
            if (!columns.contains(required)) {
                throw new EngineException(EngineErrorCode.MALFORMED_INPUT, "The cohort file " + file + " has no column '"
                        + required + "' in its header. It needs person_pseudonym, financial_year and cohort"
                        + " (docs/capitation.md).");
            }
        }
        long blank = Sql.queryLong(connection, "SELECT count(*) FROM cohorts_file WHERE nullif(trim(cohort), '') IS NULL"
                + " OR nullif(trim(person_pseudonym), '') IS NULL OR nullif(trim(financial_year), '') IS NULL");
        if (blank > 0) {
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, "The cohort file " + file + " has " + blank
                    + " row(s) with a blank person_pseudonym, financial_year or cohort. Fill them in or remove them.");
        }
        long duplicated = Sql.queryLong(connection, "SELECT count(*) FROM (SELECT person_pseudonym, financial_year"
                + " FROM cohorts_file GROUP BY ALL HAVING count(*) > 1)");
        if (duplicated > 0) {
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, "The cohort file " + file + " puts " + duplicated
                    + " person-year(s) in more than one cohort. Each person belongs to one cohort a year; remove the extra rows.");
        }
        Sql.execute(connection, "CREATE OR REPLACE TABLE cohorts AS SELECT p.person_pseudonym, p.financial_year,"
                + " coalesce(trim(c.cohort), " + DuckDb.literal(NOT_IN_A_COHORT) + ") AS cohort"
                + " FROM capitation_population p LEFT JOIN cohorts_file c"
                + " ON trim(c.person_pseudonym) = p.person_pseudonym AND trim(c.financial_year) = p.financial_year");
        return Sql.queryLong(connection, "SELECT count(*) FROM cohorts_file c WHERE NOT EXISTS (SELECT 1 FROM"
                + " capitation_population p WHERE p.person_pseudonym = trim(c.person_pseudonym)"
                + " AND p.financial_year = trim(c.financial_year))");
    }

    /** The open database holding capitation_population, cohorts and the views over the linked files. */
    public Connection connection() {
        return connection;
    }

    /** The financial years in the linked data, oldest first, like 2023/24. */
    public List<String> financialYears() {
        return financialYears;
    }

    /** Where the cohorts came from, for reports. */
    public String cohortSource() {
        return cohortSource;
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing was written through this connection that closing could lose.
        }
    }
}
