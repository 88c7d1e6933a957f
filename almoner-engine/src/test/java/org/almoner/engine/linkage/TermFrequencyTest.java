package org.almoner.engine.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.duckdb.Sql;
import org.junit.jupiter.api.Test;

class TermFrequencyTest {

    @Test
    void anExactMatchOnARareSurnameCountsForMoreThanOnACommonOne() throws Exception {
        try (Connection connection = DuckDb.open(null, new DuckDbSettings(1, 256, null))) {
            // 200 people: half called Smith, one called Quennell; each left record has a right twin.
            Sql.execute(connection, """
                    CREATE TABLE l AS SELECT 'L' || i AS record_id, 'G' || chr(CAST(97 + i % 26 AS INTEGER)) || chr(CAST(97 + (i // 26) % 26 AS INTEGER)) AS given_name,
                           CASE WHEN i = 0 THEN 'Quennell' WHEN i % 2 = 0 THEN 'Smith' ELSE 'F' || chr(CAST(97 + i % 26 AS INTEGER)) || chr(CAST(97 + (i // 26) % 26 AS INTEGER)) || 'x' END AS family_name,
                           DATE '1940-01-01' + INTERVAL (i * 97) DAY AS date_of_birth, CAST(1 + i % 2 AS VARCHAR) AS sex,
                           'NF' || (i % 9) || ' ' || (i % 7) || 'AB' AS postcode
                    FROM range(200) t(i)""");
            Sql.execute(connection, "CREATE TABLE r AS SELECT 'R' || substr(record_id, 2) AS record_id, given_name, family_name,"
                    + " CAST(date_of_birth AS DATE) AS date_of_birth, sex, postcode FROM l");
            Sql.execute(connection, "CREATE OR REPLACE TABLE l AS SELECT record_id, given_name, family_name, CAST(date_of_birth AS DATE)"
                    + " AS date_of_birth, sex, postcode FROM l");
            LinkSettings settings = new LinkSettings(List.of(new BlockingRule(List.of("date_of_birth"))), 6.6, 0, null, 10_000, 10_000, 1);
            FellegiSunterLinker linker = new FellegiSunterLinker(connection, settings, line -> { });
            LinkOutcome outcome = linker.run(linker.prepare("l", "r"), false);
            PairExplanation rare = PairExplanation.of(connection, outcome.parameters(), "L0", "R0");
            PairExplanation common = PairExplanation.of(connection, outcome.parameters(), "L2", "R2");
            double rareAdjustment = rare.contributions().get(LinkField.FAMILY_NAME.ordinal()).frequencyAdjustment();
            double commonAdjustment = common.contributions().get(LinkField.FAMILY_NAME.ordinal()).frequencyAdjustment();
            assertThat(rareAdjustment).isGreaterThan(0);
            assertThat(commonAdjustment).as("u %s", outcome.parameters().u()).isLessThan(0);
            assertThat(rare.contributions().get(LinkField.FAMILY_NAME.ordinal()).total())
                    .isGreaterThan(common.contributions().get(LinkField.FAMILY_NAME.ordinal()).total() + 5);
        }
    }
}
