package org.almoner.engine.cohorts;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code almoner cohort} wrote.
 *
 * @param folder             the published output folder
 * @param definitionsVersion the version of the definitions used
 * @param sizes              each cohort's size per year
 * @param underRepresented   groups flagged as under-represented relative to need, across cohorts and years
 * @param elapsed            time taken
 */
public record CohortResult(Path folder, String definitionsVersion, List<CohortSize> sizes, long underRepresented, Duration elapsed) {

    public CohortResult {
        requireNonNull(folder, "folder is null");
        requireNonNull(definitionsVersion, "definitionsVersion is null");
        sizes = List.copyOf(sizes);
        requireNonNull(elapsed, "elapsed is null");
    }
}
