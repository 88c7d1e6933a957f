package org.almoner.engine.release;

import static org.almoner.engine.capitation.LinkedFixture.csv;
import static org.almoner.engine.capitation.LinkedFixture.rows;
import static org.almoner.engine.capitation.LinkedFixture.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.almoner.engine.EngineException;
import org.almoner.engine.capitation.LinkedFixture;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReleaseTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    @TempDir
    Path folder;

    private Release.Outcome run(List<Path> scenarios) {
        return new Release().run(new ReleaseRequest(LinkedFixture.linkedData(), null, null, scenarios, null,
                folder.resolve("release-out"), false, new DuckDbSettings(1, 512, null)));
    }

    @Test
    void comparesTheTwoExampleScenariosSideBySide() throws IOException {
        Release.Outcome outcome = run(List.of(EXAMPLES.resolve("release-staged.yaml"),
                EXAMPLES.resolve("release-fast-capitation.yaml")));

        Path comparison = outcome.output().resolve("comparison.csv");
        assertThat(rows("SELECT scenario, count(*) FROM " + csv(comparison) + " GROUP BY 1 ORDER BY 1")).containsExactly(
                List.of("Double-funding then capitated release", "5"), List.of("Staged release (handbook 3.3)", "5"));
        String html = Files.readString(outcome.output().resolve("comparison.html"));
        assertThat(html).contains("<svg", "Staged release (handbook 3.3)", "Double-funding then capitated release",
                "stability threshold");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://", "https://", "<script");
        assertThat(outcome.output().resolve("scenarios/staged-release-handbook-3-3/provider_stability.csv")).exists();
        ScenarioResult fast = outcome.results().get(1);
        assertThat(fast.totals().get(0).doubleFunding()).isPositive();
        assertThat(fast.totals().get(0).released()).isZero();
        assertThat(fast.totals().get(2).doubleFunding()).isZero();
    }

    @Test
    void releasesNoMoreThanTheBudgetHoldersOwnSpendOfTheGeneratedPopulation() {
        Release.Outcome outcome = run(List.of(EXAMPLES.resolve("release-staged.yaml"),
                EXAMPLES.resolve("release-fast-capitation.yaml")));

        Path activity = LinkedFixture.linkedData().resolve("linked/activity.parquet");
        BigDecimal populationSpend = new BigDecimal(value("SELECT sum(cost)::DECIMAL(18,2) FROM read_parquet("
                + DuckDb.literal(activity.toString()) + ") WHERE financial_year = '2024/25'"));
        for (ScenarioResult result : outcome.results()) {
            int horizon = result.scenario().horizonYears();
            // Everyone in every year at the contracts' growth: more than any take-up can spend.
            BigDecimal ceiling = populationSpend.multiply(BigDecimal.valueOf(horizon))
                    .multiply(BigDecimal.ONE.add(result.scenario().contractGrowthPercent().movePointLeft(2)).pow(horizon));
            assertThat(result.totalReleased().add(result.totalDoubleFunding())).as(result.scenario().name())
                    .isPositive()
                    .isLessThanOrEqualTo(result.totalBudgetHoldersSpend())
                    .isLessThan(ceiling);
            for (YearTotals year : result.totals()) {
                assertThat(year.budgetHoldersContractCost()).isLessThanOrEqualTo(year.budgetHoldersSpend());
                assertThat(year.linkedPopulationValue()).isLessThanOrEqualTo(year.plannedValue());
            }
            for (ReleaseLine line : result.lines()) {
                assertThat(line.released().add(line.doubleFunding())).as(line.contract().contractId() + " " + line.year())
                        .isLessThanOrEqualTo(line.budgetNeed());
            }
        }
        Path cohorts = outcome.output().resolve("contract_cohorts.csv");
        for (List<String> row : rows("SELECT contract_id, sum(CAST(attributed_cost AS DECIMAL(18,2))),"
                + " sum(CAST(cost_in_linked_data AS DECIMAL(18,2))), max(CAST(annual_value AS DECIMAL(18,2))) FROM "
                + csv(cohorts) + " GROUP BY 1")) {
            assertThat(new BigDecimal(row.get(1))).as(row.get(0)).isLessThanOrEqualTo(new BigDecimal(row.get(2)))
                    .isLessThanOrEqualTo(new BigDecimal(row.get(3)));
        }
        assertThat(new BigDecimal(value("SELECT sum(CAST(cost_in_linked_data AS DECIMAL(18,2))) FROM " + csv(cohorts))))
                .isLessThanOrEqualTo(populationSpend);
    }

    @Test
    void attributesEveryActivityRowOfAContractToACohort() {
        Release.Outcome outcome = run(List.of(EXAMPLES.resolve("release-staged.yaml")));

        Path cohorts = outcome.output().resolve("contract_cohorts.csv");
        Path activity = LinkedFixture.linkedData().resolve("linked/activity.parquet");
        String acuteRows = value("SELECT count(*) FROM read_parquet(" + DuckDb.literal(activity.toString()) + ")"
                + " WHERE provider_code = 'R0A' AND financial_year = '2024/25'"
                + " AND setting IN ('admitted_patient_care', 'outpatients', 'a_and_e')");
        assertThat(value("SELECT sum(CAST(activity_rows AS BIGINT)) FROM " + csv(cohorts)
                + " WHERE contract_id = 'C-ICB-001-24'")).isEqualTo(acuteRows);
        for (List<String> row : rows("SELECT contract_id, sum(CAST(share_of_contract_activity AS DOUBLE)) FROM " + csv(cohorts)
                + " WHERE cohort <> 'no activity in the linked data' GROUP BY 1")) {
            assertThat(Double.parseDouble(row.get(1))).as(row.get(0)).isCloseTo(1.0, within(0.0001));
        }
        assertThat(outcome.baseYear()).hasToString("2024/25");
    }

    @Test
    void aBadScenarioFileStopsTheRunAndWritesNothing() throws IOException {
        Path bad = Files.writeString(folder.resolve("bad.yaml"), """
                name: Bad
                horizonYears: 2
                takeUpPercent:
                  default: [1, 2]
                methods:
                  - method: CAPITATED_TOP_SLICE
                    contracts: [C-NOT-REAL]
                """);

        assertThatThrownBy(() -> run(List.of(EXAMPLES.resolve("release-staged.yaml"), bad)))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining(bad + " line 7")
                .hasMessageContaining("no contract 'C-NOT-REAL'");
        assertThat(folder.resolve("release-out")).doesNotExist();
    }

    @Test
    void theCommandPrintsEachScenarioAndWhereTheComparisonIs() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new ReleaseCommand()).setOut(new PrintWriter(out));

        int exit = command.execute("--linked", LinkedFixture.linkedData().toString(), "--scenario",
                EXAMPLES.resolve("release-staged.yaml").toString(), "--out", folder.resolve("cli-out").toString(),
                "--memory-limit", "512");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Staged release (handbook 3.3)", "comparison.html");
        assertThat(folder.resolve("cli-out/comparison.csv")).exists();
    }
}
