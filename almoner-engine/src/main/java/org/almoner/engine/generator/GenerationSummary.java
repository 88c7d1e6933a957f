package org.almoner.engine.generator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generator run wrote.
 *
 * @param outputFolder the folder holding the data set
 * @param people people written
 * @param peopleWithoutNhsNumber people beyond the test range's capacity, written without an NHS number
 * @param rowsPerFile data rows (not counting the header) per file, by path relative to the folder, in writing order
 * @param elapsed wall-clock time taken
 */
public record GenerationSummary(Path outputFolder, long people, long peopleWithoutNhsNumber, Map<String, Long> rowsPerFile,
        Duration elapsed) {

    public GenerationSummary {
        requireNonNull(outputFolder, "outputFolder is null");
        requireNonNull(rowsPerFile, "rowsPerFile is null");
        requireNonNull(elapsed, "elapsed is null");
        rowsPerFile = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerFile));
    }

    /** Activity rows over all source systems. */
    public long activityRows() {
        return rowsPerFile.entrySet().stream().filter(entry -> entry.getKey().startsWith("activity/"))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
