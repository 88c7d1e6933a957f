package org.almoner.engine.pipeline;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.almoner.engine.costing.CostingResult;
import org.almoner.engine.fhir.FhirImportResult;
import org.almoner.engine.ingest.IngestResult;
import org.almoner.engine.linkage.LinkageResult;
import org.almoner.engine.pseudonymisation.PseudonymisationResult;

/**
 * What a pipeline run produced.
 *
 * @param output the published output folder
 * @param ingest rows read, loaded and rejected per file, and the data quality report
 * @param pseudonymisation the spine under pseudonyms
 * @param linkage activity linked per source
 * @param costing activity costed per method
 * @param fhir the FHIR bundles converted, or null when the input had no fhir folder
 * @param timings each stage's time
 */
public record PipelineResult(
        Path output, IngestResult ingest, PseudonymisationResult pseudonymisation, LinkageResult linkage,
        CostingResult costing, FhirImportResult fhir, List<StageTiming> timings) {

    public PipelineResult {
        requireNonNull(output, "output is null");
        requireNonNull(ingest, "ingest is null");
        requireNonNull(pseudonymisation, "pseudonymisation is null");
        requireNonNull(linkage, "linkage is null");
        requireNonNull(costing, "costing is null");
        timings = List.copyOf(requireNonNull(timings, "timings is null"));
    }

    public Duration elapsed() {
        return timings.stream().map(StageTiming::elapsed).reduce(Duration.ZERO, Duration::plus);
    }
}
