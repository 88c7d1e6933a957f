package org.almoner.engine.quality;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * How promptly a source records activity (handbook 2019, 5.2.3 and 5.2.4).
 *
 * @param timely records reaching the source within the threshold, of records with a recorded date
 * @param medianDays median days from the activity ending to the record being made, or null
 * @param ninetiethPercentileDays the 90th percentile of those days, or null
 * @param latestActivity the latest activity date in the source, or null
 * @param daysBehind days from the latest activity to the as-of date, or null
 */
public record Timeliness(Measure timely, Double medianDays, Double ninetiethPercentileDays, LocalDate latestActivity, Long daysBehind) {

    public Timeliness {
        requireNonNull(timely, "timely is null");
    }
}
