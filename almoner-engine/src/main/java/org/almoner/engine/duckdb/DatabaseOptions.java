package org.almoner.engine.duckdb;

import picocli.CommandLine.Option;

/** The database options every command that works on a pipeline output shares ({@code @Mixin}). */
public final class DatabaseOptions {

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: all processors.")
    Integer threads;

    @Option(names = "--memory-limit", paramLabel = "MB", defaultValue = "4096",
            description = "Database memory limit in megabytes. Default: ${DEFAULT-VALUE}.")
    long memoryLimitMegabytes;

    /** The DuckDB settings these options ask for. */
    public DuckDbSettings settings() {
        return new DuckDbSettings(threads == null ? Runtime.getRuntime().availableProcessors() : threads, memoryLimitMegabytes, null);
    }
}
