package org.almoner.engine.pipeline;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.pseudonymisation.PseudonymisationKey;

/**
 * What to run the pipeline on.
 *
 * @param input the input folder (people.csv, diagnoses.csv, condition_registers.csv, activity/, fhir/)
 * @param reference the reference data folder, or null for the sample set shipped with Almoner
 * @param output the folder to publish to; it must not exist, or be empty, unless {@code replaceOutput}
 * @param linkageKeys where to write the identifiers of people not linked by NHS number, for
 *     probabilistic linkage under its own governance; null writes none
 * @param key the pseudonymisation key
 * @param asOf the date the data is judged at (ages, timeliness, dates in the future)
 * @param timelinessDays how many days after the activity a record counts as timely
 * @param replaceOutput whether an existing output folder may be replaced (atomically)
 * @param database how much of the machine DuckDB may use
 */
public record PipelineRequest(
        Path input, Path reference, Path output, Path linkageKeys, PseudonymisationKey key, LocalDate asOf,
        int timelinessDays, boolean replaceOutput, DuckDbSettings database) {

    public PipelineRequest {
        requireNonNull(input, "input is null");
        requireNonNull(output, "output is null");
        requireNonNull(key, "key is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(database, "database is null");
        if (timelinessDays < 1) {
            throw new IllegalArgumentException("timelinessDays must be at least 1");
        }
    }
}
