package org.almoner.engine.quality;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * How data quality is judged.
 *
 * @param asOf the date the data is judged at: dates after it are invalid, and the gap between it and
 *     a source's latest activity says how current the source is
 * @param timelinessDays a record is timely when it reached its source within this many days of the
 *     activity ending
 */
public record QualitySettings(LocalDate asOf, int timelinessDays) {

    public QualitySettings {
        requireNonNull(asOf, "asOf is null");
        if (timelinessDays < 1) {
            throw new IllegalArgumentException("timelinessDays must be at least 1, got " + timelinessDays);
        }
    }
}
