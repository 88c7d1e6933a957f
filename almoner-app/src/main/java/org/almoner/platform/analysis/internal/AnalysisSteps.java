package org.almoner.platform.analysis.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.almoner.engine.capitation.Capitation;
import org.almoner.engine.capitation.CapitationRequest;
import org.almoner.engine.capitation.CapitationResult;
import org.almoner.engine.capitation.CapitationSettings;
import org.almoner.engine.cohorts.CohortRequest;
import org.almoner.engine.cohorts.CohortResult;
import org.almoner.engine.cohorts.Cohorts;
import org.almoner.engine.console.Progress;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.pipeline.Pipeline;
import org.almoner.engine.pipeline.PipelineRequest;
import org.almoner.engine.pseudonymisation.PseudonymisationKey;
import org.almoner.engine.release.Release;
import org.almoner.engine.release.ReleaseRequest;
import org.almoner.engine.statements.StatementRequest;
import org.almoner.engine.statements.StatementResult;
import org.almoner.engine.statements.Statements;
import org.almoner.engine.stratification.PipelineOutput;
import org.almoner.engine.stratification.RiskStratification;
import org.almoner.engine.stratification.StratificationResult;

/**
 * The engine's commands in the order an analysis needs them, each writing its own folder under the job's folder, as
 * {@code almoner pipeline}, {@code stratify}, {@code cohort}, {@code statement}, {@code capitation} and
 * {@code release} would from the command line.
 */
public final class AnalysisSteps {

    /** The folders an analysis holds, one per step. */
    public static final String PIPELINE = "pipeline", RISK = "risk", COHORTS = "cohorts", STATEMENTS = "statements",
            CAPITATION = "capitation", RELEASE = "release";

    /** The release scenarios compared, the same files as docs/examples. */
    private static final List<String> SCENARIOS = List.of("release-staged.yaml", "release-fast-capitation.yaml");

    /** What a step is called on the job's page. */
    public static final List<String> NAMES = List.of("Running the pipeline", "Stratifying risk", "Finding cohorts",
            "Writing statements of resources", "Working out capitation", "Comparing ways of releasing funding");

    /** Told as each step starts (its index in {@link #NAMES}) and how far through it is, when the engine says. */
    public interface Listener {
        void step(int index, int percent);

        /** A pipeline stage has started; its bar (0 to 100) says how far it is, for the page to read when it asks. */
        void stage(String stage, Progress progress);
    }

    private final DuckDbSettings database;
    private final Path statementRules;

    public AnalysisSteps(DuckDbSettings database, Path statementRules) {
        this.database = requireNonNull(database, "database is null");
        this.statementRules = statementRules;
    }

    /** Runs the pipeline on an input folder into {@code folder/pipeline}, then the analysis on that; returns a summary. */
    public String runPipelineThenAnalysis(Path input, PseudonymisationKey key, LocalDate asOf, Path folder, Listener listener) {
        Path output = folder.resolve(PIPELINE);
        listener.step(0, 0);
        new Pipeline(List.of(), stage -> {
            Progress progress = Progress.silent(stage);
            listener.stage(stage, progress);
            return progress;
        }).run(new PipelineRequest(input, null, output, null, key,
                asOf, 30, false, database));
        return analyse(output, folder, listener);
    }

    /**
     * Stratification, cohorts, statements, capitation and release over a pipeline output, then the tables the pages are
     * served from ({@link PageTables}); returns a one-line summary.
     */
    public String analyse(Path pipelineOutput, Path folder, Listener listener) {
        PipelineOutput pipeline = new PipelineOutput(pipelineOutput);
        Path work = folder.resolve(".work");
        listener.step(1, 0);
        StratificationResult risk = RiskStratification.run(pipeline, folder.resolve(RISK), false, database);
        listener.step(2, 0);
        CohortResult cohorts = Cohorts.run(new CohortRequest(pipeline, risk.folder(), null, null, folder.resolve(COHORTS), false, database));
        listener.step(3, 0);
        StatementResult statements = Statements.run(new StatementRequest(pipeline, risk.folder(), cohorts.folder(), statementRules, null,
                null, List.of(), List.of(), folder.resolve(STATEMENTS), false, database));
        listener.step(4, 0);
        CapitationResult capitation = new Capitation().run(new CapitationRequest(pipelineOutput, null, null, CapitationSettings.defaults(),
                folder.resolve(CAPITATION), false, database));
        listener.step(5, 0);
        List<Path> scenarios = scenarioFiles(work);
        new Release().run(new ReleaseRequest(pipelineOutput, null, null, scenarios, null, folder.resolve(RELEASE), false, database));
        deleteFolder(work);
        PageTables.build(folder, database);
        return String.format(Locale.UK, "%,d person-years stratified, %,d cohorts, %,d indicative budgets, capitation for %,d people,"
                + " %d release scenarios compared.", risk.personYears(), cohorts.sizes().stream().map(size -> size.cohortId()).distinct()
                .count(), statements.people(), capitation.peoplePaid(), scenarios.size());
    }

    private static List<Path> scenarioFiles(Path work) {
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(work);
            for (String name : SCENARIOS) {
                try (InputStream scenario = AnalysisSteps.class.getResourceAsStream(name)) {
                    if (scenario == null) {
                        throw new IllegalStateException("The release scenario " + name + " is missing from the platform's jar");
                    }
                    Path file = work.resolve(name);
                    Files.copy(scenario, file, StandardCopyOption.REPLACE_EXISTING);
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Removes a folder and everything in it; a folder left behind is untidy but loses nothing, so failures are ignored. */
    public static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // See above.
        }
    }
}
