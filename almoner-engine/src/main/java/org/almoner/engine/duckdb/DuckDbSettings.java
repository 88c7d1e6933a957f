package org.almoner.engine.duckdb;

import java.nio.file.Path;

/**
 * How much of the machine DuckDB may use.
 *
 * @param threads worker threads; defaults to the machine's processors
 * @param memoryLimitMegabytes DuckDB's memory limit; it spills to {@code temporaryDirectory} beyond it
 * @param temporaryDirectory where DuckDB spills, or null for its default
 */
public record DuckDbSettings(int threads, long memoryLimitMegabytes, Path temporaryDirectory) {

    public DuckDbSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (memoryLimitMegabytes < 64) {
            throw new IllegalArgumentException("memoryLimitMegabytes must be at least 64, got " + memoryLimitMegabytes);
        }
    }

    /** All processors and 4 GB, spilling to the default place. */
    public static DuckDbSettings defaults() {
        return new DuckDbSettings(Runtime.getRuntime().availableProcessors(), 4096, null);
    }

    public DuckDbSettings withTemporaryDirectory(Path directory) {
        return new DuckDbSettings(threads, memoryLimitMegabytes, directory);
    }
}
