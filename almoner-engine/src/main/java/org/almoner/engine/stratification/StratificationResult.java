package org.almoner.engine.stratification;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code almoner stratify} wrote.
 *
 * @param folder      the published output folder
 * @param personYears rows of person_year_risk: one per person and financial year
 * @param elapsed     time taken
 */
public record StratificationResult(Path folder, long personYears, Duration elapsed) {

    public StratificationResult {
        requireNonNull(folder, "folder is null");
        requireNonNull(elapsed, "elapsed is null");
    }
}
