package org.almoner.platform.analysis.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;

/**
 * The small tables the analysis pages are served from, made once per analysis into {@value #FILE} in its folder: each
 * published CSV file the pages show, loaded and typed, and the summaries a page would otherwise work out on every view
 * (people in any cohort, counted over the per-person members file; each cohort's flagged groups). An analysis never
 * changes once made, so nothing a request does reads a per-person file or grows with the population.
 */
public final class PageTables {

    /** The database file, beside the step folders. */
    public static final String FILE = "pages.duckdb";

    /** The published files the pages show, as step/relative path. */
    public static final List<String> FILES = List.of(
            AnalysisSteps.COHORTS + "/cohort_summary.csv",
            AnalysisSteps.COHORTS + "/cohort_equality.csv",
            AnalysisSteps.COHORTS + "/cohort_cost_by_provider.csv",
            AnalysisSteps.STATEMENTS + "/system_statement.csv",
            AnalysisSteps.CAPITATION + "/capitation/baseline_by_cohort.csv",
            AnalysisSteps.CAPITATION + "/capitation/complexity_fit.csv",
            AnalysisSteps.CAPITATION + "/shadow/by_cohort.csv",
            AnalysisSteps.CAPITATION + "/shadow/gain_loss_sharing.csv",
            AnalysisSteps.RELEASE + "/comparison.csv");

    /** The text files the pages show line by line. */
    public static final List<String> TEXTS = List.of(
            AnalysisSteps.CAPITATION + "/capitation/summary.txt",
            AnalysisSteps.CAPITATION + "/capitation/complexity_model.txt");

    /** Each cohort and year with the number of its groups flagged under-represented. */
    public static final String COHORT_SUMMARIES = "cohort_summaries";

    /** One row: people in at least one cohort in the latest year. */
    public static final String PEOPLE_IN_COHORTS = "people_in_cohorts";

    /** The text files' lines: file, line_number, line. */
    public static final String TEXT_LINES = "text_lines";

    private PageTables() {
    }

    /** The table a published file is loaded into. */
    public static String tableFor(String file) {
        return "t_" + file.replaceAll("[^A-Za-z0-9]", "_");
    }

    /**
     * Makes the page tables of an analysis folder, whole or not at all: written beside, then renamed into place, so a
     * reader never opens half a database.
     */
    public static void build(Path analysis, DuckDbSettings settings) {
        requireNonNull(analysis, "analysis is null");
        requireNonNull(settings, "settings is null");
        Path written = analysis.resolve(".pages-" + UUID.randomUUID() + ".duckdb");
        try {
            try (Connection connection = DuckDb.open(written, settings); Statement statement = connection.createStatement()) {
                // The tables keep their files' row order: the cohorts are listed in their definitions' order.
                statement.execute("SET preserve_insertion_order = true");
                for (String file : FILES) {
                    Path csv = analysis.resolve(file);
                    if (Files.isRegularFile(csv)) {
                        statement.execute("CREATE TABLE " + tableFor(file) + " AS SELECT * FROM read_csv(" + DuckDb.literal(csv.toString())
                                + ", header = true, sample_size = -1)");
                    }
                }
                String summary = tableFor(AnalysisSteps.COHORTS + "/cohort_summary.csv");
                String equality = tableFor(AnalysisSteps.COHORTS + "/cohort_equality.csv");
                statement.execute("CREATE TABLE " + COHORT_SUMMARIES + " AS SELECT s.cohort_id, s.cohort_name, s.financial_year, s.rule,"
                        + " s.people, s.percent_of_population, s.total_cost, s.average_cost_per_person, s.percent_of_population_cost,"
                        + " (SELECT count(*) FROM " + equality + " e WHERE e.cohort_id = s.cohort_id AND e.financial_year = s.financial_year"
                        + " AND e.under_represented) AS flagged, row_number() OVER () AS definition_order FROM " + summary + " s");
                String members = "read_parquet(" + DuckDb.literal(analysis.resolve(AnalysisSteps.COHORTS).resolve("cohort_members.parquet")
                        .toString()) + ")";
                statement.execute("CREATE TABLE " + PEOPLE_IN_COHORTS + " AS SELECT count(DISTINCT person_pseudonym) AS people FROM "
                        + members + " WHERE financial_year = (SELECT max(financial_year) FROM " + members + ")");
                statement.execute("CREATE TABLE " + TEXT_LINES + " (file VARCHAR, line_number INTEGER, line VARCHAR)");
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TEXT_LINES + " VALUES (?, ?, ?)")) {
                    for (String file : TEXTS) {
                        Path text = analysis.resolve(file);
                        if (Files.isRegularFile(text)) {
                            List<String> lines = Files.readAllLines(text, StandardCharsets.UTF_8);
                            for (int number = 0; number < lines.size(); number++) {
                                insert.setString(1, file);
                                insert.setInt(2, number);
                                insert.setString(3, lines.get(number));
                                insert.addBatch();
                            }
                        }
                    }
                    insert.executeBatch();
                }
                statement.execute("CHECKPOINT");
            }
            Files.move(written, analysis.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make the analysis's page tables in " + analysis + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(written);
                Files.deleteIfExists(written.resolveSibling(written.getFileName() + ".wal"));
            } catch (IOException e) {
                // A leftover beside the analysis loses nothing; the next build writes its own.
            }
        }
    }
}
