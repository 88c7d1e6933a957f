package org.almoner.engine.generator.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** ISO dates as cached bytes, indexed by epoch day, so formatting a date costs an array lookup. */
public final class Dates {

    /** Earliest date the generator writes: the 1900-01-01 default value some systems put for unknown birth dates. */
    public static final int FIRST_DAY = (int) LocalDate.of(1900, 1, 1).toEpochDay();
    public static final int LAST_DAY = (int) LocalDate.of(2027, 12, 31).toEpochDay();
    /** Start of financial year 2023/24. */
    public static final int PERIOD_START = (int) LocalDate.of(2023, 4, 1).toEpochDay();
    /** Start of financial year 2024/25. */
    public static final int SECOND_YEAR_START = (int) LocalDate.of(2024, 4, 1).toEpochDay();
    /** End of financial year 2024/25. */
    public static final int PERIOD_END = (int) LocalDate.of(2025, 3, 31).toEpochDay();

    private static final byte[][] CACHE = build();

    private Dates() {
    }

    private static byte[][] build() {
        byte[][] cache = new byte[LAST_DAY - FIRST_DAY + 1][];
        for (int day = FIRST_DAY; day <= LAST_DAY; day++) {
            cache[day - FIRST_DAY] = LocalDate.ofEpochDay(day).toString().getBytes(StandardCharsets.US_ASCII);
        }
        return cache;
    }

    public static byte[] iso(int epochDay) {
        return CACHE[epochDay - FIRST_DAY];
    }

    public static int clamp(int epochDay, int low, int high) {
        return Math.max(low, Math.min(high, epochDay));
    }
}
