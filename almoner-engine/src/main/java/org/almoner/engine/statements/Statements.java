package org.almoner.engine.statements;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.cohorts.CohortDefinitions;
import org.almoner.engine.cohorts.Cohorts;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.Sql;
import org.almoner.engine.pipeline.PublishedFolder;
import org.almoner.engine.stages.Relation;
import org.almoner.engine.stages.SqlDialect;
import org.almoner.engine.stratification.ProviderNames;
import org.almoner.engine.stratification.RiskStratification;

/** Writes the system-level and person-level statements of resources, indicative budgets, the cross-check and letters. */
public final class Statements {

    private Statements() {
    }

    /** Reads the rules file, or the built-in rules, checking rules against the risk fields on {@code connection}. */
    static StatementRules rules(Connection connection, Path file) {
        var fields = Cohorts.fields(connection);
        return file == null ? StatementRules.builtIn(fields) : StatementRules.read(file, fields);
    }

    public static StatementResult run(StatementRequest request) {
        requireNonNull(request, "request is null");
        long start = System.nanoTime();
        // Missing files are reported before any work, so a typing slip costs seconds, not a stratification.
        if (request.rules() != null && !Files.isRegularFile(request.rules())) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "The statement rules file " + request.rules()
                    + " does not exist. Give the path of a YAML file; docs/stratification.md says where the built-in one is, to copy.");
        }
        if (request.needsAssessments() != null && !Files.isRegularFile(request.needsAssessments())) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "The needs assessment file " + request.needsAssessments()
                    + " does not exist. Give a CSV file with the columns person_pseudonym, trajectory, adjustment_percent, assessed_on.");
        }
        if (request.cohorts() != null && !Files.isRegularFile(request.cohorts().resolve(Cohorts.MEMBERS_PARQUET))) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "The cohorts folder " + request.cohorts() + " has no "
                    + Cohorts.MEMBERS_PARQUET + ". Give the folder `almoner cohort --out` wrote, or leave out --cohorts.");
        }
        try (PublishedFolder folder = PublishedFolder.prepare(request.output(), request.replace())) {
            Path staging = folder.staging();
            Path work = Files.createDirectories(staging.resolve(".work"));
            StatementResult result;
            try (Connection connection = DuckDb.open(null, request.settings().withTemporaryDirectory(work))) {
                request.pipeline().createViews(connection);
                // The rules are checked on the stratification's shape first, so a wrong rule fails in moments.
                var fields = Cohorts.fields(RiskStratification.columns(request.pipeline(), work));
                StatementRules rules = request.rules() == null ? StatementRules.builtIn(fields) : StatementRules.read(request.rules(), fields);
                RiskStratification.provideRiskTable(connection, work, request.stratification());
                ProviderNames.load(connection, work, request.reference());
                cohortMembers(connection, request);
                String baseYear = StatementTables.baseYear(connection, rules);
                StatementTables.create(connection, rules, baseYear, work, request.needsAssessments(), false);
                Files.writeString(staging.resolve("statement-rules.yaml"), request.rules() == null
                        ? StatementRules.builtInText() : Files.readString(request.rules(), StandardCharsets.UTF_8));
                String inCohort = "person_pseudonym IN (SELECT person_pseudonym FROM statement_cohort_members WHERE financial_year = "
                        + DuckDb.literal(baseYear) + ")";
                for (Relation relation : StatementDefinitions.outputs(baseYear, SqlDialect.DUCKDB)) {
                    Sql.define(connection, relation);
                }
                both(connection, "SELECT * FROM system_statement", staging, "system_statement");
                both(connection, "SELECT * FROM " + StatementDefinitions.PERSON_STATEMENTS
                        + " ORDER BY person_pseudonym, include_in_budget DESC, cost_per_year DESC", staging, "person_statements");
                both(connection, "SELECT * FROM " + StatementDefinitions.COHORT_INDICATIVE_BUDGETS + " ORDER BY person_pseudonym",
                        staging, "indicative_budgets");
                both(connection, "SELECT * FROM " + StatementDefinitions.COHORT_DOUBLE_FUNDING + " ORDER BY person_pseudonym, need_met",
                        staging, "double_funding");
                SystemStatementPage.write(connection, rules, baseYear, staging.resolve("system_statement.html"));
                int letters = letters(connection, rules, request, staging);
                result = new StatementResult(folder.target(), rules.version(), baseYear,
                        Sql.queryLong(connection, "SELECT count(*) FROM system_statement"),
                        Sql.queryLong(connection, "SELECT count(*) FROM indicative_budgets WHERE " + inCohort),
                        total(connection, "SELECT coalesce(sum(indicative_budget), 0) FROM indicative_budgets WHERE " + inCohort),
                        Sql.queryLong(connection, "SELECT count(*) FROM indicative_budgets WHERE capped_at_cost_of_current_care AND " + inCohort),
                        Sql.queryLong(connection, "SELECT count(*) FROM double_funding WHERE " + inCohort),
                        letters, Duration.ofNanos(System.nanoTime() - start));
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

    /** statement_cohort_members: from an earlier `almoner cohort` output, or the built-in cohorts found now. */
    private static void cohortMembers(Connection connection, StatementRequest request) {
        if (request.cohorts() != null) {
            Sql.execute(connection, "CREATE OR REPLACE TABLE statement_cohort_members AS SELECT cohort_id, person_pseudonym, financial_year"
                    + " FROM read_parquet(" + DuckDb.literal(request.cohorts().resolve(Cohorts.MEMBERS_PARQUET).toAbsolutePath().toString()) + ")");
        } else {
            CohortDefinitions definitions = CohortDefinitions.builtIn(Cohorts.fields(connection));
            Cohorts.createTables(connection, definitions);
            Sql.execute(connection, "CREATE OR REPLACE TABLE statement_cohort_members AS SELECT cohort_id, person_pseudonym, financial_year"
                    + " FROM cohort_members");
        }
        if (!request.cohortIds().isEmpty()) {
            String wanted = request.cohortIds().stream().map(DuckDb::literal).collect(Collectors.joining(", "));
            long known = Sql.queryLong(connection, "SELECT count(DISTINCT cohort_id) FROM statement_cohort_members WHERE cohort_id IN (" + wanted + ")");
            if (known < request.cohortIds().stream().distinct().count()) {
                throw new EngineException(EngineErrorCode.BAD_ARGUMENT, "--cohort names a cohort with no members: "
                        + String.join(", ", request.cohortIds()) + ". Cohort ids are in cohort_summary.csv of `almoner cohort`.");
            }
            Sql.execute(connection, "DELETE FROM statement_cohort_members WHERE cohort_id NOT IN (" + wanted + ")");
        }
    }

    private static int letters(Connection connection, StatementRules rules, StatementRequest request, Path staging) throws IOException {
        if (request.people().isEmpty()) {
            return 0;
        }
        Path letters = Files.createDirectories(staging.resolve("letters"));
        for (String person : request.people()) {
            PersonStatement statement = PersonStatements.read(connection, person).orElseThrow(() -> new EngineException(
                    EngineErrorCode.BAD_ARGUMENT, "--person " + person + " has no statement: statements are written for the"
                            + " members of the cohorts in the base year, and this pseudonym is not one of them. Their pseudonyms are"
                            + " in cohort_members.csv of `almoner cohort` (column person_pseudonym); give one of those, or add"
                            + " --cohort options that include the person."));
            Files.writeString(letters.resolve(person + ".html"), PersonStatementPage.render(statement, rules), StandardCharsets.UTF_8);
        }
        return request.people().size();
    }

    private static BigDecimal total(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getBigDecimal(1);
        }
    }

    private static void both(Connection connection, String query, Path folder, String name) {
        Sql.execute(connection, "COPY (" + query + ") TO " + DuckDb.literal(folder.resolve(name + ".parquet").toString())
                + " (FORMAT parquet, COMPRESSION zstd)");
        csv(connection, query, folder.resolve(name + ".csv"));
    }

    private static void csv(Connection connection, String query, Path file) {
        Sql.execute(connection, "COPY (" + query + ") TO " + DuckDb.literal(file.toString()) + " (FORMAT csv, HEADER true)");
    }

    static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A work folder left behind is untidy but loses nothing.
        }
    }
}
