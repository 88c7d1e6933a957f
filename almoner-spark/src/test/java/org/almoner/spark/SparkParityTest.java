package org.almoner.spark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.almoner.engine.cohorts.CohortRequest;
import org.almoner.engine.cohorts.Cohorts;
import org.almoner.engine.console.Progress;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.format.InputFile;
import org.almoner.engine.generator.GeneratorSettings;
import org.almoner.engine.generator.PopulationGenerator;
import org.almoner.engine.ingest.FileAccount;
import org.almoner.engine.pipeline.Pipeline;
import org.almoner.engine.pipeline.PipelineRequest;
import org.almoner.engine.pipeline.PipelineResult;
import org.almoner.engine.pseudonymisation.PseudonymisationKey;
import org.almoner.engine.statements.StatementRequest;
import org.almoner.engine.statements.Statements;
import org.almoner.engine.stratification.PipelineOutput;
import org.almoner.engine.stratification.RiskStratification;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DuckDB pipeline and the Spark runner on the same generated population (with bad rows added), and
 * their outputs compared: both engines' files read side by side, row by row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkParityTest {

    private static final PseudonymisationKey KEY = PseudonymisationKey.of("parity-".repeat(8), "test");
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    @TempDir
    static Path folder;

    private PipelineResult duck;
    private SparkResult spark;
    private Path duckOutput;
    private Path sparkOutput;
    private Path duckRisk;
    private Path duckCohorts;
    private Path duckStatements;
    private String parquetActivityFile;
    private Connection reader;

    @BeforeAll
    void runBothEngines() throws Exception {
        Path input = folder.resolve("input");
        PopulationGenerator.generate(GeneratorSettings.of(1_000, 11, input).withThreads(1), Progress.silent("generate"));
        BadRows.addTo(input);
        parquetActivityFile = ParquetInput.convert(input);
        duckOutput = folder.resolve("duckdb");
        sparkOutput = folder.resolve("spark");
        duck = new Pipeline(List.of(), Pipeline.StageListener.silent()).run(new PipelineRequest(input, null, duckOutput, null,
                KEY, AS_OF, 30, false, new DuckDbSettings(2, 1024, null)));
        duckRisk = folder.resolve("duckdb-risk");
        RiskStratification.run(new PipelineOutput(duckOutput), duckRisk, false, new DuckDbSettings(2, 1024, null));
        duckCohorts = folder.resolve("duckdb-cohorts");
        Cohorts.run(new CohortRequest(new PipelineOutput(duckOutput), duckRisk, null, null, duckCohorts, false,
                new DuckDbSettings(2, 1024, null)));
        duckStatements = folder.resolve("duckdb-statements");
        Statements.run(new StatementRequest(new PipelineOutput(duckOutput), duckRisk, duckCohorts, null, null, null, List.of(), List.of(),
                duckStatements, false, new DuckDbSettings(2, 1024, null)));
        SparkSession session = SparkSession.builder().master("local[2]").appName("almoner-parity")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        try {
            spark = new SparkPipeline(session).run(new SparkRequest(input.toString(), sparkOutput.toString(), null, KEY, AS_OF, false, null, null));
        } finally {
            session.stop();
        }
        reader = DuckDb.open(null, new DuckDbSettings(2, 1024, null));
    }

    @AfterAll
    void close() throws SQLException {
        if (reader != null) {
            reader.close();
        }
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
        assertThat(spark.rowsRejected()).isEqualTo(duck.ingest().rowsRejected()).isGreaterThanOrEqualTo(BadRows.REJECTED);
    }

    @Test
    void readsParquetInputAsCsv() {
        assertThat(spark.files()).extracting(FileAccount::file).anyMatch(file -> file.endsWith("/diagnoses.parquet"))
                .anyMatch(file -> file.endsWith("/" + parquetActivityFile)).anyMatch(file -> file.endsWith(".csv"));
        FileAccount diagnoses = byFileName(spark.files()).get("diagnoses.parquet");
        assertThat(diagnoses.loaded()).isEqualTo(byFileName(duck.ingest().accounts()).get("diagnoses.parquet").loaded()).isPositive();
    }

    @Test
    void rejectsTheSameRowsForTheSameReasons() throws SQLException {
        String duckRejects = "SELECT regexp_extract(source_file, '[^/]+$') AS file, field, reason FROM read_csv('"
                + duckOutput.resolve("quality/rejects.csv") + "', all_varchar = true)";
        String sparkRejects = "SELECT regexp_extract(source_file, '[^/]+$') AS file, field, reason FROM read_csv('"
                + sparkOutput.resolve("quality/rejects.csv") + "/*.csv', all_varchar = true)";
        assertSameRows(duckRejects, sparkRejects, BadRows.REJECTED);
    }

    @Test
    void linksAndCostsEveryActivityRowAlikeToThePenny() throws SQLException {
        String columns = "source_system, source_record_id, setting, person_pseudonym, link_method, source_person_pseudonym,"
                + " nhs_number_status, age_at_start, sex, postcode_district, start_date, end_date, units, unit_type, local_cost,"
                + " financial_year, cost, costing_method, cost_basis";
        long rows = assertSameRows("SELECT " + columns + " FROM read_parquet('" + duckOutput.resolve("linked/activity.parquet") + "')",
                "SELECT " + columns + " FROM read_parquet('" + sparkOutput.resolve("linked/activity.parquet") + "/*.parquet')", 10_000);
        assertThat(rows).isEqualTo(duck.linkage().rows());
    }

    @Test
    void totalsEachCostingMethodToThePenny() {
        Map<String, SparkResult.Tally> duckTotals = new HashMap<>();
        // DuckDB's result lists every method, with zero rows where none was used; Spark's lists the methods used.
        duck.costing().byMethod().entrySet().stream().filter(entry -> entry.getValue().rows() > 0).forEach(entry -> duckTotals
                .put(entry.getKey().name(), new SparkResult.Tally(entry.getValue().rows(), entry.getValue().cost().setScale(2))));
        assertThat(spark.costing()).isEqualTo(duckTotals);
        assertThat(spark.costing()).containsKeys("TARIFF", "LOCAL_COST");
    }

    @Test
    void pseudonymisesThePopulationAlike() throws SQLException {
        assertSameRows("SELECT * FROM read_parquet('" + duckOutput.resolve("linked/people.parquet") + "')",
                "SELECT * FROM read_parquet('" + sparkOutput.resolve("linked/people.parquet") + "/*.parquet')", 1_000);
        assertSameRows("SELECT * FROM read_parquet('" + duckOutput.resolve("linked/diagnoses.parquet") + "')",
                "SELECT * FROM read_parquet('" + sparkOutput.resolve("linked/diagnoses.parquet") + "/*.parquet')", 100);
        assertSameRows("SELECT * FROM read_parquet('" + duckOutput.resolve("linked/condition_registers.parquet") + "')",
                "SELECT * FROM read_parquet('" + sparkOutput.resolve("linked/condition_registers.parquet") + "/*.parquet')", 100);
    }

    @Test
    void summarisesEachPersonAndYearAlike() throws SQLException {
        long rows = assertSameRows("SELECT * FROM read_parquet('" + duckOutput.resolve("summary/person_year_summary.parquet") + "')",
                "SELECT * FROM read_parquet('" + sparkOutput.resolve("summary/person_year_summary.parquet") + "/*.parquet')", 1_000);
        assertThat(rows).isEqualTo(spark.personYears());
    }

    @Test
    void stratifiesEachPersonAndYearAlike() throws SQLException {
        long rows = assertSameRows("SELECT * FROM read_parquet('" + duckRisk.resolve("person_year_risk.parquet") + "')",
                "SELECT * FROM read_parquet('" + sparkOutput.resolve("risk/person_year_risk.parquet") + "/*.parquet')", 1_000);
        assertThat(rows).isEqualTo(spark.personYearsStratified());
        // Not a comparison of empty scores: the generated population has conditions, frailty and frequent attenders.
        assertThat(count("SELECT count(*) FROM read_parquet('" + duckRisk.resolve("person_year_risk.parquet")
                + "') WHERE charlson_index > 0 AND ltc_count > 0 AND hospital_frailty_risk_score > 0")).isPositive();
    }

    @Test
    void putsTheSamePeopleInEachCohort() throws SQLException {
        long rows = assertSameRows("SELECT * FROM read_parquet('" + duckCohorts.resolve("cohort_members.parquet") + "')",
                "SELECT * FROM read_parquet('" + sparkOutput.resolve("cohorts/cohort_members.parquet") + "/*.parquet')", 50);
        assertThat(rows).isEqualTo(spark.cohortMemberships());
        assertThat(count("SELECT count(DISTINCT cohort_id) FROM read_parquet('" + duckCohorts.resolve("cohort_members.parquet")
                + "')")).isGreaterThan(1);
    }

    @Test
    void sizesCostsAndJudgesEachCohortAlike() throws SQLException {
        long sizes = assertSameRows(duckCohorts, "cohorts/", "cohort_summary", 4);
        assertThat(count("SELECT count(*) FROM read_parquet('" + duckCohorts.resolve("cohort_summary.parquet") + "') WHERE people > 0"
                + " AND average_cost_per_person > 0")).isPositive().isLessThanOrEqualTo(sizes);
        assertSameRows(duckCohorts, "cohorts/", "cohort_cost_by_provider", 20);
        assertSameRows(duckCohorts, "cohorts/", "cohort_equality", 50);
        // The flags are compared too: the generated population has groups judged and, with these definitions, some flagged.
        assertThat(count("SELECT count(*) FROM read_parquet('" + duckCohorts.resolve("cohort_equality.parquet") + "') WHERE judged"
                + " AND representation_ratio IS NOT NULL")).isPositive();
    }

    @Test
    void writesTheSameSystemStatementLinesToThePenny() throws SQLException {
        long lines = assertSameRows(duckStatements, "system_statement", 50);
        assertThat(lines).isEqualTo(spark.statements().systemStatementLines());
        // Lines worth comparing: costed, in personal budgets and not, with needs adjustments.
        assertThat(count("SELECT count(DISTINCT include_in_personal_budgets) FROM read_parquet('"
                + duckStatements.resolve("system_statement.parquet") + "') WHERE historic_cost > 0"
                + " AND forecast_cost_with_needs_adjustment > historic_cost")).isEqualTo(2);
    }

    @Test
    void writesTheSamePersonStatementsAndIndicativeBudgetsToThePenny() throws SQLException {
        assertSameRows(duckStatements, "person_statements", 100);
        long budgets = assertSameRows(duckStatements, "indicative_budgets", 50);
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

    /**
     * Both queries give the same multiset of rows (every column compared by value) and at least
     * {@code atLeast} of them; returns how many.
     */
    private long assertSameRows(String duckQuery, String sparkQuery, long atLeast) throws SQLException {
        long duckRows = count("SELECT count(*) FROM (" + duckQuery + ")");
        long sparkRows = count("SELECT count(*) FROM (" + sparkQuery + ")");
        assertThat(sparkRows).as("rows").isEqualTo(duckRows).isGreaterThanOrEqualTo(atLeast);
        assertThat(sample("(" + duckQuery + ") EXCEPT ALL (" + sparkQuery + ")")).as("rows only DuckDB gave").isEmpty();
        assertThat(sample("(" + sparkQuery + ") EXCEPT ALL (" + duckQuery + ")")).as("rows only Spark gave").isEmpty();
        return duckRows;
    }

    private long count(String query) throws SQLException {
        try (Statement statement = reader.createStatement(); ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private List<String> sample(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = reader.createStatement(); ResultSet result = statement.executeQuery(query + " LIMIT 5")) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(result.getMetaData().getColumnName(i) + "=" + result.getString(i));
                }
                rows.add(String.join(", ", values));
            }
        }
        return rows;
    }

    private static Map<String, FileAccount> byFileName(List<FileAccount> accounts) {
        Map<String, FileAccount> byName = new HashMap<>();
        accounts.forEach(account -> byName.put(account.file().substring(account.file().lastIndexOf('/') + 1), account));
        return byName;
    }

    /**
     * Turns diagnoses.csv and the first activity file into Parquet with natural column types (dates as dates,
     * numbers as numbers), as DuckDB's CSV reader guesses them, so both engines read a mixed folder.
     */
    static final class ParquetInput {

        private ParquetInput() {
        }

        /** Returns the name of the activity file now in Parquet. */
        static String convert(Path input) throws IOException, SQLException {
            Path activity;
            try (Stream<Path> files = Files.list(input.resolve("activity"))) {
                activity = files.filter(file -> file.toString().endsWith(".csv") && !file.getFileName().toString().startsWith("zz_"))
                        .sorted().findFirst().orElseThrow();
            }
            Path diagnoses = input.resolve("diagnoses.csv");
            String activityName = activity.getFileName().toString().replace(".csv", ".parquet");
            try (Connection duckdb = DuckDb.open(null, new DuckDbSettings(1, 512, null)); Statement statement = duckdb.createStatement()) {
                statement.execute("COPY (SELECT * FROM read_csv('" + diagnoses + "', header = true)) TO '"
                        + input.resolve("diagnoses.parquet") + "' (FORMAT parquet)");
                statement.execute("COPY (SELECT * FROM read_csv('" + activity + "', header = true)) TO '"
                        + activity.resolveSibling(activityName) + "' (FORMAT parquet)");
            }
            Files.delete(diagnoses);
            Files.delete(activity);
            return activityName;
        }
    }

    /** Rows that break the row rules and the rules across rows, added to a generated folder. */
    static final class BadRows {

        /** Rows the additions make rejected (each rule once, and both rows of a duplicate). */
        static final int REJECTED = 12;

        private BadRows() {
        }

        static void addTo(Path input) throws IOException {
            Path activityFile;
            try (Stream<Path> files = Files.list(input.resolve("activity"))) {
                activityFile = files.filter(file -> file.toString().endsWith(".csv")).sorted().findFirst().orElseThrow();
            }
            Map<String, String> activity = firstRow(activityFile, InputFile.ACTIVITY);
            List<Map<String, String>> bad = new ArrayList<>();
            bad.add(with(activity, "source_record_id", "BAD-1", "start_date", "2024-13-45"));
            bad.add(with(activity, "source_record_id", "BAD-2", "units", "0"));
            bad.add(with(activity, "source_record_id", "BAD-3", "setting", "hospital"));
            bad.add(with(activity, "source_record_id", "BAD-4", "start_date", "2024-06-10", "end_date", "2024-06-01"));
            bad.add(with(activity, "source_record_id", "BAD-5", "units", "three"));
            bad.add(with(activity, "source_record_id", "BAD-6", "unit_type", ""));
            bad.add(with(activity, "source_record_id", "DUP-1"));
            bad.add(with(activity, "source_record_id", "DUP-1"));
            // Kept, but flagged: an NHS number failing its check digit, and an unreadable optional amount.
            bad.add(with(activity, "source_record_id", "ODD-1", "nhs_number", "999 000 0019"));
            bad.add(with(activity, "source_record_id", "ODD-2", "local_cost", "about 20"));
            writeCsv(input.resolve("activity/zz_bad_rows.csv"), InputFile.ACTIVITY, bad);

            Map<String, String> person = firstRow(input.resolve("people.csv"), InputFile.PEOPLE);
            appendCsv(input.resolve("people.csv"), InputFile.PEOPLE, List.of(
                    with(person, "person_id", "BAD-PERSON-1", "nhs_number", "", "sex", "7"),
                    with(person, "person_id", "TWICE-1", "nhs_number", ""),
                    with(person, "person_id", "TWICE-1", "nhs_number", "")));
            Map<String, String> diagnosis = firstRow(input.resolve("diagnoses.csv"), InputFile.DIAGNOSES);
            appendCsv(input.resolve("diagnoses.csv"), InputFile.DIAGNOSES, List.of(
                    with(diagnosis, "person_id", "NOBODY-1")));
        }

        private static Map<String, String> firstRow(Path file, InputFile format) throws IOException {
            List<String> lines = Files.readAllLines(file, UTF_8);
            String line = lines.get(1);
            if (line.contains("\"")) {
                throw new IllegalStateException("The first row of " + file + " is quoted; pick a plainer row: " + line);
            }
            String[] values = line.split(",", -1);
            List<String> names = format.columnNames();
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                row.put(names.get(i), values[i]);
            }
            return row;
        }

        private static Map<String, String> with(Map<String, String> row, String... columnsAndValues) {
            Map<String, String> changed = new HashMap<>(row);
            for (int i = 0; i < columnsAndValues.length; i += 2) {
                changed.put(columnsAndValues[i], columnsAndValues[i + 1]);
            }
            return changed;
        }

        private static void writeCsv(Path file, InputFile format, List<Map<String, String>> rows) throws IOException {
            Files.writeString(file, String.join(",", format.columnNames()) + "\n" + lines(format, rows), UTF_8);
        }

        private static void appendCsv(Path file, InputFile format, List<Map<String, String>> rows) throws IOException {
            String text = Files.readString(file, UTF_8);
            Files.writeString(file, (text.endsWith("\n") ? text : text + "\n") + lines(format, rows), UTF_8);
        }

        private static String lines(InputFile format, List<Map<String, String>> rows) {
            StringBuilder text = new StringBuilder();
            for (Map<String, String> row : rows) {
                text.append(String.join(",", format.columnNames().stream().map(name -> row.getOrDefault(name, "")).toList()))
                        .append('\n');
            }
            return text.toString();
        }
    }
}
