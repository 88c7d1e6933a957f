package org.almoner.engine.generator;

/** The file format of the generated input files. */
public enum OutputFormat {
    /** Comma-separated, UTF-8, header row, quoting only where needed (RFC 4180). */
    CSV,
    /** Apache Parquet, every column as text, converted from the CSV by DuckDB. */
    PARQUET
}
