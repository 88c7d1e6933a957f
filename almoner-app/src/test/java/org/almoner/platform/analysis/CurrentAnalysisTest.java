package org.almoner.platform.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.almoner.engine.console.Progress;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.generator.GenerationListener;
import org.almoner.engine.generator.GeneratorSettings;
import org.almoner.engine.generator.PopulationGenerator;
import org.almoner.engine.pipeline.Pipeline;
import org.almoner.engine.pipeline.PipelineRequest;
import org.almoner.engine.pseudonymisation.PseudonymisationKey;
import org.almoner.platform.analysis.internal.AnalysisSteps;
import org.almoner.platform.analysis.internal.PageTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The analysis pages read page tables made once, when the analysis finishes; what they read is what the published files
 * say, computed the way the files would give it, for an analysis made before page tables too, and for many readers at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CurrentAnalysisTest {

    private static final DuckDbSettings DATABASE = new DuckDbSettings(2, 1024, null);
    private static final AnalysisSteps.Listener QUIET = new AnalysisSteps.Listener() {
        @Override
        public void step(int index, int percent) {
        }

        @Override
        public void stage(String stage, Progress progress) {
        }
    };

    private Path folder;
    private Path output;

    @BeforeAll
    void aPipelineOutput() throws Exception {
        folder = Files.createTempDirectory("almoner-current-analysis-");
        Path input = folder.resolve("input");
        PopulationGenerator.generate(GeneratorSettings.of(600, 11, input), GenerationListener.none());
        Path keyFile = folder.resolve("area.key");
        Files.writeString(keyFile, PseudonymisationKey.newKeyText(new SecureRandom()) + "\n");
        output = folder.resolve("output");
        new Pipeline(List.of(), Pipeline.StageListener.silent()).run(new PipelineRequest(input, null, output, null,
                PseudonymisationKey.fromFile(keyFile), LocalDate.of(2025, 6, 1), 30, false, DATABASE));
    }

    @AfterAll
    void removeIt() {
        AnalysisSteps.deleteFolder(folder);
    }

    private CurrentAnalysis published(String name) throws Exception {
        CurrentAnalysis current = new CurrentAnalysis(folder.resolve(name).toString(), "", "");
        Path job = current.newFolder(java.util.UUID.randomUUID());
        new AnalysisSteps(DATABASE, null).analyse(output, job, QUIET);
        current.publish(job, "output", Instant.parse("2026-12-07T12:00:00Z"));
        return current;
    }

    @Test
    void anAnalysisIsPublishedWithItsPageTablesAndPagesReadWhatItsFilesSay() throws Exception {
        CurrentAnalysis current = published("analysis-made");
        Path shown = folder.resolve("analysis-made/current");
        try {
            assertThat(shown.resolve(PageTables.FILE)).as("made when the analysis finished, before any page asked").isRegularFile();
            assertThatEveryReadMatchesTheFiles(current, shown);
        } finally {
            current.destroy();
        }
    }

    @Test
    void anAnalysisMadeBeforePageTablesGetsThemOnItsFirstRead() throws Exception {
        CurrentAnalysis current = published("analysis-older");
        Path shown = folder.resolve("analysis-older/current");
        Files.delete(shown.resolve(PageTables.FILE));
        try {
            assertThat(current.financialYears()).isNotEmpty();
            assertThat(shown.resolve(PageTables.FILE)).isRegularFile();
            assertThat(Files.list(shown).map(path -> path.getFileName().toString())).as("nothing half-written left beside it")
                    .noneMatch(name -> name.startsWith(".pages-"));
            assertThatEveryReadMatchesTheFiles(current, shown);
        } finally {
            current.destroy();
        }
    }

    @Test
    void manyPagesReadAtOnceAndEachGetsTheWholeAnswer() throws Exception {
        CurrentAnalysis current = published("analysis-shared");
        String year = current.financialYears().getFirst();
        List<CohortSummary> expected = current.cohorts(year);
        ExecutorService readers = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<CohortSummary>>> answers = new ArrayList<>();
            for (int reader = 0; reader < 64; reader++) {
                Callable<List<CohortSummary>> read = () -> {
                    current.peopleInCohorts().orElseThrow();
                    current.systemStatement(expected.getFirst().cohortId(), null, 0, 50);
                    return current.cohorts(year);
                };
                answers.add(readers.submit(read));
            }
            for (Future<List<CohortSummary>> answer : answers) {
                assertThat(answer.get()).isEqualTo(expected);
            }
        } finally {
            readers.shutdownNow();
            current.destroy();
        }
    }

    private static void assertThatEveryReadMatchesTheFiles(CurrentAnalysis current, Path shown) throws Exception {
        String summaryCsv = csv(shown.resolve("cohorts/cohort_summary.csv"));
        String equalityCsv = csv(shown.resolve("cohorts/cohort_equality.csv"));
        String year = current.financialYears().getFirst();
        assertThat(year).isEqualTo(strings("SELECT max(financial_year) FROM " + summaryCsv).getFirst());

        List<CohortSummary> cohorts = current.cohorts(year);
        assertThat(cohorts).extracting(CohortSummary::cohortId)
                .containsExactlyElementsOf(strings("SELECT cohort_id FROM " + summaryCsv + " WHERE financial_year = '" + year + "'"));
        for (CohortSummary cohort : cohorts) {
            assertThat(cohort.people()).isEqualTo(number("SELECT people FROM " + summaryCsv + " WHERE financial_year = '" + year
                    + "' AND cohort_id = '" + cohort.cohortId() + "'"));
            assertThat(cohort.underRepresentedGroups()).as(cohort.cohortId() + " groups flagged").isEqualTo(number("SELECT count(*) FROM "
                    + equalityCsv + " WHERE financial_year = '" + year + "' AND cohort_id = '" + cohort.cohortId() + "' AND under_represented"));
        }
        assertThat(cohorts).anySatisfy(cohort -> assertThat(cohort.underRepresentedGroups()).isPositive());

        String members = "read_parquet(" + DuckDb.literal(shown.resolve("cohorts/cohort_members.parquet").toString()) + ")";
        assertThat(current.peopleInCohorts()).contains(number("SELECT count(DISTINCT person_pseudonym) FROM " + members
                + " WHERE financial_year = (SELECT max(financial_year) FROM " + members + ")")).get().isNotEqualTo(0L);

        String cohort = cohorts.getFirst().cohortId();
        ByteArrayOutputStream download = new ByteArrayOutputStream();
        current.systemStatementCsv(cohort, null, download);
        List<String> lines = download.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.size() - 1L).isEqualTo(number("SELECT count(*) FROM " + csv(shown.resolve("statements/system_statement.csv"))
                + " WHERE cohort_id = '" + cohort + "'")).isPositive();
        assertThat(current.systemStatement(cohort, null, 0, 1_000_000).totalRows()).isEqualTo(lines.size() - 1L);

        assertThat(current.capitationSummary()).isEqualTo(Files.readAllLines(shown.resolve("capitation/capitation/summary.txt"))).isNotEmpty();
        assertThat(current.complexityModelInWords())
                .isEqualTo(Files.readAllLines(shown.resolve("capitation/capitation/complexity_model.txt"))).isNotEmpty();
        assertThat(current.releaseComparison().totalRows()).isEqualTo(number("SELECT count(*) FROM "
                + csv(shown.resolve("release/comparison.csv")))).isPositive();
    }

    private static String csv(Path file) {
        return "read_csv(" + DuckDb.literal(file.toString()) + ", header = true, sample_size = -1)";
    }

    private static long number(String sql) throws Exception {
        return Long.parseLong(strings(sql).getFirst());
    }

    private static List<String> strings(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = DuckDb.open(null, new DuckDbSettings(1, 256, null));
                PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
