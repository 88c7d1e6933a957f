package org.almoner.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.almoner.engine.ingest.FileAccount;
import org.almoner.engine.pipeline.PipelineResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The DuckDB pipeline and the Spark runner on the same generated population (with bad rows added, {@link ParityRun}),
 * and their outputs compared: both engines' files read side by side, row by row.
 */
@ExtendWith(ParityRun.Resolver.class)
class SparkParityTest {

    private final ParityRun run;
    private final PipelineResult duck;
    private final SparkResult spark;
    private final Path duckOutput;
    private final Path sparkOutput;
    private final Path duckRisk;
    private final Path duckCohorts;
    private final Path duckStatements;

    SparkParityTest(ParityRun run) {
        this.run = run;
        this.duck = run.duck;
        this.spark = run.spark;
        this.duckOutput = run.duckOutput;
        this.sparkOutput = run.sparkOutput;
        this.duckRisk = run.duckRisk;
        this.duckCohorts = run.duckCohorts;
        this.duckStatements = run.duckStatements;
    }

    @Test
    void everyFileHasTheSameRowsReadLoadedAndRejected() {
        Map<String, FileAccount> byDuck = byFileName(duck.ingest().accounts());
        Map<String, FileAccount> bySpark = byFileName(spark.files());
        assertThat(bySpark.keySet()).containsExactlyInAnyOrderElementsOf(byDuck.keySet());
        byDuck.forEach((file, account) -> {
            FileAccount other = bySpark.get(file);
            assertThat(List.of(other.kind(), other.read(), other.loaded(), other.rejected())).as(file)
                    .isEqualTo(List.of(account.kind(), account.read(), account.loaded(), account.rejected()));
        });
        assertThat(spark.rowsRejected()).isEqualTo(duck.ingest().rowsRejected()).isGreaterThanOrEqualTo(ParityRun.BadRows.REJECTED);
    }

    @Test
    void readsParquetInputAsCsv() {
        assertThat(spark.files()).extracting(FileAccount::file).anyMatch(file -> file.endsWith("/diagnoses.parquet"))
                .anyMatch(file -> file.endsWith("/" + run.parquetActivityFile)).anyMatch(file -> file.endsWith(".csv"));
        FileAccount diagnoses = byFileName(spark.files()).get("diagnoses.parquet");
        assertThat(diagnoses.loaded()).isEqualTo(byFileName(duck.ingest().accounts()).get("diagnoses.parquet").loaded()).isPositive();
    }

    @Test
    void rejectsTheSameRowsForTheSameReasons() throws SQLException {
        String duckRejects = "SELECT regexp_extract(source_file, '[^/]+$') AS file, field, reason FROM read_csv('"
                + duckOutput.resolve("quality/rejects.csv") + "', all_varchar = true)";
        String sparkRejects = "SELECT regexp_extract(source_file, '[^/]+$') AS file, field, reason FROM read_csv('"
                + sparkOutput.resolve("quality/rejects.csv") + "/*.csv', all_varchar = true)";
        assertSameRows(duckRejects, sparkRejects, ParityRun.BadRows.REJECTED);
    }

    @Test
    void linksAndCostsEveryActivityRowAlikeToThePenny() throws SQLException {
        String columns = "source_system, source_record_id, setting, person_pseudonym, link_method, source_person_pseudonym,"
                + " nhs_number_status, age_at_start, sex, postcode_district, start_date, end_date, units, unit_type, local_cost,"
                + " financial_year, cost, costing_method, cost_basis";
        long rows = assertSameRows("SELECT " + columns + " FROM read_parquet('" + duckOutput.resolve("linked/activity.parquet") + "')",
                "SELECT " + columns + " FROM read_parquet('" + sparkOutput.resolve("linked/activity.parquet") + "/*.parquet')", 5L * ParityRun.PEOPLE);
        assertThat(rows).isEqualTo(duck.linkage().rows());
        // Links both ways: rows linked on the NHS number and rows left unlinked, compared alike.
        assertThat(spark.linkage().values().stream().flatMap(methods -> methods.keySet().stream()).distinct())
                .contains("NHS_NUMBER", "UNLINKED");
    }

    @Test
    void totalsEachCostingMethodToThePenny() {
        Map<String, SparkResult.Tally> duckTotals = new HashMap<>();
        // DuckDB's result lists every method, with zero rows where none was used; Spark's lists the methods used.
        duck.costing().byMethod().entrySet().stream().filter(entry -> entry.getValue().rows() > 0).forEach(entry -> duckTotals
                .put(entry.getKey().name(), new SparkResult.Tally(entry.getValue().rows(), entry.getValue().cost().setScale(2))));
        assertThat(spark.costing()).isEqualTo(duckTotals);
        // Every way of pricing a row is compared: the population is big enough to need each.
        assertThat(spark.costing()).containsKeys("TARIFF", "REFERENCE_COST", "LOCAL_COST", "UNIT_COST");
    }

    @Test
    void splitsEachMentalHealthClusterRowIntoTheSameComponentsToThePenny() throws SQLException {
        String duckComponents = duckOutput.resolve("linked/mental_health_cluster_components.parquet").toString();
        String sparkComponents = sparkOutput.resolve("linked/mental_health_cluster_components.parquet") + "/*.parquet";
        assertSameRows("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('" + duckComponents + "'))",
                "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('" + sparkComponents + "'))", 6);
        // activity_id differs between the engines: each component is compared by the row it splits.
        String sparkActivity = sparkOutput.resolve("linked/activity.parquet") + "/*.parquet";
        long components = assertSameRows(componentsOfRows(duckComponents, duckOutput.resolve("linked/activity.parquet").toString()),
                componentsOfRows(sparkComponents, sparkActivity), 40);
        assertThat(count("SELECT count(*) FROM read_parquet('" + sparkComponents + "')")).isEqualTo(components);
        // Each split row's components add up to its cost, and some needed the pennies left over shared out.
        assertThat(count("SELECT count(*) FROM (SELECT a.cost, sum(c.cost) AS components FROM read_parquet('" + sparkComponents
                + "') c JOIN read_parquet('" + sparkActivity + "') a USING (activity_id) GROUP BY a.activity_id, a.cost)"
                + " WHERE components <> cost")).isZero();
        assertThat(count("SELECT count(*) FROM read_parquet('" + sparkComponents + "') c JOIN read_parquet('" + sparkActivity
                + "') a USING (activity_id) WHERE c.cost * 100 <> floor(a.cost * c.share * 100)")).isGreaterThanOrEqualTo(3);
        assertThat(spark.mentalHealthRowsWithoutSplit()).isEqualTo(duck.costing().mentalHealthRowsWithoutSplit()).isPositive();
    }

    @Test
    void listsTheSameUncostedRowsForTheSameReasons() throws Exception {
        Path duckFile = duckOutput.resolve("costing/uncosted.csv");
        Path sparkFile;
        try (Stream<Path> files = Files.list(sparkOutput.resolve("costing/uncosted.csv"))) {
            sparkFile = files.filter(file -> file.getFileName().toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        assertThat(Files.readAllLines(sparkFile).getFirst()).isEqualTo(Files.readAllLines(duckFile).getFirst());
        // Every column but activity_id, which differs between the engines.
        String columns = "source_system, source_record_id, setting, provider_code, service_code, point_of_delivery, start_date,"
                + " financial_year, units, unit_type, currency_type, currency_code, reason";
        long rows = assertSameRows("SELECT " + columns + " FROM read_csv('" + duckFile + "', all_varchar = true)",
                "SELECT " + columns + " FROM read_csv('" + sparkFile + "', all_varchar = true)", 1);
        assertThat(rows).isEqualTo(duck.costing().uncosted()).isEqualTo(spark.uncostedRows());
        assertThat(count("SELECT count(*) FROM read_csv('" + sparkFile + "', all_varchar = true) WHERE source_record_id = 'UNCOSTED-1'"
                + " AND reason LIKE '%no reference cost for MH_CLUSTER MHCC09 per cluster_day in 2024/25%'")).isOne();
    }

    private static String componentsOfRows(String components, String activity) {
        return "SELECT a.source_system, a.source_record_id, c.cluster, c.component, c.share, c.cost, c.suitable_for_personal_health_budget"
                + " FROM read_parquet('" + components + "') c JOIN read_parquet('" + activity + "') a USING (activity_id)";
    }

    @Test
    void pseudonymisesThePopulationAlike() throws SQLException {
        assertSameRows("SELECT * FROM read_parquet('" + duckOutput.resolve("linked/people.parquet") + "')",
                "SELECT * FROM read_parquet('" + sparkOutput.resolve("linked/people.parquet") + "/*.parquet')", ParityRun.PEOPLE);
        assertSameRows("SELECT * FROM read_parquet('" + duckOutput.resolve("linked/diagnoses.parquet") + "')",
                "SELECT * FROM read_parquet('" + sparkOutput.resolve("linked/diagnoses.parquet") + "/*.parquet')", ParityRun.PEOPLE / 10);
        assertSameRows("SELECT * FROM read_parquet('" + duckOutput.resolve("linked/condition_registers.parquet") + "')",
                "SELECT * FROM read_parquet('" + sparkOutput.resolve("linked/condition_registers.parquet") + "/*.parquet')", ParityRun.PEOPLE / 10);
    }

    @Test
    void summarisesEachPersonAndYearAlike() throws SQLException {
        long rows = assertSameRows("SELECT * FROM read_parquet('" + duckOutput.resolve("summary/person_year_summary.parquet") + "')",
                "SELECT * FROM read_parquet('" + sparkOutput.resolve("summary/person_year_summary.parquet") + "/*.parquet')", ParityRun.PEOPLE);
        assertThat(rows).isEqualTo(spark.personYears());
    }

    @Test
    void stratifiesEachPersonAndYearAlike() throws SQLException {
        long rows = assertSameRows("SELECT * FROM read_parquet('" + duckRisk.resolve("person_year_risk.parquet") + "')",
                "SELECT * FROM read_parquet('" + sparkOutput.resolve("risk/person_year_risk.parquet") + "/*.parquet')", ParityRun.PEOPLE);
        assertThat(rows).isEqualTo(spark.personYearsStratified());
        // Not a comparison of empty scores: the generated population has conditions, frailty and frequent attenders.
        assertThat(count("SELECT count(*) FROM read_parquet('" + duckRisk.resolve("person_year_risk.parquet")
                + "') WHERE charlson_index > 0 AND ltc_count > 0 AND hospital_frailty_risk_score > 0")).isPositive();
    }

    @Test
    void putsTheSamePeopleInEachCohort() throws SQLException {
        long rows = assertSameRows("SELECT * FROM read_parquet('" + duckCohorts.resolve("cohort_members.parquet") + "')",
                "SELECT * FROM read_parquet('" + sparkOutput.resolve("cohorts/cohort_members.parquet") + "/*.parquet')", 25);
        assertThat(rows).isEqualTo(spark.cohortMemberships());
        assertThat(count("SELECT count(DISTINCT cohort_id) FROM read_parquet('" + duckCohorts.resolve("cohort_members.parquet")
                + "')")).isGreaterThan(1);
    }

    @Test
    void sizesCostsAndJudgesEachCohortAlike() throws SQLException {
        long sizes = assertSameRows(duckCohorts, "cohorts/", "cohort_summary", 4);
        assertThat(count("SELECT count(*) FROM read_parquet('" + duckCohorts.resolve("cohort_summary.parquet") + "') WHERE people > 0"
                + " AND average_cost_per_person > 0")).isPositive().isLessThanOrEqualTo(sizes);
        assertSameRows(duckCohorts, "cohorts/", "cohort_cost_by_provider", 10);
        assertSameRows(duckCohorts, "cohorts/", "cohort_equality", 50);
        // The flags are compared too: the generated population has groups judged and, with these definitions, some flagged.
        assertThat(count("SELECT count(*) FROM read_parquet('" + duckCohorts.resolve("cohort_equality.parquet") + "') WHERE judged"
                + " AND representation_ratio IS NOT NULL")).isPositive();
    }

    @Test
    void writesTheSameSystemStatementLinesToThePenny() throws SQLException {
        long lines = assertSameRows(duckStatements, "system_statement", 25);
        assertThat(lines).isEqualTo(spark.statements().systemStatementLines());
        // Lines worth comparing: costed, in personal budgets and not, with needs adjustments.
        assertThat(count("SELECT count(DISTINCT include_in_personal_budgets) FROM read_parquet('"
                + duckStatements.resolve("system_statement.parquet") + "') WHERE historic_cost > 0"
                + " AND forecast_cost_with_needs_adjustment > historic_cost")).isEqualTo(2);
    }

    @Test
    void writesTheSamePersonStatementsAndIndicativeBudgetsToThePenny() throws SQLException {
        assertSameRows(duckStatements, "person_statements", 50);
        long budgets = assertSameRows(duckStatements, "indicative_budgets", 25);
        assertThat(budgets).isEqualTo(spark.statements().indicativeBudgets());
        assertThat(count("SELECT count(*) FROM read_parquet('" + duckStatements.resolve("indicative_budgets.parquet")
                + "') WHERE indicative_budget > 0 AND (fluctuating OR deteriorating)")).isPositive();
        assertSameRows(duckStatements, "double_funding", 0);
    }

    /** The DuckDB command's {@code name.parquet} in {@code duckFolder} and the Spark runner's {@code statements/name.parquet}. */
    private long assertSameRows(Path duckFolder, String name, long atLeast) throws SQLException {
        return assertSameRows(duckFolder, "statements/", name, atLeast);
    }

    /** The DuckDB command's {@code name.parquet} in {@code duckFolder} and the Spark runner's {@code sparkFolder/name.parquet}. */
    private long assertSameRows(Path duckFolder, String sparkFolder, String name, long atLeast) throws SQLException {
        return assertSameRows("SELECT * FROM read_parquet('" + duckFolder.resolve(name + ".parquet") + "')",
                "SELECT * FROM read_parquet('" + sparkOutput.resolve(sparkFolder + name + ".parquet") + "/*.parquet')", atLeast);
    }

    private long assertSameRows(String duckQuery, String sparkQuery, long atLeast) throws SQLException {
        return run.assertSameRows(duckQuery, sparkQuery, atLeast);
    }

    private long count(String query) throws SQLException {
        return run.count(query);
    }

    private static Map<String, FileAccount> byFileName(List<FileAccount> accounts) {
        Map<String, FileAccount> byName = new HashMap<>();
        accounts.forEach(account -> byName.put(account.file().substring(account.file().lastIndexOf('/') + 1), account));
        return byName;
    }
}
