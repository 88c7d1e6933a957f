package org.almoner.engine.statements;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.duckdb.Sql;
import org.almoner.engine.stratification.PipelineOutput;
import org.almoner.engine.stratification.ProviderNames;
import org.almoner.engine.stratification.RiskStratification;

/**
 * The plain-Java API for a person's statement of resources and indicative budget, for the platform to call.
 *
 * <p>Open it once over a pipeline output folder; it stratifies the population and works out every person's statement
 * in an embedded database file in a work folder (seconds for tens of thousands of people, about a minute for a
 * million), then answers {@link #statementFor} by reading that one person's rows from the file. Nothing per person is
 * kept in the Java heap, and once open the database's own memory is held to {@link #READING_MEMORY_MEGABYTES}, so a
 * million people's statements cost disk space (about 1 GB), not several GB of memory. Close it to release the
 * database and delete its work folder. Not for concurrent use from several threads: the platform
 * should hold one per pipeline output and serialise calls, or open one per worker.
 *
 * <pre>{@code
 * try (IndicativeBudgets budgets = IndicativeBudgets.open(Path.of("data/output"), null, DuckDbSettings.defaults())) {
 *     budgets.statementFor("3f9c...").ifPresent(statement ->
 *             System.out.println(statement.working().indicativeBudget()));
 *     String letter = budgets.letterFor("3f9c...").orElseThrow();   // the HTML letter
 * }
 * }</pre>
 *
 * <p>Bad input fails with {@link org.almoner.engine.EngineException}: a folder the pipeline did not write, a rules file
 * that does not exist or has a wrong rule (the message names the file, line and field).
 */
public final class IndicativeBudgets implements AutoCloseable {

    /** The database memory kept once the statements are worked out: enough to read one person's rows. */
    public static final long READING_MEMORY_MEGABYTES = 256;

    /** The tables {@link #statementFor} reads; everything else built on the way is dropped after opening. */
    private static final java.util.List<String> KEPT_TABLES = java.util.List.of("indicative_budgets",
            "person_statement_lines", "double_funding");

    private final Connection connection;
    private final Path work;
    private final StatementRules rules;
    private final String baseYear;

    private IndicativeBudgets(Connection connection, Path work, StatementRules rules, String baseYear) {
        this.connection = connection;
        this.work = work;
        this.rules = rules;
        this.baseYear = baseYear;
    }

    /**
     * Opens the statements of a pipeline output folder.
     *
     * @param pipelineOutput the folder `almoner pipeline` wrote
     * @param rulesFile      statement rules (YAML), or null for the built-in rules
     * @param settings       database threads and memory
     */
    public static IndicativeBudgets open(Path pipelineOutput, Path rulesFile, DuckDbSettings settings) {
        return open(pipelineOutput, rulesFile, null, settings);
    }

    /**
     * Opens the statements of a pipeline output folder, with recorded needs assessments.
     *
     * @param pipelineOutput   the folder `almoner pipeline` wrote
     * @param rulesFile        statement rules (YAML), or null for the built-in rules
     * @param needsAssessments a needs assessment CSV (person_pseudonym, trajectory, adjustment_percent, assessed_on), or null
     * @param settings         database threads and memory
     */
    public static IndicativeBudgets open(Path pipelineOutput, Path rulesFile, Path needsAssessments, DuckDbSettings settings) {
        requireNonNull(pipelineOutput, "pipelineOutput is null");
        requireNonNull(settings, "settings is null");
        PipelineOutput pipeline = new PipelineOutput(pipelineOutput);
        Path work;
        try {
            work = Files.createTempDirectory("almoner-budgets-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A database file, not an in-memory one: a million people's statement lines stay compressed on disk and
        // the buffer pool, bounded by the memory limit, holds only what a look-up touches.
        Connection connection = DuckDb.open(work.resolve("statements.duckdb"), settings.withTemporaryDirectory(work));
        try {
            pipeline.createViews(connection);
            RiskStratification.createRiskTable(connection, work);
            StatementRules rules = Statements.rules(connection, rulesFile);
            ProviderNames.load(connection, work, null);
            Sql.execute(connection, "CREATE OR REPLACE TABLE statement_cohort_members (cohort_id VARCHAR, person_pseudonym VARCHAR,"
                    + " financial_year VARCHAR)");
            String baseYear = StatementTables.baseYear(connection, rules);
            StatementTables.create(connection, rules, baseYear, work, needsAssessments, true);
            keepOnlyWhatLookupsRead(connection, settings);
            return new IndicativeBudgets(connection, work, rules, baseYear);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            Statements.deleteFolder(work);
            throw e;
        }
    }

    /**
     * Drops the work tables, rewrites the three tables a look-up reads in pseudonym order (so a look-up reads the one
     * row group holding the person, found from DuckDB's per-row-group minimum and maximum), writes them to the file and
     * lowers the memory limit, which makes DuckDB give back the memory the build used.
     */
    private static void keepOnlyWhatLookupsRead(Connection connection, DuckDbSettings settings) {
        java.util.List<String> drop = new java.util.ArrayList<>();
        try (var statement = connection.createStatement(); var tables = statement.executeQuery(
                "SELECT table_name, temporary FROM duckdb_tables() WHERE NOT internal")) {
            while (tables.next()) {
                if (!KEPT_TABLES.contains(tables.getString(1))) {
                    drop.add((tables.getBoolean(2) ? "temp.main." : "") + DuckDb.identifier(tables.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not list the statement work tables: " + e.getMessage(), e);
        }
        for (String table : drop) {
            Sql.execute(connection, "DROP TABLE IF EXISTS " + table);
        }
        for (String table : KEPT_TABLES) {
            Sql.execute(connection, "CREATE TABLE " + table + "_by_person AS SELECT * FROM " + table + " ORDER BY person_pseudonym");
            Sql.execute(connection, "DROP TABLE " + table);
            Sql.execute(connection, "ALTER TABLE " + table + "_by_person RENAME TO " + table);
        }
        Sql.execute(connection, "CHECKPOINT");
        Sql.execute(connection, "SET memory_limit = '" + Math.min(READING_MEMORY_MEGABYTES, settings.memoryLimitMegabytes()) + "MB'");
    }

    /** The financial year of historic use the statements start from. */
    public String baseYear() {
        return baseYear;
    }

    /** The version of the statement rules in use. */
    public String rulesVersion() {
        return rules.version();
    }

    /** The person's statement and budget, or empty when the pseudonym is not a person of the base year. */
    public Optional<PersonStatement> statementFor(String personPseudonym) {
        requireNonNull(personPseudonym, "personPseudonym is null");
        return PersonStatements.read(connection, personPseudonym);
    }

    /** The person's statement as a printable HTML page with the "how your indicative budget was worked out" letter. */
    public Optional<String> letterFor(String personPseudonym) {
        return statementFor(personPseudonym).map(statement -> PersonStatementPage.render(statement, rules));
    }

    @Override
    public void close() {
        closeQuietly(connection);
        Statements.deleteFolder(work);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing was written through this connection, so there is nothing to lose.
        }
    }
}
