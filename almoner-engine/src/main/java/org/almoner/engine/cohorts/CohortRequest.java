package org.almoner.engine.cohorts;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.stratification.PipelineOutput;

/**
 * What {@code almoner cohort} is asked to do.
 *
 * @param pipeline       the pipeline output folder
 * @param stratification an {@code almoner stratify} output to read, or null to stratify now
 * @param definitions    a cohort definition file, or null for the built-in definitions
 * @param reference      a reference data folder for provider names, or null for the sample
 * @param output         the folder to write
 * @param replace        whether an existing output folder may be replaced
 * @param settings       database threads and memory
 */
public record CohortRequest(PipelineOutput pipeline, Path stratification, Path definitions, Path reference, Path output,
        boolean replace, DuckDbSettings settings) {

    public CohortRequest {
        requireNonNull(pipeline, "pipeline is null");
        requireNonNull(output, "output is null");
        requireNonNull(settings, "settings is null");
    }
}
