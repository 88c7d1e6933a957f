package org.almoner.engine.statements;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.Sql;

/**
 * What needs assessments say about how people's needs will change (handbook 2019, 5.2.5), as table
 * {@code needs_assessments}: read from an optional CSV file with the columns {@code person_pseudonym},
 * {@code trajectory} (stable, deteriorating, fluctuating or improving), {@code adjustment_percent} (optional; the
 * rules' percentage when blank; required for improving) and {@code assessed_on} (optional date). An assessment takes
 * the place of the rules' stand-in for that person. Without a file the table is empty.
 */
final class NeedsAssessments {

    private static final String TRAJECTORIES = "stable, deteriorating, fluctuating or improving";

    private NeedsAssessments() {
    }

    static void load(Connection connection, Path file, String baseYear) {
        Sql.execute(connection, "CREATE OR REPLACE TABLE needs_assessments (person_pseudonym VARCHAR, trajectory VARCHAR,"
                + " adjustment_percent DECIMAL(6,2), assessed_on DATE)");
        if (file == null) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "The needs assessment file " + file + " does not exist."
                    + " Give a CSV file with the columns person_pseudonym, trajectory, adjustment_percent, assessed_on.");
        }
        String source = DuckDb.literal(file.toAbsolutePath().toString());
        // Read in file order on one thread so line numbers are true; assessment files are small.
        Sql.execute(connection, "CREATE OR REPLACE TEMP TABLE needs_assessments_raw AS SELECT row_number() OVER () + 1 AS line, *"
                + " FROM read_csv(" + source + ", header = true, all_varchar = true, parallel = false)");
        String columns = columnProblem(connection);
        if (columns != null) {
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, file + " line 1: " + columns);
        }
        String problem = firstProblem(connection, """
                SELECT line, CASE
                    WHEN person_pseudonym IS NULL OR trim(person_pseudonym) = '' THEN 'field person_pseudonym is blank; give the person''s pseudonym'
                    WHEN lower(trim(coalesce(trajectory, ''))) NOT IN ('stable', 'deteriorating', 'fluctuating', 'improving')
                        THEN 'field trajectory is ''' || coalesce(trajectory, '') || ''', not one of %s'
                    WHEN adjustment_percent IS NOT NULL AND trim(adjustment_percent) <> ''
                         AND (TRY_CAST(adjustment_percent AS DECIMAL(6,2)) IS NULL OR TRY_CAST(adjustment_percent AS DECIMAL(6,2)) NOT BETWEEN 0 AND 1000)
                        THEN 'field adjustment_percent is ''' || adjustment_percent || ''', not a percentage from 0 to 1000'
                    WHEN lower(trim(trajectory)) = 'improving' AND (adjustment_percent IS NULL OR trim(adjustment_percent) = '')
                        THEN 'field adjustment_percent is blank; an improving trajectory needs the percentage to take off'
                    WHEN assessed_on IS NOT NULL AND trim(assessed_on) <> '' AND TRY_CAST(assessed_on AS DATE) IS NULL
                        THEN 'field assessed_on is ''' || assessed_on || ''', not a date like 2025-03-31'
                    WHEN count(*) OVER (PARTITION BY trim(person_pseudonym)) > 1
                        THEN 'person ' || trim(person_pseudonym) || ' has more than one assessment; keep the latest only'
                    WHEN trim(person_pseudonym) NOT IN (SELECT person_pseudonym FROM person_year_risk WHERE financial_year = %s)
                        THEN 'person ' || trim(person_pseudonym) || ' is not in the pipeline output''s base year; check the pseudonym'
                    END AS problem
                FROM needs_assessments_raw ORDER BY line""".formatted(TRAJECTORIES, DuckDb.literal(baseYear)));
        if (problem != null) {
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, file + " line " + problem + ". Correct the file and run again.");
        }
        Sql.execute(connection, """
                INSERT INTO needs_assessments
                SELECT trim(person_pseudonym), lower(trim(trajectory)), TRY_CAST(nullif(trim(adjustment_percent), '') AS DECIMAL(6,2)),
                       TRY_CAST(nullif(trim(assessed_on), '') AS DATE)
                FROM needs_assessments_raw""");
    }

    private static String columnProblem(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet columns = statement.executeQuery("SELECT column_name FROM (DESCRIBE needs_assessments_raw)")) {
            java.util.Set<String> names = new java.util.HashSet<>();
            while (columns.next()) {
                names.add(columns.getString(1));
            }
            for (String required : new String[] {"person_pseudonym", "trajectory", "adjustment_percent", "assessed_on"}) {
                if (!names.contains(required)) {
                    return "the header has no column " + required + "; the columns are person_pseudonym, trajectory,"
                            + " adjustment_percent, assessed_on";
                }
            }
            return null;
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, e.getMessage(), e);
        }
    }

    private static String firstProblem(Connection connection, String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                if (rows.getString(2) != null) {
                    return rows.getLong(1) + ": " + rows.getString(2);
                }
            }
            return null;
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, e.getMessage(), e);
        }
    }
}
