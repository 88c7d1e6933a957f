package org.almoner.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.almoner.engine.identity.NhsNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is in a generated population: valid, plausible, and coded from the shared catalogue. */
class GeneratedPopulationTest {

    private static final int PEOPLE = 10_000;
    private static final String NHS_SOURCES = "('SUS_APC', 'SUS_OP', 'SUS_AE', 'CSDS', 'MHSDS', 'GP_ACTIVITY', 'EPD', 'CHC_SYSTEM')";

    @TempDir
    static Path temp;

    private static GeneratedFolder data;

    @BeforeAll
    static void generate() throws SQLException {
        PopulationGenerator.generate(GeneratorSettings.of(PEOPLE, 2024, temp.resolve("input")), GenerationListener.none());
        data = new GeneratedFolder(temp.resolve("input"));
    }

    @AfterAll
    static void close() throws SQLException {
        data.close();
    }

    @Test
    void nhsNumbersInPeopleAreValidUniqueAndFromTheTestRange() throws SQLException {
        List<String> numbers = data.column("SELECT nhs_number FROM people");

        assertThat(numbers).hasSize(PEOPLE).doesNotContainNull().allSatisfy(number -> {
            assertThat(NhsNumber.isValid(number)).as(number).isTrue();
            assertThat(number).startsWith("999");
        });
        assertThat(new HashSet<>(numbers)).hasSize(PEOPLE);
        // Shuffled: numbers do not follow person order.
        assertThat(numbers.subList(0, 50)).isNotEqualTo(numbers.subList(0, 50).stream().sorted().toList());
    }

    @Test
    void groundTruthAccountsForEveryActivityRowExactlyOnce() throws SQLException {
        assertThat(data.number("SELECT count(*) FROM activity")).isEqualTo(data.number("SELECT count(*) FROM identities"));
        assertThat(data.number("""
                SELECT count(*) FROM activity a ANTI JOIN identities i
                  ON a.source_system = i.source_system AND a.source_record_id = i.source_record_id""")).isZero();
        assertThat(data.number("""
                SELECT count(*) FROM (SELECT source_system, source_record_id FROM identities
                  GROUP BY ALL HAVING count(*) > 1)""")).isZero();
        assertThat(data.number("SELECT count(*) FROM identities ANTI JOIN people USING (person_id)")).isZero();
    }

    @Test
    void averagesThirtyToFortyActivityRowsAPersonOverTheTwoYears() throws SQLException {
        assertThat(data.number("SELECT count(*) FROM activity") / PEOPLE).isBetween(30.0, 40.0);
    }

    @Test
    void ageStructureIsLikeEnglands() throws SQLException {
        List<String> shares = data.column("""
                WITH ages AS (SELECT date_diff('year', CAST(date_of_birth AS DATE), DATE '2023-04-01') AS age
                              FROM truth)
                SELECT avg(CASE WHEN age < 16 THEN 1 ELSE 0 END) FROM ages
                UNION ALL SELECT avg(CASE WHEN age BETWEEN 16 AND 64 THEN 1 ELSE 0 END) FROM ages
                UNION ALL SELECT avg(CASE WHEN age >= 65 THEN 1 ELSE 0 END) FROM ages""");

        assertThat(Double.parseDouble(shares.get(0))).isCloseTo(0.19, within(0.02));
        assertThat(Double.parseDouble(shares.get(1))).isCloseTo(0.63, within(0.02));
        assertThat(Double.parseDouble(shares.get(2))).isCloseTo(0.18, within(0.02));
    }

    @Test
    void conditionPrevalenceRisesWithAge() throws SQLException {
        List<List<String>> byBand = data.rows("""
                WITH ages AS (SELECT person_id, date_diff('year', CAST(date_of_birth AS DATE), DATE '2023-04-01') AS age,
                                     CAST(condition_count AS INTEGER) AS conditions FROM truth)
                SELECT CASE WHEN age < 40 THEN 0 WHEN age < 65 THEN 1 ELSE 2 END AS band,
                       avg(conditions),
                       avg(CASE WHEN EXISTS (SELECT 1 FROM registers r WHERE r.person_id = ages.person_id
                                             AND r.register = 'HYP') THEN 1 ELSE 0 END)
                FROM ages GROUP BY band ORDER BY band""");

        List<Double> conditions = byBand.stream().map(row -> Double.parseDouble(row.get(1))).toList();
        List<Double> hypertension = byBand.stream().map(row -> Double.parseDouble(row.get(2))).toList();
        assertThat(conditions).isSorted().doesNotHaveDuplicates();
        assertThat(hypertension).isSorted().doesNotHaveDuplicates();
        assertThat(hypertension.get(2)).isGreaterThan(0.3);
    }

    @Test
    void activityRisesWithConditionCount() throws SQLException {
        List<Double> rowsByConditions = data.column("""
                WITH rows AS (SELECT person_id, count(*) AS n FROM identities GROUP BY person_id)
                SELECT avg(coalesce(rows.n, 0)) FROM truth LEFT JOIN rows USING (person_id)
                GROUP BY least(CAST(condition_count AS INTEGER), 3) ORDER BY least(CAST(condition_count AS INTEGER), 3)""")
                .stream().map(Double::parseDouble).toList();

        assertThat(rowsByConditions).hasSize(4).isSorted().doesNotHaveDuplicates();
        assertThat(rowsByConditions.get(3)).isGreaterThan(3 * rowsByConditions.get(0));
    }

    @Test
    void olderMultimorbidPeopleGetFortyToAHundredPrescriptionItemsAYear() throws SQLException {
        double items = data.number("""
                WITH older AS (SELECT person_id FROM truth
                               WHERE CAST(condition_count AS INTEGER) >= 4
                                 AND date_diff('year', CAST(date_of_birth AS DATE), DATE '2023-04-01') >= 70),
                     items AS (SELECT i.person_id, count(*) AS n FROM identities i JOIN older USING (person_id)
                               WHERE i.source_system = 'EPD' GROUP BY ALL)
                SELECT median(coalesce(items.n, 0)) / 2 FROM older LEFT JOIN items USING (person_id)""");

        assertThat(items).isBetween(40.0, 100.0);
    }

    @Test
    void everyActivityRowHasValidDatesPositiveUnitsAndMoneyInPence() throws SQLException {
        assertThat(data.number("""
                SELECT count(*) FROM activity
                WHERE TRY_CAST(start_date AS DATE) IS NULL
                   OR (end_date IS NOT NULL AND (TRY_CAST(end_date AS DATE) IS NULL OR CAST(end_date AS DATE) < CAST(start_date AS DATE)))
                   OR TRY_CAST(units AS DECIMAL(18, 2)) IS NULL OR CAST(units AS DECIMAL(18, 2)) <= 0
                   OR (local_cost IS NOT NULL AND NOT regexp_full_match(local_cost, '[0-9]+\\.[0-9]{2}'))
                   OR (date_of_birth IS NOT NULL AND TRY_CAST(date_of_birth AS DATE) IS NULL)
                   OR TRY_CAST(recorded_date AS DATE) < CAST(start_date AS DATE)
                   OR CAST(start_date AS DATE) NOT BETWEEN DATE '2023-04-01' AND DATE '2025-03-31'""")).isZero();
        assertThat(data.number("SELECT count(*) FROM activity WHERE setting = 'prescribing' AND local_cost IS NULL")).isZero();
        assertThat(data.number("SELECT count(*) FROM activity WHERE setting = 'social_care' AND local_cost IS NOT NULL")
                / data.number("SELECT count(*) FROM activity WHERE setting = 'social_care'")).isBetween(0.6, 0.8);
    }

    @Test
    void noActivityStartsAfterThePersonDied() throws SQLException {
        assertThat(data.number("SELECT count(*) FROM people WHERE date_of_death IS NOT NULL")).isPositive();
        assertThat(data.number("""
                SELECT count(*) FROM activity a JOIN identities i USING (source_system, source_record_id)
                  JOIN people p USING (person_id)
                WHERE p.date_of_death IS NOT NULL
                  AND (CAST(a.start_date AS DATE) > CAST(p.date_of_death AS DATE)
                       OR CAST(a.end_date AS DATE) > CAST(p.date_of_death AS DATE))""")).isZero();
    }

    @Test
    void mentalHealthRowsCountTheDaysTheyCover() throws SQLException {
        assertThat(data.number("SELECT count(*) FROM activity WHERE setting = 'mental_health'")).isPositive();
        assertThat(data.number("""
                SELECT count(*) FROM activity WHERE setting = 'mental_health'
                  AND CAST(units AS INTEGER) <> date_diff('day', CAST(start_date AS DATE), CAST(end_date AS DATE)) + 1""")).isZero();
    }

    @Test
    void codesComeFromTheSharedCatalogue() throws SQLException {
        Set<String> providers = new HashSet<>(List.of("R0A", "R0B", "R0C", "R0D", "NT001", "FA001", "L0001", "DCA01",
                "NH001", "V0001", "V0002", "V0003"));
        for (int practice = 1; practice <= 30; practice++) {
            providers.add(String.format("P900%02d", practice));
        }
        assertThat(data.column("SELECT DISTINCT provider_code FROM activity")).isSubsetOf(providers);
        assertThat(data.column("SELECT DISTINCT setting || '/' || unit_type || '/' || currency_type FROM activity"))
                .isSubsetOf("admitted_patient_care/spell/HRG", "outpatients/attendance/HRG", "a_and_e/attendance/HRG",
                        "community/contact/SERVICE", "mental_health/cluster_day/MH_CLUSTER",
                        "primary_care/consultation/SERVICE", "prescribing/item/BNF", "social_care/hour/SERVICE",
                        "social_care/session/SERVICE", "social_care/week/SERVICE", "continuing_healthcare/hour/SERVICE",
                        "continuing_healthcare/week/SERVICE", "vcse/session/SERVICE", "education/session/SERVICE",
                        "education/hour/SERVICE", "education/year/SERVICE");
        assertThat(data.column("SELECT DISTINCT currency_code FROM activity WHERE setting = 'admitted_patient_care'"))
                .isSubsetOf("AA35", "DZ22", "DZ65", "EB03", "EB10", "FD01", "HN12", "HN22", "HT12", "LA04", "BZ34",
                        "WH07", "KB02", "FD05", "JC42");
        assertThat(data.column("SELECT DISTINCT service_code FROM activity WHERE setting IN ('admitted_patient_care', 'outpatients')"))
                .isSubsetOf("100", "110", "300", "320", "330", "340", "430", "502");
        assertThat(data.column("SELECT DISTINCT currency_code FROM activity WHERE setting = 'a_and_e'"))
                .allMatch(code -> code.matches("VB(0[1-9]|1[01])Z"));
        assertThat(data.column("SELECT DISTINCT currency_code FROM activity WHERE setting = 'mental_health'"))
                .allMatch(code -> code.matches("MHCC(0[1-8]|1[0-9]|2[01])"));
        assertThat(data.column("SELECT DISTINCT point_of_delivery FROM activity WHERE point_of_delivery IS NOT NULL"))
                .isSubsetOf("EL", "NEL", "DC", "OPFA", "OPFU", "AE");
        assertThat(data.column("SELECT DISTINCT service_code FROM activity WHERE setting IN ('social_care', 'continuing_healthcare', 'vcse', 'education', 'community', 'primary_care')"))
                .isSubsetOf("HOME_CARE", "REABLEMENT", "DAY_CARE", "RESIDENTIAL_CARE", "NURSING_CARE", "DIRECT_PAYMENT",
                        "CHC_HOME_CARE", "CHC_NURSING_HOME", "CHC_PERSONAL_HEALTH_BUDGET", "SOCIAL_PRESCRIBING",
                        "CARERS_SUPPORT", "BEFRIENDING", "PEER_SUPPORT", "TALKING_THERAPY_GROUP", "EHC_SPEECH_THERAPY",
                        "EHC_OCCUPATIONAL_THERAPY", "EHC_SPECIALIST_TEACHING", "EHC_PLAN_COORDINATION", "DISTRICT_NURSING",
                        "COMMUNITY_MATRON", "PHYSIOTHERAPY", "OCCUPATIONAL_THERAPY", "PODIATRY",
                        "SPEECH_AND_LANGUAGE_THERAPY", "WHEELCHAIR_SERVICE", "GP_SURGERY", "GP_HOME_VISIT",
                        "GP_TELEPHONE", "PRACTICE_NURSE");
        assertThat(data.column("SELECT DISTINCT register FROM registers")).isSubsetOf("AF", "AST", "CHD", "CKD", "COPD",
                "DEM", "DM", "EP", "HF", "HYP", "LD", "MH", "OST", "PAD", "RA", "STIA", "CAN", "DEP");
        assertThat(data.column("SELECT DISTINCT code_system FROM diagnoses")).containsExactlyInAnyOrder("ICD10", "SNOMED");
        assertThat(data.column("SELECT DISTINCT code FROM diagnoses WHERE code_system = 'ICD10'"))
                .allMatch(code -> code.matches("[A-Z][0-9]{2}[0-9X]?"));
    }

    @Test
    void nhsSourcesCarryTheNhsNumberWithRareBlanksAndTypos() throws SQLException {
        List<String> numbers = data.column("SELECT coalesce(nhs_number, '') FROM activity WHERE source_system IN " + NHS_SOURCES);
        long blank = numbers.stream().filter(String::isEmpty).count();
        long invalid = numbers.stream().filter(number -> !number.isEmpty() && !NhsNumber.isValid(number)).count();

        assertThat((double) blank / numbers.size()).isCloseTo(0.005, within(0.002));
        assertThat((double) invalid / numbers.size()).isCloseTo(0.001, within(0.0007));
        assertThat(data.number("SELECT count(*) FROM activity WHERE source_system = 'LA_EDUCATION' AND nhs_number IS NOT NULL")).isZero();
        assertThat(data.number("""
                SELECT avg(CASE WHEN nhs_number IS NULL THEN 0 ELSE 1 END) FROM activity
                WHERE source_system = 'LA_SOCIAL_CARE'""")).isBetween(0.7, 0.95);
    }

    @Test
    void peopleFileHoldsRareDefaultValuesForTheQualityReportToFind() throws SQLException {
        double defaults = data.number("""
                SELECT count(*) FROM people WHERE date_of_birth = '1900-01-01' OR postcode = 'ZZ99 3VZ'
                  OR gp_practice = 'V81999' OR sex IN ('0', '9') OR ethnicity = '99'""");

        assertThat(defaults / PEOPLE).isBetween(0.002, 0.02);
        assertThat(data.column("SELECT DISTINCT substr(postcode, 1, 3) FROM people WHERE postcode <> 'ZZ99 3VZ'"))
                .allMatch(outward -> outward.matches("NF[1-9]"));
        assertThat(data.column("SELECT postcode FROM people WHERE postcode <> 'ZZ99 3VZ'"))
                .allMatch(postcode -> postcode.matches("NF[1-9] [0-9][ABD-HJLNP-UW-Z]{2}"));
    }
}
