package org.almoner.engine.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.almoner.engine.quality.DataQualityReport;

/**
 * What ingest did: every file's rows accounted for, and the data quality report.
 *
 * @param accounts one per file, in the order read
 * @param qualityReport the four checks per source and field
 * @param rejects lists the rejected rows with their lines
 */
public record IngestResult(List<FileAccount> accounts, DataQualityReport qualityReport, RejectListing rejects) {

    public IngestResult {
        accounts = List.copyOf(requireNonNull(accounts, "accounts is null"));
        requireNonNull(qualityReport, "qualityReport is null");
        requireNonNull(rejects, "rejects is null");
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
        rejects.write(connection, file);
    }
}
