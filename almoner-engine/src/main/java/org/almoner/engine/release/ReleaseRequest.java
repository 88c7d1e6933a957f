package org.almoner.engine.release;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import org.almoner.engine.capitation.FinancialYear;
import org.almoner.engine.duckdb.DuckDbSettings;

/**
 * What {@link Release#run} works on.
 *
 * @param linkedData the output folder of {@code almoner pipeline}
 * @param cohortFile person_pseudonym, financial_year, cohort; null to derive cohorts
 * @param reference reference data folder (contracts, providers); null for the bundled sample
 * @param scenarioFiles one or more scenario files, compared side by side
 * @param baseYear the year of contracts and activity to start from; null for the latest year in the data
 * @param output the folder to write; published whole or not at all
 * @param replace whether an existing output folder may be replaced
 * @param database DuckDB threads and memory
 */
public record ReleaseRequest(Path linkedData, Path cohortFile, Path reference, List<Path> scenarioFiles,
        FinancialYear baseYear, Path output, boolean replace, DuckDbSettings database) {

    public ReleaseRequest {
        requireNonNull(linkedData, "linkedData is null");
        scenarioFiles = List.copyOf(requireNonNull(scenarioFiles, "scenarioFiles is null"));
        requireNonNull(output, "output is null");
        requireNonNull(database, "database is null");
        if (scenarioFiles.isEmpty()) {
            throw new IllegalArgumentException("at least one scenario file is needed");
        }
    }
}
