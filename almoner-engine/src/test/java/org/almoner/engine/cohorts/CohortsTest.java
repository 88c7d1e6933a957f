package org.almoner.engine.cohorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.almoner.engine.stratification.PipelineOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortsTest {

    @TempDir
    Path temporary;

    private static final String DEFINITIONS = """
            version: test-cohorts-1
            equality:
              need_rule: ltc_count >= 2
              under_represented_below: 0.8
              minimum_people: 2
            cohorts:
              - id: older_multimorbid
                name: Aged 75 and over with 4 or more conditions
                source: issue 4 example
                rule: ltc_count >= 4 and age_at_year_start >= 75
              - id: section_117
                name: Section 117 aftercare
                rule: right_to_have_section_117
              - id: low_activation
                name: PAM level 1 or 2
                rule: activation_level in (1, 2)
              - id: frequent_admissions
                name: 3 or more emergency admissions
                rule: emergency_admissions >= 3
            """;

    @Test
    void putsEachPersonInTheCohortsTheirFieldsMeet() throws Exception {
        PipelineOutputFixture fixture = population();

        Map<String, List<String>> members = run(fixture, DEFINITIONS).stream()
                .collect(Collectors.groupingBy(row -> row.get(0), Collectors.mapping(row -> row.get(1), Collectors.toList())));

        assertThat(members.get("older_multimorbid")).containsExactly("old-four");
        assertThat(members.get("section_117")).containsExactly("aftercare");
        assertThat(members.get("low_activation")).containsExactlyInAnyOrder("pam-47", "pam-55");
        assertThat(members.get("frequent_admissions")).containsExactly("admitted");
    }

    @Test
    void countsCohortSizeAndCostByProvider() throws Exception {
        Path pipeline = population().writeTo(temporary.resolve("pipeline"));
        Path definitions = Files.writeString(temporary.resolve("cohorts.yaml"), DEFINITIONS);

        CohortResult result = Cohorts.run(new CohortRequest(new PipelineOutput(pipeline), null, definitions, null,
                temporary.resolve("out"), false, DuckDbSettings.defaults()));

        assertThat(result.sizes()).contains(new CohortSize("frequent_admissions", "3 or more emergency admissions", "2024/25", 1));
        List<List<String>> providers = DatabaseRows.rows("SELECT setting, provider_code, provider_name, activity_rows, cost FROM read_csv("
                + DuckDb.literal(result.folder().resolve("cohort_cost_by_provider.csv").toString())
                + ") WHERE cohort_id = 'frequent_admissions'");
        assertThat(providers).containsExactly(List.of("admitted_patient_care", "R0A", "Northfield Hospitals NHS Foundation Trust", "3", "7500.0"));
        assertThat(result.folder().resolve("cohort_members.parquet")).exists();
        assertThat(result.folder().resolve("cohorts.html")).content().contains("test-cohorts-1");
    }

    @Test
    void flagsAGroupUnderRepresentedRelativeToNeed() throws Exception {
        PipelineOutputFixture fixture = new PipelineOutputFixture();
        // Ten men and ten women in need (two conditions each); only men have section 117 aftercare. The built-in
        // definitions judge groups with at least 10 people in need.
        for (int i = 0; i < 10; i++) {
            fixture.person("man" + i, 50, "1", "A", 5).flags(false, false, true, false, false, false)
                    .register("man" + i, "HYP", null).register("man" + i, "DM", null);
            fixture.person("woman" + i, 50, "2", "A", 5).register("woman" + i, "HYP", null).register("woman" + i, "DM", null);
        }

        List<List<String>> flags = equality(fixture, "section_117", "sex");

        assertThat(flags).containsExactlyInAnyOrder(List.of("1", "10", "false"), List.of("2", "0", "true"));
    }

    @Test
    void doesNotJudgeADimensionTheRuleSelectsOn() throws Exception {
        PipelineOutputFixture fixture = new PipelineOutputFixture();
        for (int i = 0; i < 4; i++) {
            fixture.person("old" + i, 80, "1", "A", 5).register("old" + i, "HYP", null).register("old" + i, "DM", null)
                    .register("old" + i, "CHD", null).register("old" + i, "AF", null);
            fixture.person("young" + i, 30, "1", "A", 5).register("young" + i, "HYP", null).register("young" + i, "DM", null);
        }

        List<List<String>> flags = equality(fixture, "older_multimorbid", "age_band");

        assertThat(flags).extracting(row -> row.get(2)).containsOnly("false");
    }

    @Test
    void namesTheLineAndRuleOfAnUnknownField() throws Exception {
        String bad = DEFINITIONS.replace("rule: emergency_admissions >= 3", "rule: emergency_admits >= 3");

        assertThatThrownBy(() -> run(population(), bad))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("cohorts.yaml line 19")
                .hasMessageContaining("cohort 'frequent_admissions'")
                .hasMessageContaining("unknown field 'emergency_admits'")
                .extracting(e -> ((EngineException) e).code()).isEqualTo(EngineErrorCode.BAD_CONFIGURATION);
    }

    @Test
    void namesTheLineOfAMisspeltKeyAndOfBrokenYaml() throws Exception {
        assertThatThrownBy(() -> run(population(), DEFINITIONS.replace("    rule: right_to_have_section_117", "    rules: right_to_have_section_117")))
                .hasMessageContaining("line 13").hasMessageContaining("unknown key 'rules' in cohort 2");
        assertThatThrownBy(() -> run(population(), DEFINITIONS.replace("  - id: low_activation", "  - id: [low_activation")))
                .hasMessageContaining("not valid YAML").hasMessageContaining("line");
        assertThatThrownBy(() -> run(population(), DEFINITIONS.replace("id: section_117", "id: older_multimorbid")))
                .hasMessageContaining("line 11").hasMessageContaining("used twice");
        assertThatThrownBy(() -> run(population(), DEFINITIONS.replace("under_represented_below: 0.8", "under_represented_below: lots")))
                .hasMessageContaining("line 4").hasMessageContaining("ratio");
    }

    @Test
    void refusesAMissingDefinitionFileBeforeWritingAnything() throws Exception {
        Path pipeline = population().writeTo(temporary.resolve("pipeline"));

        assertThatThrownBy(() -> Cohorts.run(new CohortRequest(new PipelineOutput(pipeline), null, temporary.resolve("missing.yaml"),
                null, temporary.resolve("out"), false, DuckDbSettings.defaults())))
                .hasMessageContaining("missing.yaml does not exist");
        assertThat(temporary.resolve("out")).doesNotExist();
    }

    @Test
    void acceptsEveryBuiltInDefinition() throws Exception {
        Path pipeline = population().writeTo(temporary.resolve("pipeline"));

        CohortResult result = Cohorts.run(new CohortRequest(new PipelineOutput(pipeline), null, null, null,
                temporary.resolve("out"), false, DuckDbSettings.defaults()));

        assertThat(result.sizes()).extracting(CohortSize::cohortId).contains("older_multimorbid", "section_117",
                "continuing_healthcare", "learning_disability_autism", "frequent_emergency_admissions", "low_activation");
    }

    private PipelineOutputFixture population() {
        PipelineOutputFixture fixture = new PipelineOutputFixture()
                .person("old-four", 80, "2", "A", 3)
                .register("old-four", "HYP", null).register("old-four", "DM", null).register("old-four", "CHD", null)
                .register("old-four", "AF", null)
                .person("young-four", 60, "1", "A", 3)
                .register("young-four", "HYP", null).register("young-four", "DM", null).register("young-four", "CHD", null)
                .register("young-four", "AF", null)
                .person("aftercare", 40, "1", "B", 1).flags(false, false, true, false, false, false)
                .person("pam-47", 50, "2", "A", 4).activation("47.0", null)
                .person("pam-55", 50, "2", "A", 4).activation("55.1", null)
                .person("pam-56", 50, "2", "A", 4).activation("55.2", null)
                .person("admitted", 70, "1", "A", 6);
        for (int i = 1; i <= 3; i++) {
            fixture.activity("admitted", Setting.ADMITTED_PATIENT_CARE, "R0A", "300", "NEL", "2024-0" + (i + 4) + "-01",
                    "2024-0" + (i + 4) + "-03", "1", "spell", "2500.00", "J441");
        }
        return fixture;
    }

    private List<List<String>> run(PipelineOutputFixture fixture, String definitions) throws Exception {
        Path pipeline = fixture.writeTo(temporary.resolve("pipeline-" + System.nanoTime()));
        Path file = Files.writeString(temporary.resolve("cohorts.yaml"), definitions);
        Path out = temporary.resolve("out-" + System.nanoTime());
        CohortResult result = Cohorts.run(new CohortRequest(new PipelineOutput(pipeline), null, file, null, out, false,
                DuckDbSettings.defaults()));
        return DatabaseRows.rows("SELECT cohort_id, person_pseudonym FROM read_parquet("
                + DuckDb.literal(result.folder().resolve(Cohorts.MEMBERS_PARQUET).toString()) + ") WHERE financial_year = '2024/25'"
                + " ORDER BY 1, 2");
    }

    private List<List<String>> equality(PipelineOutputFixture fixture, String cohort, String dimension) throws Exception {
        Path pipeline = fixture.writeTo(temporary.resolve("pipeline"));
        CohortResult result = Cohorts.run(new CohortRequest(new PipelineOutput(pipeline), null, null, null,
                temporary.resolve("out"), false, DuckDbSettings.defaults()));
        return DatabaseRows.rows("SELECT population_group, cohort_people, under_represented FROM read_csv("
                + DuckDb.literal(result.folder().resolve("cohort_equality.csv").toString()) + ", all_varchar = true) WHERE cohort_id = "
                + DuckDb.literal(cohort) + " AND dimension = " + DuckDb.literal(dimension) + " AND financial_year = '2024/25'");
    }
}
