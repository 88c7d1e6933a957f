package org.almoner.spark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.almoner.engine.pipeline.Pipeline;
import org.almoner.engine.pipeline.PipelineRequest;
import org.almoner.engine.pipeline.PipelineResult;
import org.almoner.engine.pseudonymisation.PseudonymisationKey;
import org.almoner.engine.statements.StatementRequest;
import org.almoner.engine.statements.Statements;
import org.almoner.engine.stratification.PipelineOutput;
import org.almoner.engine.stratification.RiskStratification;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import picocli.CommandLine;

/**
 * One generated population (with bad rows added), run once through the DuckDB pipeline, {@code stratify},
 * {@code cohort} and {@code statement}, and once through the Spark runner, shared by every parity test class of the
 * test run: generating and running both engines is most of the tests' time, so it is done once, not per class. Test
 * classes take it (and the one Spark session of the test run) as a constructor or method parameter through
 * {@link Resolver}; it is closed when the test run ends.
 */
final class ParityRun implements AutoCloseable {

    /**
     * People generated: the fewest that still give every reject, links both ways, every costing method, cohorts with
     * members and equality groups judged, and statement lines in and out of personal budgets.
     */
    static final int PEOPLE = 500;
    static final PseudonymisationKey KEY = PseudonymisationKey.of("parity-".repeat(8), "test");
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final int TIMELINESS_DAYS = 30;

    final Path folder;
    final PipelineResult duck;
    final SparkResult spark;
    final Path duckOutput;
    final Path sparkOutput;
    final Path duckRisk;
    final Path duckCohorts;
    final Path duckStatements;
    final String parquetActivityFile;
    /** What the runner printed: its progress (standard error on the command line) and its summary (standard output). */
    final String runnerProgress;
    final String runnerSummary;
    private final Connection reader;

    private ParityRun(SparkSession session) throws Exception {
        folder = Files.createTempDirectory("almoner-parity");
        Path input = folder.resolve("input");
        PopulationGenerator.generate(GeneratorSettings.of(PEOPLE, 11, input).withThreads(1), Progress.silent("generate"));
        BadRows.addTo(input);
        parquetActivityFile = ParquetInput.convert(input);
        duckOutput = folder.resolve("duckdb");
        sparkOutput = folder.resolve("spark");
        DuckDbSettings database = new DuckDbSettings(2, 1024, null);
        duck = new Pipeline(List.of(), Pipeline.StageListener.silent()).run(new PipelineRequest(input, null, duckOutput, null,
                KEY, AS_OF, TIMELINESS_DAYS, false, database));
        duckRisk = folder.resolve("duckdb-risk");
        RiskStratification.run(new PipelineOutput(duckOutput), duckRisk, false, database);
        duckCohorts = folder.resolve("duckdb-cohorts");
        Cohorts.run(new CohortRequest(new PipelineOutput(duckOutput), duckRisk, null, null, duckCohorts, false, database));
        duckStatements = folder.resolve("duckdb-statements");
        Statements.run(new StatementRequest(new PipelineOutput(duckOutput), duckRisk, duckCohorts, null, null, null, List.of(), List.of(),
                duckStatements, false, database));
        // Through the runner, as `almoner-spark/run-local` and spark-submit run it, on the test run's session.
        SparkRunner runner = new SparkRunner();
        new CommandLine(runner).parseArgs("--in", input.toString(), "--out", sparkOutput.toString(), "--as-of", AS_OF.toString(),
                "--timeliness-days", Integer.toString(TIMELINESS_DAYS));
        ByteArrayOutputStream progressBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream summaryBytes = new ByteArrayOutputStream();
        try (StageProgress progress = StageProgress.to(new PrintStream(progressBytes, true, UTF_8))) {
            spark = runner.runOn(session, KEY, progress, new PrintStream(summaryBytes, true, UTF_8));
        }
        runnerProgress = progressBytes.toString(UTF_8);
        runnerSummary = summaryBytes.toString(UTF_8);
        reader = DuckDb.open(null, database);
    }

    /** The Spark session of the test run: local mode on two cores, few shuffle partitions, no user interface. */
    static SparkSession newSession() {
        SparkSession session = SparkSession.builder().master("local[2]").appName("almoner-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        SparkRelations.configure(session);
        return session;
    }

    @Override
    public void close() throws IOException, SQLException {
        try {
            reader.close();
        } finally {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * Both queries (DuckDB SQL, reading either engine's files) give the same multiset of rows, every column compared by
     * value, and at least {@code atLeast} of them; returns how many.
     */
    long assertSameRows(String duckQuery, String sparkQuery, long atLeast) throws SQLException {
        long duckRows = count("SELECT count(*) FROM (" + duckQuery + ")");
        long sparkRows = count("SELECT count(*) FROM (" + sparkQuery + ")");
        assertThat(sparkRows).as("rows").isEqualTo(duckRows).isGreaterThanOrEqualTo(atLeast);
        assertThat(sample("(" + duckQuery + ") EXCEPT ALL (" + sparkQuery + ")")).as("rows only DuckDB gave").isEmpty();
        assertThat(sample("(" + sparkQuery + ") EXCEPT ALL (" + duckQuery + ")")).as("rows only Spark gave").isEmpty();
        return duckRows;
    }

    /** The single number a DuckDB query gives. */
    long count(String query) throws SQLException {
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

    /**
     * Gives a test a {@link ParityRun} or the {@link SparkSession}, each made once per test run and kept in the root
     * store, which closes them when the run ends.
     */
    static final class Resolver implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == ParityRun.class || type == SparkSession.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SparkSession.class ? session(context) : run(context);
        }

        private static SparkSession session(ExtensionContext context) {
            return store(context).computeIfAbsent(SharedSession.class, type -> new SharedSession(newSession()), SharedSession.class)
                    .session();
        }

        private static ParityRun run(ExtensionContext context) {
            SparkSession session = session(context);
            return store(context).computeIfAbsent(ParityRun.class, type -> {
                try {
                    return new ParityRun(session);
                } catch (Exception e) {
                    throw new IllegalStateException("Could not run both engines on the parity population: " + e.getMessage(), e);
                }
            }, ParityRun.class);
        }

        private static ExtensionContext.Store store(ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.create(ParityRun.class));
        }
    }

    /** The test run's Spark session, stopped when the run ends. */
    private record SharedSession(SparkSession session) implements AutoCloseable {

        @Override
        public void close() {
            session.stop();
        }
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

    /**
     * Rows that break the row rules and the rules across rows, added to a generated folder, and a few good rows the
     * generator does not make (mental health cluster periods whose costs split into fractions of a penny).
     */
    static final class BadRows {

        /** Rows the additions make rejected (each rule once, and both rows of a duplicate). */
        static final int REJECTED = 12;
        /** The activity file of bad rows. */
        static final String ACTIVITY_FILE = "zz_bad_rows.csv";

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
            // Kept, and costed: mental health cluster periods of part days, whose costs do not split into whole pennies
            // (the generated ones are whole days at whole-pound prices, which always do), so the largest remainder
            // method is exercised, its tie on the remainder broken by share (MH-3); and a cluster with no split rule.
            bad.add(mentalHealthPeriod(activity, "MH-1", "MHCC05", "2024-05-01", "2.37", ""));
            bad.add(mentalHealthPeriod(activity, "MH-2", "MHCC14", "2023-11-15", "1.33", ""));
            bad.add(mentalHealthPeriod(activity, "MH-3", "MHCC01", "2024-08-20", "0.5", ""));
            bad.add(mentalHealthPeriod(activity, "MH-4", "MHCC09", "2024-09-02", "3", "37.21"));
            // Kept, and uncosted: a cluster with no price at any level.
            bad.add(mentalHealthPeriod(activity, "UNCOSTED-1", "MHCC09", "2024-09-03", "2", ""));
            writeCsv(input.resolve("activity").resolve(ACTIVITY_FILE), InputFile.ACTIVITY, bad);

            Map<String, String> person = firstRow(input.resolve("people.csv"), InputFile.PEOPLE);
            appendCsv(input.resolve("people.csv"), InputFile.PEOPLE, List.of(
                    with(person, "person_id", "BAD-PERSON-1", "nhs_number", "", "sex", "7"),
                    with(person, "person_id", "TWICE-1", "nhs_number", ""),
                    with(person, "person_id", "TWICE-1", "nhs_number", "")));
            Map<String, String> diagnosis = firstRow(input.resolve("diagnoses.csv"), InputFile.DIAGNOSES);
            appendCsv(input.resolve("diagnoses.csv"), InputFile.DIAGNOSES, List.of(
                    with(diagnosis, "person_id", "NOBODY-1")));
        }

        private static Map<String, String> mentalHealthPeriod(Map<String, String> row, String id, String cluster, String start,
                String units, String localCost) {
            return with(row, "source_record_id", id, "setting", "mental_health", "provider_code", "R0D", "service_code",
                    "COMMUNITY_MENTAL_HEALTH", "point_of_delivery", "", "start_date", start, "end_date", start, "units", units,
                    "unit_type", "cluster_day", "currency_code", cluster, "currency_type", "MH_CLUSTER", "primary_diagnosis", "F329",
                    "local_cost", localCost, "recorded_date", start);
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
