package org.almoner.engine.stratification;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.duckdb.Sql;
import org.almoner.engine.format.Setting;
import org.almoner.engine.pipeline.PublishedFolder;
import org.almoner.engine.stages.Relation;
import org.almoner.engine.stages.SqlDialect;

/**
 * Works out the risk stratification table {@code person_year_risk}: one row per person and financial year of the
 * pipeline's {@code person_year_summary}, with every index and flag beside the person's cost by setting, so cohort
 * rules can use any of them.
 */
public final class RiskStratification {

    /** Names the code lists and rules that produced an output; printed in every file that depends on them. */
    public static final String RULES_VERSION = "almoner-risk-2025.1";

    /** File names of the outputs, inside the stratification output folder. */
    public static final String RISK_PARQUET = "person_year_risk.parquet";

    private RiskStratification() {
    }

    /**
     * Creates {@code person_year_risk} on a connection that already has the pipeline views (see
     * {@link PipelineOutput#createViews}). {@code workFolder} receives copies of the code lists.
     */
    public static void createRiskTable(Connection connection, Path workFolder) {
        CodeLists.load(connection, workFolder);
        List<Relation> relations = definitions(threshold(connection, "emergency_admissions"),
                threshold(connection, "ae_attendances"), SqlDialect.DUCKDB);
        for (Relation relation : relations) {
            boolean last = relation.name().equals("person_year_risk");
            Sql.execute(connection, "CREATE OR REPLACE " + (last ? "TABLE " : "TEMP TABLE ") + relation.name() + " AS\n"
                    + relation.query());
        }
    }

    /**
     * The stratification's relations, shared by every engine, ending with {@code person_year_risk}. They read the
     * pipeline views ({@link PipelineOutput}) and the code lists ({@link CodeLists}).
     *
     * @param emergencyAdmissions admissions in a year that make a frequent emergency admitter
     * @param aeAttendances A&amp;E attendances in a year that make a frequent attender
     */
    public static List<Relation> definitions(int emergencyAdmissions, int aeAttendances, SqlDialect dialect) {
        requireNonNull(dialect, "dialect is null");
        String costColumns = Stream.concat(Arrays.stream(Setting.values())
                        .map(setting -> "       s.cost_%1$s, s.activity_%1$s,".formatted(setting.code())),
                        Stream.of("       s.activity_rows, s.uncosted_rows"))
                .collect(Collectors.joining("\n"));
        String script = Sql.resource(RiskStratification.class, "stratify.sql")
                .replace("${emergency_admissions_threshold}", Integer.toString(emergencyAdmissions))
                .replace("${ae_attendances_threshold}", Integer.toString(aeAttendances))
                .replace("${cost_columns}", costColumns);
        script = EACH_WORD.matcher(script).replaceAll(match -> Matcher.quoteReplacement(dialect.eachWord(match.group(1))));
        script = SORTED_LIST.matcher(script).replaceAll(match -> Matcher.quoteReplacement(
                dialect.sortedList(match.group(1), match.group(2), "'; '")));
        List<Relation> relations = new ArrayList<>();
        for (String statement : statements(script)) {
            String body = statement.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n")).strip();
            Matcher create = CREATE.matcher(body);
            if (!create.matches()) {
                throw new IllegalStateException("stratify.sql has a step that is not a table: " + body.lines().findFirst().orElse(""));
            }
            relations.add(Relation.table(create.group(1), create.group(2).strip()));
        }
        return List.copyOf(relations);
    }

    private static final Pattern EACH_WORD = Pattern.compile("\\$\\{each_word\\((.*?)\\)\\}");
    private static final Pattern SORTED_LIST = Pattern.compile("\\$\\{sorted_list\\(([^,]+), (.*?)\\)\\}");
    private static final Pattern CREATE = Pattern.compile("(?s)CREATE OR REPLACE TABLE ([a-z_][a-z0-9_]*) AS(.*)");

    /**
     * Makes {@code person_year_risk} available: read from an earlier {@code almoner stratify} output when
     * {@code stratificationFolder} is given, else worked out now.
     */
    public static void provideRiskTable(Connection connection, Path workFolder, Path stratificationFolder) {
        if (stratificationFolder == null) {
            createRiskTable(connection, workFolder);
            return;
        }
        Path file = stratificationFolder.resolve(RISK_PARQUET);
        if (!Files.isRegularFile(file)) {
            throw new EngineException(EngineErrorCode.INPUT_NOT_FOUND, "The stratification folder " + stratificationFolder
                    + " has no " + RISK_PARQUET + ". Give the folder `almoner stratify --out` wrote, or leave out"
                    + " --stratification to work it out now.");
        }
        CodeLists.load(connection, workFolder);
        Sql.execute(connection, "CREATE OR REPLACE VIEW person_year_risk AS SELECT * FROM read_parquet("
                + DuckDb.literal(file.toAbsolutePath().toString()) + ")");
    }

    /**
     * The columns of person_year_risk and their DuckDB types, worked out on empty views in a database of its own, so
     * rule files can be checked before any real work.
     */
    public static java.util.Map<String, String> columns(PipelineOutput pipeline, Path workFolder) {
        java.util.Map<String, String> columns = new java.util.LinkedHashMap<>();
        try (Connection connection = DuckDb.open(null, DuckDbSettings.defaults())) {
            pipeline.createEmptyViews(connection);
            createRiskTable(connection, workFolder);
            try (var statement = connection.createStatement(); var rows = statement.executeQuery("DESCRIBE person_year_risk")) {
                while (rows.next()) {
                    columns.put(rows.getString("column_name"), rows.getString("column_type"));
                }
            }
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not work out the stratification's columns: " + e.getMessage(), e);
        }
        return columns;
    }

    /** Splits a script on lines holding only a semicolon. */
    static java.util.List<String> statements(String script) {
        return Arrays.stream(script.split("(?m)^;\\s*$"))
                .map(String::strip)
                .filter(statement -> !statement.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("--")))
                .toList();
    }

    private static int threshold(Connection connection, String measure) {
        return (int) Sql.queryLong(connection, "SELECT threshold FROM list_frequent_attender WHERE measure = "
                + DuckDb.literal(measure));
    }

    /**
     * Stratifies the population of a pipeline output folder and writes {@code person_year_risk.parquet} and
     * {@code .csv}, {@code risk.html} and the code lists used, to {@code out}, which appears whole or not at all.
     */
    public static StratificationResult run(PipelineOutput pipeline, Path out, boolean replace, DuckDbSettings settings) {
        requireNonNull(pipeline, "pipeline is null");
        long start = System.nanoTime();
        try (PublishedFolder folder = PublishedFolder.prepare(out, replace)) {
            Path work = Files.createDirectories(folder.staging().resolve(".work"));
            Path lists = Files.createDirectories(folder.staging().resolve("code-lists"));
            long personYears;
            try (Connection connection = DuckDb.open(null, settings.withTemporaryDirectory(work))) {
                pipeline.createViews(connection);
                createRiskTable(connection, lists);
                Sql.execute(connection, "COPY person_year_risk TO " + DuckDb.literal(folder.staging().resolve(RISK_PARQUET).toString())
                        + " (FORMAT parquet, COMPRESSION zstd)");
                Sql.execute(connection, "COPY person_year_risk TO "
                        + DuckDb.literal(folder.staging().resolve("person_year_risk.csv").toString()) + " (FORMAT csv, HEADER true)");
                personYears = Sql.queryLong(connection, "SELECT count(*) FROM person_year_risk");
                RiskPage.write(connection, pipeline, folder.staging().resolve("risk.html"));
            } catch (SQLException e) {
                throw new EngineException(EngineErrorCode.INTERNAL, "Could not close the work database: " + e.getMessage(), e);
            }
            deleteFolder(work);
            folder.publish();
            return new StratificationResult(folder.target(), personYears, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteFolder(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
