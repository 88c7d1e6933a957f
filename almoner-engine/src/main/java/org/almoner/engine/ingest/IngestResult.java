package org.almoner.engine.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Collectors;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.Sql;
import org.almoner.engine.quality.DataQualityReport;

/**
 * What ingest did: every file's rows accounted for, and the data quality report.
 *
 * @param accounts one per file, in the order read
 * @param qualityReport the four checks per source and field
 */
public record IngestResult(List<FileAccount> accounts, DataQualityReport qualityReport) {

    public IngestResult {
        accounts = List.copyOf(requireNonNull(accounts, "accounts is null"));
        requireNonNull(qualityReport, "qualityReport is null");
    }

    public long rowsRead() {
        return accounts.stream().mapToLong(FileAccount::read).sum();
    }

    public long rowsLoaded() {
        return accounts.stream().mapToLong(FileAccount::loaded).sum();
    }

    public long rowsRejected() {
        return accounts.stream().mapToLong(FileAccount::rejected).sum();
    }

    /**
     * Writes every rejected row as CSV (file, line, field, reason), ordered by file and line, whole or
     * not at all. Needs the ingest tables still in {@code connection}.
     */
    public void writeRejects(Connection connection, Path file) {
        String rejects = Ingest.INGESTED_TABLES.stream()
                .map(table -> """
                        SELECT source_file, source_line,
                               split_part(reject, chr(31), 1) AS field, split_part(reject, chr(31), 2) AS reason
                        FROM %s WHERE reject IS NOT NULL""".formatted(table))
                .collect(Collectors.joining("\nUNION ALL\n"));
        try {
            Path folder = Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = folder.resolve("." + file.getFileName() + ".incomplete");
            Sql.execute(connection, "COPY (" + rejects + "\nORDER BY source_file, source_line) TO "
                    + DuckDb.literal(temporary.toString()) + " (FORMAT csv, HEADER true)");
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
