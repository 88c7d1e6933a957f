package org.almoner.engine.stratification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.almoner.engine.DatabaseRows;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.PipelineOutputFixture;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.format.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskStratificationTest {

    @TempDir
    Path temporary;

    record PublishedCase(String name, List<String> codes, int charlson1987, int charlsonQuan2011, int elixhauser,
            int elixhauserCount, String explanation) {
    }

    @Test
    void givesEveryPublishedDiagnosisSetItsPublishedScores() throws Exception {
        List<PublishedCase> cases = publishedCases();
        PipelineOutputFixture fixture = new PipelineOutputFixture();
        for (PublishedCase published : cases) {
            fixture.person(published.name(), 70, "1", "A", 5);
            for (String code : published.codes()) {
                fixture.diagnosis(published.name(), "ICD10", code, "2022-06-01");
            }
        }
        Map<String, List<String>> scores = risk(fixture, """
                SELECT person_pseudonym, charlson_index, charlson_index_quan_2011, elixhauser_van_walraven, elixhauser_count
                FROM person_year_risk WHERE financial_year = '2024/25'""");

        assertThat(scores).hasSize(cases.size());
        for (PublishedCase published : cases) {
            assertThat(scores.get(published.name())).as("%s: %s", published.name(), published.explanation())
                    .containsExactly(Integer.toString(published.charlson1987()), Integer.toString(published.charlsonQuan2011()),
                            Integer.toString(published.elixhauser()), Integer.toString(published.elixhauserCount()));
        }
    }

    @Test
    void countsDiabetesOnceWhenRecordedWithAndWithoutComplications() throws Exception {
        PipelineOutputFixture fixture = new PipelineOutputFixture()
                .person("both", 60, "2", "A", 3)
                .diagnosis("both", "ICD10", "E119", "2020-01-01").diagnosis("both", "ICD10", "E117", "2020-01-01")
                .person("uncomplicated", 60, "2", "A", 3)
                .diagnosis("uncomplicated", "ICD10", "E119", "2020-01-01");

        Map<String, List<String>> rows = risk(fixture, """
                SELECT person_pseudonym, charlson_categories, elixhauser_categories, ltc_count FROM person_year_risk
                WHERE financial_year = '2023/24'""");

        assertThat(rows.get("both")).containsExactly("diabetes_with_complication", "diabetes_complicated", "1");
        assertThat(rows.get("uncomplicated")).containsExactly("diabetes_without_complication", "diabetes_uncomplicated", "1");
    }

    @Test
    void countsOnlyWhatWasKnownByTheEndOfEachYear() throws Exception {
        PipelineOutputFixture fixture = new PipelineOutputFixture()
                .person("later", 80, "1", "A", 2)
                .diagnosis("later", "ICD10", "I500", "2024-06-01")
                .register("later", "DM", "2023-05-01");

        Map<String, List<String>> rows = risk(fixture, """
                SELECT financial_year, ltc_list, charlson_index_quan_2011 FROM person_year_risk""");

        assertThat(rows.get("2023/24")).containsExactly("diabetes", "0");
        assertThat(rows.get("2024/25")).containsExactly("diabetes; heart_failure", "2");
    }

    @Test
    void scoresTheCambridgeConditionsFromRegistersAndCodesOnceEach() throws Exception {
        PipelineOutputFixture fixture = new PipelineOutputFixture()
                .person("p", 78, "1", "A", 4)
                .register("p", "HYP", null).register("p", "DM", null).register("p", "DEM", null)
                .diagnosis("p", "ICD10", "E119", null)
                .diagnosis("p", "SNOMED", "49436004", null);

        Map<String, List<String>> rows = risk(fixture, """
                SELECT person_pseudonym, cambridge_multimorbidity_score, cambridge_conditions, ltc_count FROM person_year_risk
                WHERE financial_year = '2024/25'""");

        // Payne 2020 weights: hypertension 0.08, diabetes 0.75, dementia 2.50, atrial fibrillation 1.34.
        BigDecimal expected = new BigDecimal("0.08").add(new BigDecimal("0.75")).add(new BigDecimal("2.50")).add(new BigDecimal("1.34"));
        assertThat(new BigDecimal(rows.get("p").get(0))).isEqualByComparingTo(expected);
        assertThat(rows.get("p").get(1)).isEqualTo("atrial_fibrillation; dementia; diabetes; hypertension");
        assertThat(rows.get("p").get(2)).isEqualTo("4");
    }

    @Test
    void addsTheFrailtyWeightsOfTheLastTwoYearsAndBandsPeopleAged75AndOver() throws Exception {
        PipelineOutputFixture fixture = new PipelineOutputFixture()
                .person("old", 82, "2", "A", 1)
                .diagnosis("old", "ICD10", "F001", "2024-05-01")
                .diagnosis("old", "ICD10", "W19", "2024-05-01")
                .diagnosis("old", "ICD10", "N390", "2023-07-01")
                .diagnosis("old", "ICD10", "N390", "2024-07-01")
                .diagnosis("old", "ICD10", "R296", "2020-01-01")
                .activity("old", Setting.ADMITTED_PATIENT_CARE, "R0A", "110", "NEL", "2024-08-01", "2024-08-09", "1", "spell",
                        "6000.00", "S720")
                .person("young", 50, "1", "A", 1)
                .diagnosis("young", "ICD10", "F001", "2024-05-01");

        Map<String, List<String>> rows = risk(fixture, """
                SELECT person_pseudonym, hospital_frailty_risk_score, frailty_risk FROM person_year_risk
                WHERE financial_year = '2024/25'""");

        // Gilbert 2018: F00 7.1 + W19 3.2 + N39 3.2 (once) + S72 1.4; R29 is older than two years.
        BigDecimal expected = new BigDecimal("7.1").add(new BigDecimal("3.2")).add(new BigDecimal("3.2")).add(new BigDecimal("1.4"));
        assertThat(new BigDecimal(rows.get("old").get(0))).isEqualByComparingTo(expected);
        assertThat(rows.get("old").get(1)).isEqualTo("intermediate");
        assertThat(rows.get("young").get(1)).as("the score's bands are published for people aged 75 and over").isEqualTo("null");
    }

    @Test
    void placesActivationScoresInTheLevelsTheIssueGives() throws Exception {
        List<String> scores = List.of("0.0", "47.0", "47.1", "55.1", "55.2", "67.0", "67.1", "100.0");
        PipelineOutputFixture fixture = new PipelineOutputFixture();
        for (String score : scores) {
            fixture.person("score " + score, 40, "1", "A", 5).activation(score, "2023-06-01");
        }

        Map<String, List<String>> rows = risk(fixture, """
                SELECT person_pseudonym, activation_level FROM person_year_risk WHERE financial_year = '2024/25'""");

        assertThat(scores.stream().map(score -> rows.get("score " + score).get(0)).toList())
                .containsExactly("1", "1", "2", "2", "3", "3", "4", "4");
    }

    @Test
    void flagsFrequentAttendersAndRightsToHave() throws Exception {
        PipelineOutputFixture fixture = new PipelineOutputFixture().person("frequent", 66, "1", "A", 2)
                .flags(false, false, true, false, false, false);
        for (int i = 1; i <= 3; i++) {
            fixture.activity("frequent", Setting.ADMITTED_PATIENT_CARE, "R0A", "300", "NEL", "2024-0" + (i + 3) + "-10",
                    "2024-0" + (i + 3) + "-12", "1", "spell", "2500.00", "J441");
        }
        for (int i = 1; i <= 4; i++) {
            fixture.activity("frequent", Setting.A_AND_E, "R0A", "180", "AE", "2024-0" + (i + 3) + "-09", null, "1",
                    "attendance", "180.00", null);
        }
        fixture.activity("frequent", Setting.CONTINUING_HEALTHCARE, "NH001", "CHC_NURSING_HOME", null, "2024-06-01",
                "2024-06-30", "4", "week", "4000.00", null);
        fixture.activity("frequent", Setting.COMMUNITY, "R0C", "WHEELCHAIR_SERVICE", null, "2023-06-01", null, "1", "contact",
                "120.00", null);

        Map<String, List<String>> rows = risk(fixture, """
                SELECT financial_year, emergency_admissions, ae_attendances, frequent_emergency_admissions, frequent_ae_attender,
                       right_to_have_chc, right_to_have_section_117, right_to_have_wheelchair FROM person_year_risk""");

        assertThat(rows.get("2024/25")).containsExactly("3", "4", "true", "false", "true", "true", "false");
        assertThat(rows.get("2023/24")).containsExactly("0", "0", "false", "false", "false", "true", "true");
    }

    @Test
    void ranksCostWithinEachYear() throws Exception {
        PipelineOutputFixture fixture = new PipelineOutputFixture();
        for (int i = 0; i < 4; i++) {
            fixture.person("p" + i, 40, "1", "A", 5);
            if (i > 0) {
                fixture.activity("p" + i, Setting.PRIMARY_CARE, "P90001", "GP_SURGERY", null, "2024-05-01", null, "1",
                        "consultation", i + "00.00", null);
            }
        }

        Map<String, List<String>> rows = risk(fixture, """
                SELECT person_pseudonym, cost_percentile FROM person_year_risk WHERE financial_year = '2024/25'""");

        assertThat(List.of(rows.get("p0").get(0), rows.get("p1").get(0), rows.get("p2").get(0), rows.get("p3").get(0)))
                .as("the share of others with lower cost, the highest in the top percentile, 99")
                .containsExactly("0", "33", "66", "99");
    }

    @Test
    void refusesAFolderThePipelineDidNotWrite() throws IOException {
        Path folder = Files.createDirectories(temporary.resolve("not-a-pipeline-output"));

        assertThatThrownBy(() -> new PipelineOutput(folder))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("linked/people.parquet")
                .hasMessageContaining("almoner pipeline")
                .extracting(e -> ((EngineException) e).code()).isEqualTo(EngineErrorCode.INPUT_NOT_FOUND);
    }

    @Test
    void writesTheTableAndPageAndCodeListsAsOneFolder() throws Exception {
        Path pipeline = new PipelineOutputFixture().person("p", 70, "1", "A", 5).diagnosis("p", "ICD10", "I500", null)
                .writeTo(temporary.resolve("pipeline"));

        StratificationResult result = RiskStratification.run(new PipelineOutput(pipeline), temporary.resolve("risk"), false,
                DuckDbSettings.defaults());

        assertThat(result.personYears()).isEqualTo(2);
        assertThat(result.folder().resolve("person_year_risk.csv")).exists();
        assertThat(result.folder().resolve("code-lists/charlson.csv")).content().contains("Quan H");
        assertThat(result.folder().resolve("risk.html")).content().contains(RiskStratification.RULES_VERSION);
        assertThat(result.folder().resolve(".work")).doesNotExist();
    }

    private Map<String, List<String>> risk(PipelineOutputFixture fixture, String query) throws Exception {
        Path pipeline = fixture.writeTo(temporary.resolve("pipeline"));
        try (var connection = DuckDb.open(null, DuckDbSettings.defaults())) {
            new PipelineOutput(pipeline).createViews(connection);
            RiskStratification.createRiskTable(connection, Files.createDirectories(temporary.resolve("work")));
            return DatabaseRows.rows(connection, query).stream()
                    .collect(Collectors.toMap(row -> row.get(0), row -> row.subList(1, row.size())));
        }
    }

    private static List<PublishedCase> publishedCases() throws IOException {
        try (InputStream in = RiskStratificationTest.class.getResourceAsStream("published-scores.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && !line.startsWith("case,"))
                    .map(line -> line.split(",", 7))
                    .map(field -> new PublishedCase(field[0], Arrays.asList(field[1].split(" ")), Integer.parseInt(field[2]),
                            Integer.parseInt(field[3]), Integer.parseInt(field[4]), Integer.parseInt(field[5]), field[6]))
                    .toList();
        }
    }
}
