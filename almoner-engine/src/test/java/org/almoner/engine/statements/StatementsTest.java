package org.almoner.engine.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

class StatementsTest {

    @TempDir
    Path temporary;

    private static final String RULES = """
            version: test-rules-7
            base_year: 2024/25
            need_bands:
              - band: high
                rule: ltc_count >= 2
              - band: lower
                rule: ltc_count >= 0
            adjustments:
              deteriorating:
                rule: right_to_have_section_117
                percent: 10
              fluctuating:
                change_above_percent: 50
            services:
              - {setting: community, service: DISTRICT_NURSING, funder: NHS, include: yes, when: now, purpose: Nursing at home}
              - {setting: prescribing, service: '*', funder: NHS, include: no, when: never, purpose: Medicines}
              - {setting: social_care, service: HOME_CARE, funder: SOCIAL_CARE, include: yes, when: now, need_met: personal care at home,
                 purpose: Personal care at home}
              - {setting: continuing_healthcare, service: CHC_HOME_CARE, funder: NHS, include: yes, when: now,
                 need_met: personal care at home, purpose: "NHS Continuing Healthcare at home"}
              - {setting: education, service: '*', funder: EDUCATION, include: yes, when: now, purpose: EHC plan provision}
              - {setting: outpatients, service: '*', funder: NHS, include: no, when: April 2027, purpose: Outpatients}
            """;

    @Test
    void systemStatementHasEveryColumnTheHandbookLists() throws Exception {
        Path out = run(population(), RULES, List.of());

        String header = Files.readAllLines(out.resolve("system_statement.csv")).getFirst();

        assertThat(header.split(",")).contains("current_provider", "service", "what_the_service_is_for", "how_cost_is_calculated",
                "unit", "units_per_year_per_user", "cost_per_unit", "include_in_personal_budgets", "when_could_it_be_included",
                "anticipated_uptake", "forecast_cost", "forecast_cost_per_person", "need_band", "cohort_id", "rules_version");
    }

    @Test
    void forecastsUptakeTimesUnitsTimesCostPerUnitAsShown() throws Exception {
        Path out = run(population(), RULES, List.of());

        List<List<String>> rows = DatabaseRows.rows("SELECT anticipated_uptake, units_per_year_per_user, cost_per_unit, forecast_cost,"
                + " include_in_personal_budgets, when_could_it_be_included, service FROM read_csv(" + literal(out.resolve("system_statement.csv"))
                + ", all_varchar = true) WHERE cohort_id = 'everyone'");

        assertThat(rows).hasSize(3);
        for (List<String> row : rows) {
            BigDecimal forecast = new BigDecimal(row.get(0)).multiply(new BigDecimal(row.get(1))).multiply(new BigDecimal(row.get(2)));
            assertThat(new BigDecimal(row.get(3))).as("forecast for %s", row).isEqualByComparingTo(forecast);
        }
        assertThat(rows).filteredOn(row -> row.get(6).equals("300")).extracting(row -> row.subList(4, 6))
                .containsOnly(List.of("no", "April 2027"));
        assertThat(rows).filteredOn(row -> row.get(6).equals("DISTRICT_NURSING")).extracting(row -> row.subList(4, 6))
                .containsOnly(List.of("yes", "now"));
    }

    @Test
    void neverSetsABudgetAboveTheCostOfCurrentCare() throws Exception {
        PipelineOutputFixture fixture = new PipelineOutputFixture()
                .person("all-included", 70, "1", "A", 5).flags(false, false, true, false, false, false)
                .activity("all-included", Setting.COMMUNITY, "R0C", "DISTRICT_NURSING", null, "2024-05-01", null, "20", "contact", "1000.00", null)
                .person("with-medicines", 70, "1", "A", 5).flags(false, false, true, false, false, false)
                .activity("with-medicines", Setting.COMMUNITY, "R0C", "DISTRICT_NURSING", null, "2024-05-01", null, "20", "contact", "1000.00", null)
                .activity("with-medicines", Setting.PRESCRIBING, "FA001", "PRESCRIPTION", null, "2024-06-01", null, "10", "item", "500.00", null);

        try (IndicativeBudgets budgets = open(fixture, RULES)) {
            BudgetWorking capped = budgets.statementFor("all-included").orElseThrow().working();
            BudgetWorking roomy = budgets.statementFor("with-medicines").orElseThrow().working();

            assertThat(capped.budgetBeforeCap()).isEqualByComparingTo("1100.00");
            assertThat(capped.indicativeBudget()).isEqualByComparingTo(capped.costOfCurrentCare()).isEqualByComparingTo("1000.00");
            assertThat(capped.capped()).isTrue();
            assertThat(roomy.indicativeBudget()).isEqualByComparingTo("1100.00");
            assertThat(roomy.capped()).isFalse();
        }
    }

    @Test
    void averagesTheYearsOfAFluctuatingConditionAndKeepsASteadyOne() throws Exception {
        PipelineOutputFixture fixture = new PipelineOutputFixture()
                .person("fluctuating", 60, "2", "A", 5)
                .activity("fluctuating", Setting.COMMUNITY, "R0C", "DISTRICT_NURSING", null, "2023-05-01", null, "8", "contact", "400.00", null)
                .activity("fluctuating", Setting.COMMUNITY, "R0C", "DISTRICT_NURSING", null, "2024-05-01", null, "20", "contact", "1000.00", null)
                .activity("fluctuating", Setting.PRESCRIBING, "FA001", "PRESCRIPTION", null, "2024-06-01", null, "10", "item", "900.00", null)
                .person("steady", 60, "2", "A", 5)
                .activity("steady", Setting.COMMUNITY, "R0C", "DISTRICT_NURSING", null, "2023-05-01", null, "18", "contact", "900.00", null)
                .activity("steady", Setting.COMMUNITY, "R0C", "DISTRICT_NURSING", null, "2024-05-01", null, "20", "contact", "1000.00", null);

        try (IndicativeBudgets budgets = open(fixture, RULES)) {
            PersonStatement fluctuating = budgets.statementFor("fluctuating").orElseThrow();
            PersonStatement steady = budgets.statementFor("steady").orElseThrow();

            assertThat(fluctuating.trajectory()).isEqualTo("fluctuating");
            assertThat(fluctuating.working().blendedCost()).isEqualByComparingTo("700.00");
            assertThat(fluctuating.working().indicativeBudget()).isEqualByComparingTo("700.00");
            assertThat(steady.trajectory()).isEqualTo("stable");
            assertThat(steady.working().indicativeBudget()).isEqualByComparingTo("1000.00");
        }
    }

    @Test
    void joinsNhsSocialCareAndEducationInOneFigure() throws Exception {
        PipelineOutputFixture fixture = new PipelineOutputFixture()
                .person("joint", 15, "1", "A", 5)
                .activity("joint", Setting.COMMUNITY, "R0C", "DISTRICT_NURSING", null, "2024-05-01", null, "6", "contact", "300.00", null)
                .activity("joint", Setting.SOCIAL_CARE, "DCA01", "HOME_CARE", null, "2024-05-01", "2024-06-30", "30", "hour", "600.00", null)
                .activity("joint", Setting.EDUCATION, "L0001", "EHC_SPEECH_THERAPY", null, "2024-09-01", null, "2", "session", "100.00", null);

        try (IndicativeBudgets budgets = open(fixture, RULES)) {
            BudgetWorking working = budgets.statementFor("joint").orElseThrow().working();

            assertThat(working.nhsContribution()).isEqualByComparingTo("300.00");
            assertThat(working.socialCareContribution()).isEqualByComparingTo("600.00");
            assertThat(working.educationContribution()).isEqualByComparingTo("100.00");
            assertThat(working.nhsContribution().add(working.socialCareContribution()).add(working.educationContribution()))
                    .isEqualByComparingTo(working.indicativeBudget());
        }
    }

    @Test
    void flagsTheSameNeedPaidForByTwoFundersAtTheSameTime() throws Exception {
        PipelineOutputFixture fixture = new PipelineOutputFixture()
                .person("twice", 80, "2", "A", 2)
                .activity("twice", Setting.CONTINUING_HEALTHCARE, "DCA01", "CHC_HOME_CARE", null, "2024-06-01", "2024-09-30", "100", "hour", "2500.00", null)
                .activity("twice", Setting.SOCIAL_CARE, "DCA01", "HOME_CARE", null, "2024-09-01", "2024-12-31", "80", "hour", "1600.00", null)
                .person("handed-over", 80, "2", "A", 2)
                .activity("handed-over", Setting.SOCIAL_CARE, "DCA01", "HOME_CARE", null, "2024-04-01", "2024-05-31", "80", "hour", "1600.00", null)
                .activity("handed-over", Setting.CONTINUING_HEALTHCARE, "DCA01", "CHC_HOME_CARE", null, "2024-06-01", "2024-09-30", "100", "hour", "2500.00", null);

        try (IndicativeBudgets budgets = open(fixture, RULES)) {
            List<DoubleFunding> twice = budgets.statementFor("twice").orElseThrow().doubleFunding();

            assertThat(twice).hasSize(1);
            assertThat(twice.getFirst().needMet()).isEqualTo("personal care at home");
            assertThat(twice.getFirst().amountPossiblyFundedTwice()).isEqualByComparingTo("1600.00");
            assertThat(twice.getFirst().overlapFrom()).hasToString("2024-09-01");
            assertThat(budgets.statementFor("handed-over").orElseThrow().doubleFunding()).isEmpty();
        }
    }

    @Test
    void showsCostsOnlyForServicesThatCanBeInTheBudget() throws Exception {
        try (IndicativeBudgets budgets = open(population(), RULES)) {
            List<StatementLine> lines = budgets.statementFor("p1").orElseThrow().lines();

            assertThat(lines).extracting(StatementLine::service, StatementLine::includeInBudget)
                    .contains(org.assertj.core.groups.Tuple.tuple("DISTRICT_NURSING", true), org.assertj.core.groups.Tuple.tuple("300", false));
            assertThat(lines).filteredOn(StatementLine::includeInBudget).allSatisfy(line -> assertThat(line.costInBudget()).isNotNull());
            assertThat(lines).filteredOn(line -> !line.includeInBudget()).allSatisfy(line -> assertThat(line.costInBudget()).isNull());
        }
    }

    @Test
    void explainsTheBudgetStepByStepInALetterNamingTheRules() throws Exception {
        PipelineOutputFixture fixture = new PipelineOutputFixture()
                .person("reader", 70, "1", "A", 5).flags(false, false, true, false, false, false)
                .activity("reader", Setting.COMMUNITY, "R0C", "DISTRICT_NURSING", null, "2024-05-01", null, "20", "contact", "1000.00", null);

        try (IndicativeBudgets budgets = open(fixture, RULES)) {
            String letter = budgets.letterFor("reader").orElseThrow();

            assertThat(letter).contains("How your indicative budget was worked out", "Your indicative budget is £1,000.00 a year",
                    "we added 10%", "limited to that", "test-rules-7", "If you think something is wrong", "Nursing at home");
            assertThat(budgets.letterFor("nobody")).isEmpty();
        }
    }

    @Test
    void writesStatementsForCohortMembersAndLettersAsOneFolder() throws Exception {
        Path out = run(population(), RULES, List.of("p1"));

        assertThat(out.resolve("letters/p1.html")).content().contains("How your indicative budget was worked out");
        assertThat(out.resolve("statement-rules.yaml")).content().contains("test-rules-7");
        assertThat(out.resolve("person_statements.csv")).exists();
        assertThat(out.resolve("double_funding.csv")).exists();
        assertThat(out.resolve("system_statement.html")).content().contains("System-level statement of resources");
        assertThat(DatabaseRows.rows("SELECT person_pseudonym, cohorts FROM read_csv(" + literal(out.resolve("indicative_budgets.csv"))
                + ") ORDER BY 1")).containsExactly(List.of("p1", "everyone"), List.of("p2", "everyone"));
    }

    @Test
    void namesTheLineOfAnUnknownSettingOrFieldInTheRules() throws Exception {
        assertThatThrownBy(() -> open(population(), RULES.replace("setting: prescribing", "setting: pharmacy")))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("rules.yaml line 16").hasMessageContaining("unknown setting 'pharmacy'");
        assertThatThrownBy(() -> open(population(), RULES.replace("rule: ltc_count >= 2", "rule: conditions >= 2")))
                .hasMessageContaining("line 5").hasMessageContaining("band 'high'").hasMessageContaining("unknown field 'conditions'")
                .extracting(e -> ((EngineException) e).code()).isEqualTo(EngineErrorCode.BAD_CONFIGURATION);
        assertThatThrownBy(() -> open(population(), RULES.replace("funder: EDUCATION", "funder: SCHOOL")))
                .hasMessageContaining("line 21").hasMessageContaining("NHS, SOCIAL_CARE or EDUCATION");
    }

    @Test
    void letsARecordedNeedsAssessmentTakeThePlaceOfTheRules() throws Exception {
        PipelineOutputFixture fixture = new PipelineOutputFixture()
                .person("assessed-worse", 60, "1", "A", 5)
                .activity("assessed-worse", Setting.COMMUNITY, "R0C", "DISTRICT_NURSING", null, "2024-05-01", null, "20", "contact", "1000.00", null)
                .activity("assessed-worse", Setting.PRESCRIBING, "FA001", "PRESCRIPTION", null, "2024-06-01", null, "10", "item", "900.00", null)
                .person("assessed-better", 60, "1", "A", 5).flags(false, false, true, false, false, false)
                .activity("assessed-better", Setting.COMMUNITY, "R0C", "DISTRICT_NURSING", null, "2024-05-01", null, "20", "contact", "1000.00", null);
        Path needs = Files.writeString(temporary.resolve("needs.csv"), """
                person_pseudonym,trajectory,adjustment_percent,assessed_on
                assessed-worse,deteriorating,25,2025-03-01
                assessed-better,improving,20,
                """);

        try (IndicativeBudgets budgets = open(fixture, RULES, needs)) {
            BudgetWorking worse = budgets.statementFor("assessed-worse").orElseThrow().working();
            PersonStatement better = budgets.statementFor("assessed-better").orElseThrow();

            assertThat(worse.indicativeBudget()).isEqualByComparingTo("1250.00");
            assertThat(worse.trajectoryFrom()).isEqualTo("needs assessment of 2025-03-01");
            assertThat(better.trajectory()).as("the assessment outranks the section 117 rule").isEqualTo("improving");
            assertThat(better.working().indicativeBudget()).isEqualByComparingTo("800.00");
            assertThat(budgets.letterFor("assessed-better").orElseThrow()).contains("says your needs are lessening, so we took off 20%");
        }
    }

    @Test
    void namesTheLineAndFieldOfABadNeedsAssessment() throws Exception {
        Path needs = Files.writeString(temporary.resolve("needs.csv"), """
                person_pseudonym,trajectory,adjustment_percent,assessed_on
                p1,stable,,
                p2,worse,10,
                """);

        assertThatThrownBy(() -> open(population(), RULES, needs))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("needs.csv line 3").hasMessageContaining("field trajectory is 'worse'");
        Path unknown = Files.writeString(temporary.resolve("unknown.csv"), "person_pseudonym,trajectory,adjustment_percent,assessed_on\nnobody,stable,,\n");
        assertThatThrownBy(() -> open(population(), RULES, unknown)).hasMessageContaining("unknown.csv line 2")
                .hasMessageContaining("person nobody is not in the pipeline output");
    }

    private PipelineOutputFixture population() {
        return new PipelineOutputFixture()
                .person("p1", 70, "1", "A", 5).register("p1", "HYP", null).register("p1", "DM", null)
                .activity("p1", Setting.COMMUNITY, "R0C", "DISTRICT_NURSING", null, "2024-05-01", null, "10", "contact", "580.00", null)
                .activity("p1", Setting.OUTPATIENTS, "R0A", "300", "OPFA", "2024-07-01", null, "1", "attendance", "180.00", null)
                .person("p2", 40, "2", "A", 5)
                .activity("p2", Setting.OUTPATIENTS, "R0A", "300", "OPFU", "2024-07-01", null, "3", "attendance", "270.00", null);
    }

    private IndicativeBudgets open(PipelineOutputFixture fixture, String rules) throws Exception {
        return open(fixture, rules, null);
    }

    private IndicativeBudgets open(PipelineOutputFixture fixture, String rules, Path needsAssessments) throws Exception {
        Path pipeline = fixture.writeTo(Files.createTempDirectory(temporary, "pipeline"));
        Path file = Files.writeString(temporary.resolve("rules.yaml"), rules);
        return IndicativeBudgets.open(pipeline, file, needsAssessments, DuckDbSettings.defaults());
    }

    private Path run(PipelineOutputFixture fixture, String rules, List<String> people) throws Exception {
        Path pipeline = fixture.writeTo(temporary.resolve("pipeline"));
        Path file = Files.writeString(temporary.resolve("rules.yaml"), rules);
        Path cohorts = temporary.resolve("cohorts");
        Files.createDirectories(cohorts);
        // Everyone in one cohort, so the statement covers both people.
        copy("COPY (SELECT 'everyone' AS cohort_id, person_pseudonym, '2024/25' AS financial_year FROM read_parquet("
                + literal(pipeline.resolve("linked/people.parquet")) + ")) TO " + literal(cohorts.resolve("cohort_members.parquet"))
                + " (FORMAT parquet)");
        return Statements.run(new StatementRequest(new PipelineOutput(pipeline), null, cohorts, file, null, null, List.of(), people,
                temporary.resolve("out"), false, DuckDbSettings.defaults())).folder();
    }

    private static void copy(String sql) throws Exception {
        try (var connection = DuckDb.open(null, DuckDbSettings.defaults()); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String literal(Path path) {
        return DuckDb.literal(path.toString());
    }
}
