package org.almoner.engine.capitation;

import static org.almoner.engine.capitation.LinkedFixture.csv;
import static org.almoner.engine.capitation.LinkedFixture.rows;
import static org.almoner.engine.capitation.LinkedFixture.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapitationTest {

    @TempDir
    Path folder;

    private CapitationResult run(Path cohortFile, CapitationSettings settings) {
        return new Capitation().run(new CapitationRequest(LinkedFixture.linkedData(), cohortFile, null, settings,
                folder.resolve("capitation-out"), false, new DuckDbSettings(1, 512, null)));
    }

    private static CapitationSettings upliftOf(String percent) {
        CapitationSettings defaults = CapitationSettings.defaults();
        return new CapitationSettings(null, null, new BigDecimal(percent), defaults.poorFitRSquared(), defaults.sharing());
    }

    @Test
    void setsABaselinePerCohortFromTheBaseYearAndUpliftsIt() {
        CapitationResult result = run(null, upliftOf("2.5"));

        assertThat(result.baseYear()).hasToString("2023/24");
        assertThat(result.paymentYear()).hasToString("2024/25");
        String summary = DuckDb.literal(LinkedFixture.linkedData().resolve("summary/person_year_summary.parquet").toString());
        assertThat(result.baselines().stream().mapToLong(CohortBaseline::people).sum())
                .isEqualTo(Long.parseLong(value("SELECT count(*) FROM read_parquet(" + summary + ") WHERE financial_year = '2023/24'")));
        assertThat(result.baselines().stream().map(CohortBaseline::baseYearCost).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(value("SELECT sum(total_cost) FROM read_parquet(" + summary
                        + ") WHERE financial_year = '2023/24'"));
        for (CohortBaseline baseline : result.baselines()) {
            assertThat(baseline.baselinePerPerson()).isEqualByComparingTo(
                    baseline.baseYearCost().divide(BigDecimal.valueOf(baseline.people()), 2, RoundingMode.HALF_UP));
            assertThat(baseline.paymentPerPerson()).isEqualByComparingTo(
                    baseline.baselinePerPerson().multiply(new BigDecimal("1.025")).setScale(2, RoundingMode.HALF_UP));
        }
    }

    @Test
    void paysEachCohortItsBaselineSharedByComplexity() {
        CapitationResult result = run(null, CapitationSettings.defaults());

        Path payments = result.output().resolve("capitation/payments.csv");
        for (CohortBaseline baseline : result.baselines()) {
            List<String> totals = rows("SELECT count(*), sum(CAST(annual_payment AS DECIMAL(18,2))), min(CAST(complexity_factor"
                    + " AS DOUBLE)) FROM " + csv(payments) + " WHERE cohort = " + DuckDb.literal(baseline.cohort())).get(0);
            long people = Long.parseLong(totals.get(0));
            BigDecimal expected = baseline.paymentPerPerson().multiply(BigDecimal.valueOf(people));
            // Each payment is rounded to the penny, so the cohort's total is within a penny a person of its baseline.
            assertThat(new BigDecimal(totals.get(1)).subtract(expected).abs())
                    .isLessThanOrEqualTo(new BigDecimal("0.01").multiply(BigDecimal.valueOf(people)));
            assertThat(Double.parseDouble(totals.get(2))).isPositive();
        }
        assertThat(result.peoplePaid()).isEqualTo(Long.parseLong(value("SELECT count(*) FROM " + csv(payments))));
        assertThat(result.peopleNotPaid()).isZero();
    }

    @Test
    void setsTheCapitationBesideActualSpendPerPersonCohortAndProvider() {
        CapitationResult result = run(null, CapitationSettings.defaults());

        assertThat(result.shadow()).isTrue();
        String summary = DuckDb.literal(LinkedFixture.linkedData().resolve("summary/person_year_summary.parquet").toString());
        BigDecimal actual = new BigDecimal(value("SELECT sum(total_cost) FROM read_parquet(" + summary
                + ") WHERE financial_year = '2024/25'"));
        assertThat(result.gainLoss().actualSpend()).isEqualByComparingTo(actual);
        assertThat(result.gainLoss().capitatedAmount()).isEqualByComparingTo(result.totalPayments());
        Path shadow = result.output().resolve("shadow");
        assertThat(new BigDecimal(value("SELECT sum(CAST(actual_spend AS DECIMAL(18,2))) FROM " + csv(shadow.resolve("by_person.csv")))))
                .isEqualByComparingTo(actual);
        assertThat(new BigDecimal(value("SELECT sum(CAST(capitated_amount AS DECIMAL(18,2))) FROM "
                + csv(shadow.resolve("by_cohort.csv"))))).isEqualByComparingTo(result.totalPayments());
        BigDecimal byProvider = result.shadowByProvider().stream().map(ShadowLine::capitatedAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(byProvider.subtract(result.totalPayments()).abs()).isLessThan(new BigDecimal("1.00"));
        assertThat(result.shadowByProvider()).extracting(ShadowLine::group).contains("R0A", "FA001");
        assertThat(result.shadowByProvider()).allSatisfy(line -> assertThat(line.people()).isPositive());
        assertThat(result.gainLoss().providerShare().add(result.gainLoss().commissionerShare()))
                .isEqualByComparingTo(result.gainLoss().difference());
    }

    @Test
    void writesTheModelItsFitAndAPlainWordsFormula() throws IOException {
        CapitationResult result = run(null, CapitationSettings.defaults());

        Path capitation = result.output().resolve("capitation");
        assertThat(Files.readString(capitation.resolve("complexity_model.txt")))
                .startsWith("Predicted annual cost of a person = ")
                .contains("for each long-term condition on a GP register", "R-squared");
        assertThat(rows("SELECT * FROM " + csv(capitation.resolve("complexity_calibration.csv")) + " WHERE chosen = 'Y'"))
                .hasSize(10);
        assertThat(rows("SELECT model FROM " + csv(capitation.resolve("complexity_models.csv")) + " ORDER BY 1"))
                .containsExactly(List.of("linear"), List.of("two-part log"), List.of("two-part log, smeared by fifth"));
        assertThat(value("SELECT model FROM " + csv(capitation.resolve("complexity_models.csv")) + " WHERE chosen = 'Y'"))
                .isEqualTo(result.model().label());
        assertThat(result.complexity().candidates()).hasSize(3);
        // The model used is the better calibrated, as the rule says.
        assertThat(result.model().calibrationError()).isLessThanOrEqualTo(result.complexity().candidates().stream()
                .mapToDouble(ComplexityModel::calibrationError).min().orElseThrow() + ComplexityChoice.TIE_TOLERANCE);
        assertThat(value("SELECT value FROM " + csv(capitation.resolve("complexity_fit.csv")) + " WHERE measure = 'r_squared'"))
                .isEqualTo(String.format(java.util.Locale.ROOT, "%.4f", result.model().rSquared()));
        String report = Files.readString(result.output().resolve("report.html"));
        assertThat(report).contains("Baseline per cohort", "Calibration", "<svg", "Gain/loss sharing",
                result.baselines().get(0).cohort());
        assertThat(report.contains("The complexity adjustment fits badly")).isEqualTo(!result.model().fitsAcceptably());
        assertThat(report.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://", "https://", "<script");
        assertThat(result.model().observations()).isEqualTo((int) result.baselines().stream()
                .mapToLong(CohortBaseline::people).sum());
    }

    @Test
    void capitatesOnlyThePeopleACohortFileNames() throws IOException {
        String summary = DuckDb.literal(LinkedFixture.linkedData().resolve("summary/person_year_summary.parquet").toString());
        Path cohorts = folder.resolve("cohorts.csv");
        List<List<String>> people = rows("SELECT person_pseudonym, financial_year, CASE WHEN age_at_year_start >= 65"
                + " THEN 'older people' ELSE 'younger adults' END FROM read_parquet(" + summary + ") WHERE age_at_year_start >= 18");
        StringBuilder text = new StringBuilder("person_pseudonym,financial_year,cohort\n");
        people.forEach(row -> text.append(String.join(",", row)).append('\n'));
        text.append("ffffffffffffffffffffffffffffffff,2024/25,older people\n");
        Files.writeString(cohorts, text);

        CapitationResult result = run(cohorts, CapitationSettings.defaults());

        assertThat(result.baselines()).extracting(CohortBaseline::cohort).containsExactly("older people", "younger adults");
        assertThat(result.cohortSource()).contains(cohorts.toString(), "1 of its rows name a person and year not in the linked data");
        assertThat(result.peopleNotPaid()).isEqualTo(Long.parseLong(value("SELECT count(*) FROM read_parquet(" + summary
                + ") WHERE financial_year = '2024/25' AND age_at_year_start < 18")));
    }

    @Test
    void refusesACohortFileWithoutACohortColumn() throws IOException {
        Path cohorts = Files.writeString(folder.resolve("cohorts.csv"), "person_pseudonym,financial_year,group\nabc,2023/24,x\n");

        assertThatThrownBy(() -> run(cohorts, CapitationSettings.defaults()))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining(cohorts.toString())
                .hasMessageContaining("no column 'cohort'");
        assertThat(folder.resolve("capitation-out")).doesNotExist();
    }

    @Test
    void namesTheCohortFileWhenItCannotBeRead() throws IOException {
        Path cohorts = Files.write(folder.resolve("cohorts.parquet"), new byte[] {1, 2, 3, 4});

        assertThatThrownBy(() -> run(cohorts, CapitationSettings.defaults()))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("The cohort file " + cohorts + " cannot be read");
        assertThat(folder.resolve("capitation-out")).doesNotExist();
    }

    @Test
    void refusesAFolderThatIsNotPipelineOutputAndWritesNothing() {
        assertThatThrownBy(() -> new Capitation().run(new CapitationRequest(folder, null, null, CapitationSettings.defaults(),
                folder.resolve("capitation-out"), false, new DuckDbSettings(1, 256, null))))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).code()).isEqualTo(EngineErrorCode.INPUT_NOT_FOUND))
                .hasMessageContaining("person_year_summary.parquet is missing");
        assertThat(folder.resolve("capitation-out")).doesNotExist();
    }
}
