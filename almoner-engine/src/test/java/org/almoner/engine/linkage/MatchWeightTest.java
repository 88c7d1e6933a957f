package org.almoner.engine.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.duckdb.Sql;
import org.junit.jupiter.api.Test;

/**
 * The match weight of every compared pair is the Fellegi-Sunter sum, worked out here independently in
 * Java from the fitted parameters: the prior's weight, log2(m/u) of each field's level (nothing for a
 * blank), and log2(u_exact / frequency of the name) for a name agreeing exactly.
 */
class MatchWeightTest {

    @Test
    void everyPairsMatchWeightIsThePriorPlusItsLevelWeightsPlusNameFrequencyAdjustments() throws Exception {
        try (Connection connection = DuckDb.open(null, new DuckDbSettings(1, 256, null))) {
            // 300 people, each with a right-hand twin; the twins carry typos, transposed dates, moves and
            // blanks so that most levels of every field occur. Names are lower-case letters already, so
            // the linker's cleaning leaves them as they are and the test can count them itself.
            createFixture(connection);
            LinkSettings settings = new LinkSettings(List.of(new BlockingRule(List.of("birth_year")), new BlockingRule(List.of("postcode"))),
                    4, 0, null, 1_000_000, 20_000, 3);
            FellegiSunterLinker linker = new FellegiSunterLinker(connection, settings, line -> { });
            LinkOutcome outcome = linker.run(linker.prepare("l", "r"), false);
            ModelParameters parameters = outcome.parameters();

            Map<LinkField, Map<String, Double>> frequencies = new HashMap<>();
            for (LinkField field : List.of(LinkField.GIVEN_NAME, LinkField.FAMILY_NAME)) {
                frequencies.put(field, frequencies(connection, field.column()));
            }
            int pairs = 0;
            int adjusted = 0;
            boolean[][] seen = new boolean[LinkField.values().length][6];
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT p.*, r.given_name AS right_given_name, r.family_name AS right_family_name"
                            + " FROM fs_pairs p JOIN r ON r.record_id = p.right_id")) {
                while (rows.next()) {
                    pairs++;
                    double expected = parameters.priorWeight();
                    for (LinkField field : LinkField.values()) {
                        int level = rows.getInt(field.column() + "_level");
                        seen[field.ordinal()][level + 1] = true;
                        double weight = level < 0 ? 0 : parameters.weight(field, level);
                        assertThat(rows.getDouble(field.column() + "_weight")).as("%s level %d", field, level).isCloseTo(weight, within(1e-9));
                        expected += weight;
                        if (field.termFrequencyAdjusted() && level == 0) {
                            double frequency = frequencies.get(field).get(rows.getString("right_" + field.column()));
                            double adjustment = Math.log(parameters.u().get(field).get(0) / frequency) / Math.log(2);
                            assertThat(rows.getDouble(field.column() + "_frequency_adjustment")).isCloseTo(adjustment, within(1e-9));
                            expected += adjustment;
                            adjusted++;
                        } else if (field.termFrequencyAdjusted()) {
                            assertThat(rows.getDouble(field.column() + "_frequency_adjustment")).isZero();
                        }
                    }
                    double weight = rows.getDouble("match_weight");
                    assertThat(weight).as("%s ~ %s", rows.getString("left_id"), rows.getString("right_id")).isCloseTo(expected, within(1e-9));
                    assertThat(rows.getDouble("match_probability")).isCloseTo(1 / (1 + Math.pow(2, -weight)), within(1e-12));
                    assertThat(rows.getString("decision")).isEqualTo(weight >= 4 ? "LINK" : weight >= 0 ? "REVIEW" : "NON_LINK");
                }
            }
            assertThat(pairs).isEqualTo(outcome.comparedPairs()).isGreaterThan(1000);
            assertThat(adjusted).isGreaterThan(300);
            // The fixture reaches blanks and several levels of each field, so the table join is tested on more than exact agreement.
            for (LinkField field : LinkField.values()) {
                int levelsSeen = 0;
                for (boolean level : seen[field.ordinal()]) {
                    levelsSeen += level ? 1 : 0;
                }
                assertThat(levelsSeen).as("levels of %s met", field).isGreaterThanOrEqualTo(3);
            }
        }
    }

    @Test
    void recordsAgreeingOnEveryFieldEachGetThePairsAndWeightsTheyWouldGetAlone() throws Exception {
        try (Connection connection = DuckDb.open(null, new DuckDbSettings(1, 256, null))) {
            createFixture(connection);
            // Every right record twice more under other ids: such copies are compared as one profile.
            Sql.execute(connection, "CREATE TABLE copies AS SELECT * FROM r UNION ALL SELECT 'D' || substr(record_id, 2), given_name, family_name,"
                    + " date_of_birth, sex, postcode FROM r UNION ALL SELECT 'E' || substr(record_id, 2), given_name, family_name, date_of_birth,"
                    + " sex, postcode FROM r");
            LinkSettings settings = new LinkSettings(List.of(new BlockingRule(List.of("birth_year")), new BlockingRule(List.of("postcode"))),
                    4, 0, 0.001, 1_000_000, 20_000, 3);
            FellegiSunterLinker linker = new FellegiSunterLinker(connection, settings, line -> { });
            LinkOutcome outcome = linker.run(linker.prepare("l", "copies"), false);
            long originals = Sql.queryLong(connection, "SELECT count(*) FROM fs_pairs WHERE right_id LIKE 'R%'");
            assertThat(outcome.comparedPairs()).isEqualTo(3 * originals).isGreaterThan(3000);
            long differing = Sql.queryLong(connection, """
                    SELECT count(*) FROM fs_pairs o JOIN fs_pairs c ON c.left_id = o.left_id AND substr(c.right_id, 2) = substr(o.right_id, 2)
                    WHERE o.right_id LIKE 'R%' AND c.right_id NOT LIKE 'R%'
                      AND (c.match_weight <> o.match_weight OR c.given_name_level <> o.given_name_level OR c.family_name_level <> o.family_name_level
                           OR c.date_of_birth_level <> o.date_of_birth_level OR c.postcode_level <> o.postcode_level
                           OR c.sex_level <> o.sex_level OR c.blocking_rule <> o.blocking_rule)""");
            long matched = Sql.queryLong(connection, """
                    SELECT count(*) FROM fs_pairs o JOIN fs_pairs c ON c.left_id = o.left_id AND substr(c.right_id, 2) = substr(o.right_id, 2)
                    WHERE o.right_id LIKE 'R%' AND c.right_id NOT LIKE 'R%'""");
            assertThat(matched).isEqualTo(2 * originals);
            assertThat(differing).isZero();
        }
    }

    @Test
    void deduplicatingComparesEachPairOfIdenticalRecordsOnce() throws Exception {
        try (Connection connection = DuckDb.open(null, new DuckDbSettings(1, 256, null))) {
            createFixture(connection);
            Sql.execute(connection, "CREATE TABLE everyone AS SELECT * FROM l UNION ALL SELECT * FROM r UNION ALL SELECT 'D' || substr(record_id, 2),"
                    + " given_name, family_name, date_of_birth, sex, postcode FROM r");
            LinkSettings settings = new LinkSettings(List.of(new BlockingRule(List.of("birth_year"))), 4, 0, 0.001, 1_000_000, 20_000, 3);
            FellegiSunterLinker linker = new FellegiSunterLinker(connection, settings, line -> { });
            LinkOutcome outcome = linker.run(linker.prepare("everyone", null), true);
            // Blocking on birth year alone compares every two records born in the same year, once each.
            long expected = Sql.queryLong(connection, "SELECT sum(n * (n - 1) / 2)::BIGINT FROM (SELECT count(*) AS n FROM everyone GROUP BY year(date_of_birth))");
            assertThat(outcome.comparedPairs()).isEqualTo(expected);
            assertThat(Sql.queryLong(connection, "SELECT count(*) FROM fs_pairs WHERE left_id >= right_id")).isZero();
            // Each right record and its copy ('D1' sorts before 'R1') agree exactly on every field they have.
            assertThat(Sql.queryLong(connection, "SELECT count(*) FROM fs_pairs WHERE left_id = 'D' || substr(right_id, 2) AND right_id LIKE 'R%'"
                    + " AND given_name_level <= 0 AND family_name_level = 0 AND date_of_birth_level = 0 AND postcode_level <= 0 AND sex_level <= 0"))
                    .isEqualTo(300);
        }
    }

    /**
     * 300 people, each with a right-hand twin; the twins carry typos, transposed dates, moves and
     * blanks so that most levels of every field occur. Names are lower-case letters already, so the
     * linker's cleaning leaves them as they are and the test can count them itself.
     */
    private static void createFixture(Connection connection) {
            Sql.execute(connection, """
                    CREATE TABLE l AS SELECT 'L' || i AS record_id,
                           CASE WHEN i % 17 = 0 THEN NULL ELSE 'g' || chr(CAST(97 + i % 7 AS INTEGER)) || chr(CAST(97 + (i // 7) % 5 AS INTEGER)) END AS given_name,
                           CASE WHEN i % 3 = 0 THEN 'smith' ELSE 'f' || chr(CAST(97 + i % 11 AS INTEGER)) || chr(CAST(97 + (i // 11) % 13 AS INTEGER)) || 'son' END AS family_name,
                           CAST(DATE '1940-01-01' + INTERVAL (i * 41) DAY AS DATE) AS date_of_birth,
                           CASE WHEN i % 23 = 0 THEN NULL ELSE CAST(1 + i % 2 AS VARCHAR) END AS sex,
                           'NF' || (i % 4) || ' ' || (i % 6) || 'AB' AS postcode
                    FROM range(300) t(i)""");
            Sql.execute(connection, """
                    CREATE TABLE r AS SELECT 'R' || substr(record_id, 2) AS record_id,
                           CASE WHEN n % 13 = 0 THEN given_name || 'a' ELSE given_name END AS given_name,
                           CASE WHEN n % 9 = 0 THEN family_name || 'e' ELSE family_name END AS family_name,
                           CASE WHEN n % 19 = 0 AND day(date_of_birth) <= 12 THEN make_date(year(date_of_birth), day(date_of_birth), month(date_of_birth))
                                WHEN n % 29 = 0 THEN CAST(date_of_birth + INTERVAL 1 DAY AS DATE) ELSE date_of_birth END AS date_of_birth,
                           CASE WHEN n % 31 = 0 THEN '3' ELSE sex END AS sex,
                           CASE WHEN n % 7 = 0 THEN 'NF9 9ZZ' WHEN n % 11 = 0 THEN NULL ELSE postcode END AS postcode
                    FROM (SELECT *, CAST(substr(record_id, 2) AS INTEGER) AS n FROM l)""");
    }

    /** Share of each name among the non-blank names of both files together. */
    private static Map<String, Double> frequencies(Connection connection, String column) throws Exception {
        Map<String, Double> counts = new HashMap<>();
        double total = 0;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT " + column + " FROM l UNION ALL SELECT " + column + " FROM r")) {
            while (rows.next()) {
                String name = rows.getString(1);
                if (name != null) {
                    counts.merge(name, 1.0, Double::sum);
                    total++;
                }
            }
        }
        double all = total;
        counts.replaceAll((name, count) -> count / all);
        return counts;
    }
}
