package org.almoner.engine.pipeline;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.console.Progress;
import org.almoner.engine.costing.Costing;
import org.almoner.engine.costing.CostingResult;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.fhir.FhirImport;
import org.almoner.engine.fhir.FhirImportResult;
import org.almoner.engine.ingest.Ingest;
import org.almoner.engine.ingest.IngestPlan;
import org.almoner.engine.ingest.IngestResult;
import org.almoner.engine.linkage.Linkage;
import org.almoner.engine.linkage.LinkageResult;
import org.almoner.engine.linkage.SupplementaryLinker;
import org.almoner.engine.pseudonymisation.Pseudonymisation;
import org.almoner.engine.pseudonymisation.PseudonymisationResult;
import org.almoner.engine.pseudonymisation.Pseudonymiser;
import org.almoner.engine.quality.QualitySettings;
import org.almoner.engine.reference.ReferenceData;

/**
 * Runs the linked data set pipeline: ingest and data quality, pseudonymisation, linkage, costing and
 * output. Everything happens in a DuckDB work database beside the output folder; the outputs are
 * published in one step at the end, so a failure at any stage leaves nothing half-written.
 */
public final class Pipeline {

    private final List<SupplementaryLinker> supplementaryLinkers;
    private final StageListener listener;

    /**
     * @param supplementaryLinkers linkers run after deterministic linkage (none until probabilistic
     *     linkage is configured)
     * @param listener told when each stage starts, so a console can draw a bar per stage
     */
    public Pipeline(List<SupplementaryLinker> supplementaryLinkers, StageListener listener) {
        this.supplementaryLinkers = List.copyOf(requireNonNull(supplementaryLinkers, "supplementaryLinkers is null"));
        this.listener = requireNonNull(listener, "listener is null");
    }

    public PipelineResult run(PipelineRequest request) {
        requireNonNull(request, "request is null");
        IngestPlan plan = IngestPlan.fromDirectory(request.input());
        try (PublishedFolder output = PublishedFolder.prepare(request.output(), request.replaceOutput());
                WorkFolder work = WorkFolder.beside(request.output())) {
            Path published = output.staging();
            List<StageTiming> timings = new ArrayList<>();
            // An in-memory database is markedly faster to load than a file; beyond the memory limit
            // DuckDB spills to the work folder, so large inputs still fit.
            try (Connection connection = DuckDb.open(null, request.database().withTemporaryDirectory(work.spill()))) {

                Path reference = request.reference() != null
                        ? request.reference()
                        : ReferenceData.extractBundledSample(work.path().resolve("reference"));
                timed(timings, "Load reference data", 0, progress ->
                        ReferenceData.load(connection, reference));

                Path fhirFolder = request.input().resolve("fhir");
                FhirImportResult fhir = null;
                if (Files.isDirectory(fhirFolder)) {
                    Path converted = Files.createDirectories(work.path().resolve("fhir"));
                    fhir = timed(timings, "Convert FHIR bundles", 0, progress -> new FhirImport()
                            .convert(fhirFolder, converted.resolve("fhir.csv"), converted.resolve("diagnoses-fhir.csv")));
                    plan = plan.withExtraActivityFiles(List.of(converted.resolve("fhir.csv")));
                }

                IngestPlan ingestPlan = plan;
                IngestResult ingest = timed(timings, "Ingest and data quality", 0, progress ->
                        new Ingest(connection, new QualitySettings(request.asOf(), request.timelinessDays()), work.path().resolve("ingested"))
                                .run(ingestPlan, progress));
                timings.set(timings.size() - 1, withRows(timings.getLast(), ingest.rowsRead()));
                Path quality = Files.createDirectories(published.resolve("quality"));
                ingest.qualityReport().writeJson(quality.resolve("data_quality.json"));
                ingest.qualityReport().writeHtml(quality.resolve("data_quality.html"));
                ingest.writeRejects(connection, quality.resolve("rejects.csv"));

                Pseudonymiser pseudonymiser = new Pseudonymiser(request.key());
                PseudonymisationResult pseudonymisation = timed(timings, "Pseudonymise", 0, progress ->
                        new Pseudonymisation(connection, pseudonymiser, request.asOf()).run(progress));

                Linkage linkageStage = new Linkage(connection, supplementaryLinkers, request.linkageKeys() != null);
                Costing costingStage = new Costing(connection);
                Outputs outputs = new Outputs(connection, published);
                // Linking and costing are views read once, as the activity is written: one pass over
                // tens of millions of rows instead of three.
                timed(timings, "Link, cost and write", 0, progress -> {
                    linkageStage.run(percent -> progress.accept(percent * 0.05));
                    costingStage.defineCostedView("activity_linked", "activity_costed");
                    outputs.writeActivity("activity_costed", "activity_published", percent -> progress.accept(5 + percent * 0.95));
                    return null;
                });
                if (request.linkageKeys() != null) {
                    LinkageKeys.write(connection, request.linkageKeys(), request.replaceOutput());
                }
                LinkageResult linkage = linkageStage.summarise("activity_published");
                timings.set(timings.size() - 1, withRows(timings.getLast(), linkage.rows()));

                CostingResult costing = timed(timings, "Summarise", linkage.rows(), progress -> {
                    costingStage.splitMentalHealthClusters("activity_published");
                    outputs.writeTheRest(progress);
                    return costingStage.summarise("activity_published");
                });
                Path costingFolder = Files.createDirectories(published.resolve("costing"));
                costingStage.writeUncosted("activity_published", costingFolder.resolve("uncosted.csv"));

                PipelineResult result = new PipelineResult(request.output(), ingest, pseudonymisation, linkage, costing,
                        fhir, timings);
                RunSummary.write(result, request, published.resolve("run-summary.json"));
                ReadMe.write(published.resolve("README.txt"));
                connection.close();
                output.publish();
                return result;
            }
        } catch (IOException | SQLException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "The pipeline could not write its work files: "
                    + e.getMessage(), e);
        }
    }

    private <T> T timed(List<StageTiming> timings, String stage, long rows, StageWork<T> work) throws IOException {
        long start = System.nanoTime();
        T result;
        try (Progress progress = listener.stageStarted(stage)) {
            result = work.run(percent -> progress.update(Math.round(percent)));
        }
        timings.add(new StageTiming(stage, Duration.ofNanos(System.nanoTime() - start), rows));
        return result;
    }

    private static StageTiming withRows(StageTiming timing, long rows) {
        return new StageTiming(timing.stage(), timing.elapsed(), rows);
    }

    /** One stage's work, reporting progress as a percentage. */
    @FunctionalInterface
    private interface StageWork<T> {
        T run(DoubleConsumer percentDone) throws IOException;
    }

    /** Hears about stages as they start; returns the bar that stage draws on (percent, 0 to 100). */
    @FunctionalInterface
    public interface StageListener {

        Progress stageStarted(String stage);

        /** Prints a bar per stage on the console. */
        static StageListener console() {
            return stage -> Progress.start(stage, 100, "%");
        }

        /** Prints nothing. */
        static StageListener silent() {
            return Progress::silent;
        }
    }
}
