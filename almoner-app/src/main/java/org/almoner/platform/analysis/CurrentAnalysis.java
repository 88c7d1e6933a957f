package org.almoner.platform.analysis;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.platform.analysis.internal.AnalysisSteps;
import org.almoner.platform.analysis.internal.PageTables;
import org.duckdb.DuckDBConnection;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The analysis the pages show: the last one published under {@code almoner.analytics.analysis-folder} (by default
 * {@code analysis} beside {@code almoner.analytics.output}). Every read is a DuckDB query, filtered and limited in SQL,
 * over the analysis's page tables ({@link PageTables}), made once when the analysis finished: the published aggregates (a
 * row per cohort, group, provider or service) and the summaries worked out from per-person files, so a page's cost does
 * not grow with the population. Requests read side by side, each on its own connection to the one database.
 */
@Component
public class CurrentAnalysis implements DisposableBean {

    private static final String CURRENT = "current";
    private static final String INFO = "analysis.properties";
    private static final Pattern MONEY = Pattern.compile(
            ".*(cost|budget|amount|capitation|spend|payment|value|released|funding|need|net|support|won_back|elsewhere|baseline|actual|difference|pounds|scope).*");
    private static final DuckDbSettings READING = new DuckDbSettings(1, 256, null);
    private static final DuckDbSettings BUILDING = new DuckDbSettings(2, 1024, null);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_./-]+)\\}\\}");

    private final Path root;

    /** The page tables of the analysis shown, opened once per analysis. */
    private record Opened(AnalysisInfo info, DuckDBConnection database, Set<String> tables) {
    }

    private Opened opened;

    CurrentAnalysis(@Value("${almoner.analytics.analysis-folder:}") String folder, @Value("${almoner.analytics.output:}") String output,
            @Value("${almoner.analytics.data-sets:}") String dataSets) {
        this.root = !folder.isBlank() ? Path.of(folder).toAbsolutePath()
                : !output.isBlank() ? Path.of(output).toAbsolutePath().resolveSibling("analysis")
                : !dataSets.isBlank() ? Path.of(dataSets).toAbsolutePath().resolve("analysis") : null;
    }

    /** Removes what jobs interrupted by a stop left behind (their folders never became the current analysis). */
    void removeLeftovers() {
        if (root == null || !Files.isDirectory(root)) {
            return;
        }
        try (var folders = Files.list(root)) {
            folders.filter(path -> path.getFileName().toString().startsWith(".job-") || path.getFileName().toString().startsWith(".replaced-"))
                    .forEach(AnalysisSteps::deleteFolder);
        } catch (IOException e) {
            // Left for the next start: nothing reads these folders.
        }
    }

    /** The analysis shown, or empty when none has been published yet. */
    public Optional<AnalysisInfo> info() {
        Path file = root == null ? null : root.resolve(CURRENT).resolve(INFO);
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new AnalysisInfo(properties.getProperty("dataSet", "unknown"),
                Instant.parse(properties.getProperty("finishedAt", Instant.EPOCH.toString()))));
    }

    /** A new, empty folder for a job to write into, beside the current analysis (so publishing it is a rename). */
    Path newFolder(UUID job) {
        if (root == null) {
            throw new IllegalStateException("No analysis folder: start the platform with --analytics-output");
        }
        try {
            return Files.createDirectories(root.resolve(".job-" + job));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes a finished job's folder the current analysis, whole; the previous one is removed after. */
    synchronized void publish(Path folder, String dataSet, Instant finishedAt) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("dataSet", dataSet);
        properties.setProperty("finishedAt", finishedAt.toString());
        try (var writer = Files.newBufferedWriter(folder.resolve(INFO), StandardCharsets.UTF_8)) {
            properties.store(writer, "The analysis the platform's pages show");
        }
        Path current = root.resolve(CURRENT);
        Path replaced = root.resolve(".replaced-" + UUID.randomUUID());
        if (Files.exists(current)) {
            Files.move(current, replaced, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(folder, current, StandardCopyOption.ATOMIC_MOVE);
        AnalysisSteps.deleteFolder(replaced);
    }

    // Cohorts

    /** Financial years the cohorts cover, latest first. */
    public List<String> financialYears() {
        return strings("SELECT DISTINCT financial_year FROM " + csv(AnalysisSteps.COHORTS, "cohort_summary.csv") + " ORDER BY 1 DESC");
    }

    /** Every cohort in a year, in the definitions' order, with the number of groups flagged in it. */
    public List<CohortSummary> cohorts(String financialYear) {
        return summaries("WHERE s.financial_year = ?", List.of(financialYear));
    }

    /** One cohort in a year. */
    public Optional<CohortSummary> cohort(String cohortId, String financialYear) {
        return summaries("WHERE s.financial_year = ? AND s.cohort_id = ?", List.of(financialYear, cohortId)).stream().findFirst();
    }

    private List<CohortSummary> summaries(String where, List<Object> parameters) {
        if (info().isEmpty()) {
            return List.of();
        }
        String sql = "SELECT s.cohort_id, s.cohort_name, s.financial_year, s.rule, s.people, s.percent_of_population, s.total_cost,"
                + " s.average_cost_per_person, s.percent_of_population_cost, s.flagged FROM " + PageTables.COHORT_SUMMARIES + " s " + where
                + " ORDER BY s.definition_order";
        List<CohortSummary> summaries = new ArrayList<>();
        query(sql, parameters, rows -> {
            while (rows.next()) {
                summaries.add(new CohortSummary(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getLong(5),
                        rows.getBigDecimal(6), rows.getBigDecimal(7), rows.getBigDecimal(8), rows.getBigDecimal(9), rows.getLong(10)));
            }
        });
        return summaries;
    }

    /**
     * People in at least one cohort in the latest year: the population the programme is for. Counted once per analysis,
     * when it is made (a person may be in several cohorts, so the sizes cannot simply be added).
     */
    public Optional<Long> peopleInCohorts() {
        if (info().isEmpty()) {
            return Optional.empty();
        }
        long[] people = new long[1];
        query("SELECT people FROM " + PageTables.PEOPLE_IN_COHORTS, List.of(), rows -> {
            rows.next();
            people[0] = rows.getLong(1);
        });
        return Optional.of(people[0]);
    }

    /** A cohort's cost by setting in a year, most costly first. */
    public AnalysisTable costBySetting(String cohortId, String financialYear) {
        // People using each provider cannot be added up across providers (one person uses several), so they are left out.
        return table("SELECT setting, count(DISTINCT provider_code) AS providers, sum(activity_rows) AS activity_rows,"
                + " sum(cost)::DECIMAL(18,2) AS cost FROM " + csv(AnalysisSteps.COHORTS, "cohort_cost_by_provider.csv")
                + " WHERE cohort_id = ? AND financial_year = ? GROUP BY setting ORDER BY cost DESC", List.of(cohortId, financialYear), 0, 100);
    }

    /** A cohort's cost by provider in a year, most costly first, a page at a time. */
    public AnalysisTable costByProvider(String cohortId, String financialYear, int page, int pageSize) {
        return table("SELECT setting, provider_code, provider_name, people_using, activity_rows, cost FROM "
                + csv(AnalysisSteps.COHORTS, "cohort_cost_by_provider.csv") + " WHERE cohort_id = ? AND financial_year = ?"
                + " ORDER BY cost DESC, provider_code", List.of(cohortId, financialYear), page, pageSize);
    }

    /** The equality breakdown: each group's share of the cohort beside its share of the population and of those in need. */
    public AnalysisTable equality(String cohortId, String financialYear) {
        return table("SELECT dimension, population_group, cohort_people, percent_of_cohort, percent_of_population,"
                + " percent_of_people_in_need, representation_ratio, judged, under_represented FROM "
                + csv(AnalysisSteps.COHORTS, "cohort_equality.csv") + " WHERE cohort_id = ? AND financial_year = ?"
                + " ORDER BY dimension, population_group", List.of(cohortId, financialYear), 0, 1000);
    }

    // Statements of resources

    /** The base year and rules version the statements were worked out with. */
    public Optional<String> statementBasis() {
        List<String> basis = strings("SELECT DISTINCT 'financial year ' || base_year || ', statement rules ' || rules_version FROM "
                + csv(AnalysisSteps.STATEMENTS, "system_statement.csv"));
        return basis.stream().findFirst();
    }

    /** Cohorts with a statement, and the bands of need in each: cohort id to bands. */
    public Map<String, List<String>> statementCohortsAndBands() {
        Map<String, List<String>> bands = new LinkedHashMap<>();
        if (info().isEmpty()) {
            return bands;
        }
        query("SELECT DISTINCT cohort_id, need_band FROM " + csv(AnalysisSteps.STATEMENTS, "system_statement.csv") + " ORDER BY 1, 2",
                List.of(), rows -> {
                    while (rows.next()) {
                        bands.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getString(2));
                    }
                });
        return bands;
    }

    /** The system-level statement for one cohort and band of need (or every band, when band is null), a page at a time. */
    public AnalysisTable systemStatement(String cohortId, String needBand, int page, int pageSize) {
        return table(statementQuery(needBand), statementParameters(cohortId, needBand), page, pageSize);
    }

    /** The same selection as {@link #systemStatement}, every row, as CSV with the engine's column names. */
    public void systemStatementCsv(String cohortId, String needBand, OutputStream out) throws IOException {
        var writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        query(statementQuery(needBand), statementParameters(cohortId, needBand), rows -> {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> cells = new ArrayList<>();
            for (int column = 1; column <= meta.getColumnCount(); column++) {
                cells.add(meta.getColumnLabel(column));
            }
            write(writer, cells);
            while (rows.next()) {
                cells.clear();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    Object value = rows.getObject(column);
                    cells.add(value == null ? "" : value.toString());
                }
                write(writer, cells);
            }
        });
        writer.flush();
    }

    private static void write(java.io.Writer writer, List<String> cells) {
        try {
            for (int index = 0; index < cells.size(); index++) {
                String cell = cells.get(index);
                boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
                writer.write((index == 0 ? "" : ",") + (quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell));
            }
            writer.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String statementQuery(String needBand) {
        return "SELECT * FROM " + csv(AnalysisSteps.STATEMENTS, "system_statement.csv") + " WHERE cohort_id = ?"
                + (needBand == null ? "" : " AND need_band = ?") + " ORDER BY need_band, historic_cost DESC, current_provider_code, service";
    }

    private static List<Object> statementParameters(String cohortId, String needBand) {
        return needBand == null ? List.of(cohortId) : List.of(cohortId, needBand);
    }

    // Capitation

    /** Lines of the capitation summary, as {@code almoner capitation} prints them. */
    public List<String> capitationSummary() {
        return lines(AnalysisSteps.CAPITATION, "capitation", "summary.txt");
    }

    /** The complexity adjustment's formula in words. */
    public List<String> complexityModelInWords() {
        return lines(AnalysisSteps.CAPITATION, "capitation", "complexity_model.txt");
    }

    /** Each cohort's baseline. */
    public AnalysisTable capitationBaselines() {
        return file(AnalysisSteps.CAPITATION, "capitation/baseline_by_cohort.csv");
    }

    /** How well the complexity adjustment fits. */
    public AnalysisTable complexityFit() {
        return file(AnalysisSteps.CAPITATION, "capitation/complexity_fit.csv");
    }

    /** The shadow year: capitation beside actual spend per cohort (empty when the payment year is not in the data). */
    public AnalysisTable shadowByCohort() {
        return file(AnalysisSteps.CAPITATION, "shadow/by_cohort.csv");
    }

    /** How the overall gain or loss is shared. */
    public AnalysisTable gainLossSharing() {
        return file(AnalysisSteps.CAPITATION, "shadow/gain_loss_sharing.csv");
    }

    // Release of funding

    /** Every scenario's years side by side, as comparison.csv has them. */
    public AnalysisTable releaseComparison() {
        return file(AnalysisSteps.RELEASE, "comparison.csv");
    }

    /**
     * One measure of the comparison per scenario and plan year, for a chart: scenario to values in year order.
     * {@code measure} must be a column of comparison.csv.
     */
    public Map<String, List<BigDecimal>> releaseSeries(String measure) {
        if (!measure.matches("[a-z_]+")) {
            throw new IllegalArgumentException("measure " + measure + " is not a column name");
        }
        Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
        if (!exists(AnalysisSteps.RELEASE, "comparison.csv")) {
            return series;
        }
        query("SELECT scenario, " + measure + "::DECIMAL(18,2) FROM " + csv(AnalysisSteps.RELEASE, "comparison.csv")
                + " ORDER BY scenario, plan_year", List.of(), rows -> {
                    while (rows.next()) {
                        series.computeIfAbsent(rows.getString(1), name -> new ArrayList<>()).add(rows.getBigDecimal(2));
                    }
                });
        return series;
    }

    /** The financial years of the release plan, in order. */
    public List<String> releaseYears() {
        return exists(AnalysisSteps.RELEASE, "comparison.csv") ? strings("SELECT DISTINCT plan_year, financial_year FROM "
                + csv(AnalysisSteps.RELEASE, "comparison.csv") + " ORDER BY plan_year").stream().toList() : List.of();
    }

    // Reading

    private AnalysisTable file(String step, String name) {
        if (!exists(step, name)) {
            return new AnalysisTable(List.of(), List.of(), 0);
        }
        return table("SELECT * FROM " + csv(step, name), List.of(), 0, 1000);
    }

    private boolean exists(String step, String name) {
        if (info().isEmpty()) {
            return false;
        }
        try {
            return tables().tables().contains(PageTables.tableFor(step + "/" + name));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the analysis: " + e.getMessage(), e);
        }
    }

    private List<String> lines(String step, String... path) {
        List<String> lines = new ArrayList<>();
        if (info().isEmpty()) {
            return lines;
        }
        query("SELECT line FROM " + PageTables.TEXT_LINES + " WHERE file = ? ORDER BY line_number", List.of(step + "/" + String.join("/", path)),
                rows -> {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                });
        return lines;
    }

    /** A published CSV file, as a placeholder {@link #query} replaces with the page table it was loaded into. */
    private static String csv(String step, String name) {
        return "{{" + step + "/" + name + "}}";
    }

    private List<String> strings(String sql) {
        List<String> values = new ArrayList<>();
        if (info().isEmpty()) {
            return values;
        }
        query(sql, List.of(), rows -> {
            while (rows.next()) {
                values.add(rows.getString(rows.getMetaData().getColumnCount()));
            }
        });
        return values;
    }

    private AnalysisTable table(String sql, List<Object> parameters, int page, int pageSize) {
        if (info().isEmpty()) {
            return new AnalysisTable(List.of(), List.of(), 0);
        }
        long[] total = new long[1];
        query("SELECT count(*) FROM (" + sql + ")", parameters, rows -> {
            rows.next();
            total[0] = rows.getLong(1);
        });
        List<AnalysisTable.Column> columns = new ArrayList<>();
        List<AnalysisTable.Row> rows = new ArrayList<>();
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(pageSize);
        paged.add((long) Math.max(0, page) * pageSize);
        query(sql + " LIMIT ? OFFSET ?", paged, result -> {
            ResultSetMetaData meta = result.getMetaData();
            int flagColumn = -1;
            for (int column = 1; column <= meta.getColumnCount(); column++) {
                String name = meta.getColumnLabel(column);
                if (name.equals("under_represented")) {
                    flagColumn = column;
                }
                columns.add(new AnalysisTable.Column(name, heading(name), numeric(meta.getColumnTypeName(column))));
            }
            while (result.next()) {
                List<String> cells = new ArrayList<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    cells.add(cell(result.getObject(column), meta.getColumnLabel(column)));
                }
                rows.add(new AnalysisTable.Row(cells, flagColumn > 0 && result.getBoolean(flagColumn)));
            }
        });
        return new AnalysisTable(columns, rows, total[0]);
    }

    private static boolean numeric(String type) {
        return type.startsWith("DECIMAL") || type.contains("INT") || type.equals("DOUBLE") || type.equals("FLOAT");
    }

    /** A column name in words: total_cost becomes "Total cost". */
    static String heading(String name) {
        String words = name.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String cell(Object value, String column) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean yes) {
            return yes ? "yes" : "no";
        }
        if (value instanceof Number number) {
            BigDecimal decimal = new BigDecimal(number.toString());
            if (column.contains("percent")) {
                return decimal.stripTrailingZeros().toPlainString() + "%";
            }
            if (MONEY.matcher(column).matches() && !column.contains("people") && !column.contains("holders")
                    && !column.contains("contracts") && !column.contains("providers") && !column.contains("rows")) {
                return String.format(Locale.UK, "£%,.2f", decimal);
            }
            return decimal.scale() <= 0 ? String.format(Locale.UK, "%,d", decimal.longValue()) : decimal.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    /**
     * Runs a query on the analysis's page tables, on a connection of its own (DuckDB connections to one database read
     * side by side), so one person's page does not wait for another's.
     */
    private void query(String sql, List<Object> parameters, RowReader reader) {
        try (Connection connection = tables().database().duplicate()) {
            Matcher files = PLACEHOLDER.matcher(sql);
            StringBuilder resolved = new StringBuilder();
            while (files.find()) {
                files.appendReplacement(resolved, PageTables.tableFor(files.group(1)));
            }
            files.appendTail(resolved);
            try (PreparedStatement statement = connection.prepareStatement(resolved.toString())) {
                for (int index = 0; index < parameters.size(); index++) {
                    statement.setObject(index + 1, parameters.get(index));
                }
                if (statement.execute()) {
                    try (ResultSet rows = statement.getResultSet()) {
                        reader.read(rows);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the analysis: " + e.getMessage(), e);
        }
    }

    /**
     * The page tables of the analysis shown now, opened read-only afresh when another analysis has been published. An
     * analysis made before there were page tables gets them here, once.
     */
    private synchronized Opened tables() throws SQLException {
        AnalysisInfo shown = info().orElse(null);
        if (opened == null || !java.util.Objects.equals(shown, opened.info())) {
            close();
            Path folder = root.resolve(CURRENT);
            Path file = folder.resolve(PageTables.FILE);
            if (!Files.isRegularFile(file)) {
                PageTables.build(folder, BUILDING);
            }
            Properties readOnly = new Properties();
            readOnly.setProperty("duckdb.read_only", "true");
            DuckDBConnection database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file, readOnly);
            Set<String> tables = new HashSet<>();
            try (var statement = database.createStatement()) {
                statement.execute("SET threads = " + READING.threads());
                statement.execute("SET memory_limit = '" + READING.memoryLimitMegabytes() + "MB'");
                try (ResultSet names = statement.executeQuery("SELECT table_name FROM duckdb_tables()")) {
                    while (names.next()) {
                        tables.add(names.getString(1));
                    }
                }
            }
            opened = new Opened(shown, database, Set.copyOf(tables));
        }
        return opened;
    }

    @Override
    public synchronized void destroy() {
        close();
    }

    private void close() {
        if (opened != null) {
            try {
                // Requests still reading hold connections of their own, which keep the database open until they finish.
                opened.database().close();
            } catch (SQLException e) {
                // Opened read-only: nothing to lose.
            }
            opened = null;
        }
    }
}
