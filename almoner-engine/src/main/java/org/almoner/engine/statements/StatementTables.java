package org.almoner.engine.statements;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.Sql;
import org.almoner.engine.stages.Relation;
import org.almoner.engine.stages.SqlDialect;

/**
 * Builds the statement tables (person_statement_lines, indicative_budgets, double_funding, system_statement) on a
 * DuckDB connection that has person_year_risk, pipeline_activity, provider_names and statement_cohort_members, from
 * {@link StatementDefinitions}.
 */
final class StatementTables {

    private StatementTables() {
    }

    /** The financial year the rules ask for: the latest in the data, or the one named. */
    static String baseYear(Connection connection, StatementRules rules) {
        return StatementDefinitions.baseYear(rules, SqlDialect.DUCKDB, query -> {
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
                return result.next() ? result.getString(1) : null;
            } catch (SQLException e) {
                throw new EngineException(EngineErrorCode.INTERNAL, e.getMessage(), e);
            }
        });
    }

    /** The year before a financial year such as 2024/25: 2023/24. */
    static String previousYear(String financialYear) {
        return StatementDefinitions.previousYear(financialYear);
    }

    /**
     * Creates the tables. {@code everyone} works out statements for every person of the base year (the API); otherwise
     * only for the members of statement_cohort_members, which is all the command writes and much less work.
     */
    static void create(Connection connection, StatementRules rules, String baseYear, Path workFolder, Path needsAssessments,
            boolean everyone) {
        NeedsAssessments.load(connection, needsAssessments, baseYear);
        StatementDefinitions.loadTreatmentFunctions(connection, workFolder);
        for (Relation relation : StatementDefinitions.definitions(rules, baseYear, everyone, SqlDialect.DUCKDB)) {
            Sql.define(connection, relation);
        }
    }
}
