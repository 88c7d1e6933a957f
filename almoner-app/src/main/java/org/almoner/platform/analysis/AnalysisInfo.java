package org.almoner.platform.analysis;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Which analysis the pages show.
 *
 * @param dataSet    the data set folder it was worked out from
 * @param finishedAt when it was published
 */
public record AnalysisInfo(String dataSet, Instant finishedAt) {

    public AnalysisInfo {
        requireNonNull(dataSet, "dataSet is null");
        requireNonNull(finishedAt, "finishedAt is null");
    }
}
