package org.almoner.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Council and voluntary sector records carry identifier errors at the rates asked for; NHS records do not. */
class IdentifierErrorsTest {

    @TempDir
    Path temp;

    /** Errors once per person and source system: compare each (person, source) record with the truth. */
    private static final String RECORDS = """
            WITH records AS (
              SELECT DISTINCT a.source_system, i.person_id, a.given_name, a.family_name, a.date_of_birth, a.postcode
              FROM activity a JOIN identities i USING (source_system, source_record_id)
              WHERE a.source_system IN %s)
            SELECT avg(CASE WHEN r.family_name <> t.family_name THEN 1 ELSE 0 END),
                   avg(CASE WHEN r.postcode IS NULL THEN 0 WHEN r.postcode <> t.postcode THEN 1 ELSE 0 END),
                   avg(CASE WHEN r.date_of_birth IS NULL THEN 1 ELSE 0 END),
                   count(*)
            FROM records r JOIN truth t USING (person_id)""";

    @Test
    void councilAndVoluntaryRecordsHaveErrorsAtTheConfiguredRates() throws SQLException {
        IdentifierErrorRates rates = new IdentifierErrorRates(0.005, 0.001, 0.20, 0.10, 0.0, 0.15, 0.10, 0.0, 0.0, 1.0);
        PopulationGenerator.generate(GeneratorSettings.of(8_000, 99, temp.resolve("input")).withErrorRates(rates),
                GenerationListener.none());

        try (GeneratedFolder data = new GeneratedFolder(temp.resolve("input"))) {
            var local = data.rows(RECORDS.formatted("('LA_SOCIAL_CARE', 'VCSE_RECORDS', 'LA_EDUCATION')")).get(0);
            assertThat(Long.parseLong(local.get(3))).as("records compared").isGreaterThan(300);
            assertThat(Double.parseDouble(local.get(0))).as("family name typos").isCloseTo(0.20, within(0.06));
            // A move to a postcode that happens to equal the current one is possible but rare.
            assertThat(Double.parseDouble(local.get(1))).as("previous postcodes").isCloseTo(0.15, within(0.06));
            assertThat(Double.parseDouble(local.get(2))).as("missing dates of birth").isCloseTo(0.10, within(0.05));

            var nhs = data.rows(RECORDS.formatted("('SUS_APC', 'SUS_OP', 'CSDS', 'GP_ACTIVITY')")).get(0);
            assertThat(Double.parseDouble(nhs.get(0))).isZero();
            assertThat(Double.parseDouble(nhs.get(1))).isZero();
            assertThat(Double.parseDouble(nhs.get(2))).isZero();
        }
    }

    @Test
    void councilRecordsUseFamiliarNamesAsOftenAsAsked() throws SQLException {
        IdentifierErrorRates everyNickname = new IdentifierErrorRates(0, 0, 0, 1.0, 0, 0, 0, 0, 0, 1.0);
        PopulationGenerator.generate(GeneratorSettings.of(6_000, 4, temp.resolve("input")).withErrorRates(everyNickname),
                GenerationListener.none());

        try (GeneratedFolder data = new GeneratedFolder(temp.resolve("input"))) {
            var names = data.rows("""
                    SELECT DISTINCT t.given_name, a.given_name FROM activity a
                      JOIN identities i USING (source_system, source_record_id) JOIN truth t USING (person_id)
                    WHERE a.source_system = 'LA_SOCIAL_CARE' AND t.given_name IN ('Robert', 'William', 'Margaret', 'Susan', 'David')""");
            assertThat(names).isNotEmpty().allSatisfy(pair -> assertThat(pair.get(1)).isNotEqualTo(pair.get(0)));
            assertThat(names).anySatisfy(pair -> assertThat(pair).containsExactly("Susan", "Sue"));
        }
    }
}
