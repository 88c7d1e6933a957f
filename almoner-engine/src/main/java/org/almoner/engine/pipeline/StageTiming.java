package org.almoner.engine.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long a stage took and how many rows it handled.
 *
 * @param stage the stage's name as shown to the user
 * @param elapsed wall-clock time
 * @param rows rows the stage processed (0 when not meaningful)
 */
public record StageTiming(String stage, Duration elapsed, long rows) {

    public StageTiming {
        requireNonNull(stage, "stage is null");
        requireNonNull(elapsed, "elapsed is null");
    }

    /** Rows per second, or 0 when the stage handled no rows. */
    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return rows == 0 || seconds == 0 ? 0 : rows / seconds;
    }
}
