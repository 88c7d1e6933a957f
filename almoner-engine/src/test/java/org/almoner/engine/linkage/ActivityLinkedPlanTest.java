package org.almoner.engine.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.duckdb.Sql;
import org.junit.jupiter.api.Test;

/**
 * Linking tens of millions of activity rows must stay one hash-joined pass: a nested-loop join
 * here compares every unlinked row with every source-local pseudonym, which took a million-person
 * pipeline from minutes to hours without any test noticing.
 */
class ActivityLinkedPlanTest {

    @Test
    void linksActivityWithHashJoinsOnly() throws Exception {
        try (Connection connection = DuckDb.open(null, new DuckDbSettings(1, 256, null))) {
            Sql.execute(connection, """
                    CREATE TABLE activity_in AS
                    SELECT i AS activity_id, 'SC' || (i % 3) AS source_system, 'R' || i AS source_record_id, 'social_care' AS setting,
                           CASE WHEN i % 2 = 0 THEN '999' || lpad(CAST(i AS VARCHAR), 7, '0') END AS nhs_number,
                           CASE WHEN i % 2 = 0 THEN 'VALID' ELSE 'MISSING' END AS nhs_number_status,
                           'L' || (i % 500) AS local_person_id, DATE '1950-01-01' AS date_of_birth, '1' AS sex,
                           'NF1 2AB' AS postcode, 'P1' AS provider_code, 'S1' AS service_code, CAST(NULL AS VARCHAR) AS point_of_delivery,
                           DATE '2024-05-01' AS start_date, DATE '2024-05-01' AS end_date, CAST(1 AS DECIMAL(18,4)) AS units,
                           'hour' AS unit_type, 'SC1' AS currency_code, 'SERVICE' AS currency_type,
                           CAST(NULL AS VARCHAR) AS primary_diagnosis, CAST(NULL AS DECIMAL(18,2)) AS local_cost,
                           DATE '2024-05-02' AS recorded_date
                    FROM range(5000) t(i)""");
            Sql.execute(connection, """
                    CREATE TABLE spine_keys AS SELECT '999' || lpad(CAST(i * 2 AS VARCHAR), 7, '0') AS nhs_number,
                           'P' || i AS person_pseudonym, DATE '1950-01-01' AS date_of_birth, '1' AS sex FROM range(1000) t(i)""");
            Sql.execute(connection, """
                    CREATE TABLE local_pseudonyms AS SELECT 'SC' || (i % 3) AS source_system, 'L' || i AS local_person_id,
                           'S' || i AS source_person_pseudonym FROM range(500) t(i)""");
            Sql.execute(connection, """
                    CREATE TABLE supplementary_links AS SELECT 'SC' || (i % 3) AS source_system, 'S' || i AS source_person_pseudonym,
                           'P' || i AS person_pseudonym, 'PROBABILISTIC' AS link_method, CAST(9.5 AS DOUBLE) AS match_weight
                    FROM range(200) t(i)""");
            Sql.define(connection, Linkage.activityLinked());

            String plan = plan(connection, "SELECT * FROM activity_linked");

            assertThat(plan).contains("HASH_JOIN")
                    .doesNotContain("NESTED_LOOP_JOIN", "BLOCKWISE_NL_JOIN", "PIECEWISE_MERGE_JOIN", "CROSS_PRODUCT");
            // The keys are still honoured: linked rows take the spine's pseudonym, unlinked ones the
            // supplementary link found for their source-local pseudonym.
            assertThat(Sql.queryLong(connection, "SELECT count(*) FROM activity_linked")).isEqualTo(5000);
            assertThat(Sql.queryLong(connection, "SELECT count(*) FROM activity_linked WHERE link_method = 'NHS_NUMBER'"))
                    .isEqualTo(1000);
            assertThat(Sql.queryLong(connection, "SELECT count(*) FROM activity_linked WHERE link_method = 'NHS_NUMBER'"
                    + " AND source_person_pseudonym IS NOT NULL")).isZero();
            assertThat(Sql.queryLong(connection, "SELECT count(*) FROM activity_linked WHERE link_method = 'PROBABILISTIC'"))
                    .isPositive();
        }
    }

    private static String plan(Connection connection, String query) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("EXPLAIN " + query)) {
            while (rows.next()) {
                plan.append(rows.getString(2)).append('\n');
            }
        }
        return plan.toString();
    }
}
