package org.almoner.engine.capitation;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.almoner.engine.duckdb.DuckDbSettings;

/**
 * What {@link Capitation#run} works on.
 *
 * @param linkedData the output folder of {@code almoner pipeline}
 * @param cohortFile person_pseudonym, financial_year, cohort (CSV or Parquet); null to derive cohorts
 * @param reference reference data folder; null for the bundled sample
 * @param settings years, uplift, corridors, quality conditions
 * @param output the folder to write; published whole or not at all
 * @param replace whether an existing output folder may be replaced
 * @param database DuckDB threads and memory
 */
public record CapitationRequest(Path linkedData, Path cohortFile, Path reference, CapitationSettings settings, Path output,
        boolean replace, DuckDbSettings database) {

    public CapitationRequest {
        requireNonNull(linkedData, "linkedData is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(output, "output is null");
        requireNonNull(database, "database is null");
    }
}
