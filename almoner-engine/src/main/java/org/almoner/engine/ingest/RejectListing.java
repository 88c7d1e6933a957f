package org.almoner.engine.ingest;

import static java.util.Objects.requireNonNull;
import static org.almoner.engine.duckdb.DuckDb.literal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.Sql;
import org.almoner.engine.format.InputFile;

/**
 * Lists rejected rows with their line numbers. Only files with rejects are read again, this time
 * numbering lines in file order (one thread), and the same rules pick out the same rows; the count
 * listed must equal the count the load rejected, or the listing fails rather than mislead.
 */
public final class RejectListing {

    private final List<Source> sources;
    private final List<FileAccount> accounts;

    RejectListing(List<Source> sources, List<FileAccount> accounts) {
        this.sources = List.copyOf(requireNonNull(sources, "sources is null"));
        this.accounts = List.copyOf(requireNonNull(accounts, "accounts is null"));
    }

    /**
     * One file to read again.
     *
     * @param file the file
     * @param format its format
     * @param sourceSql the SQL reading it as text columns
     * @param headerLines lines before the first row (1 for CSV, 0 for Parquet, whose rows count from 1)
     */
    record Source(Path file, InputFile format, String sourceSql, int headerLines) {
    }

    @JsonIgnore
    void write(Connection connection, Path target) {
        List<String> parts = new ArrayList<>();
        long expected = 0;
        for (Source source : sources) {
            long rejected = accounts.stream().filter(account -> account.file().equals(source.file().toString()))
                    .mapToLong(FileAccount::rejected).sum();
            expected += rejected;
            if (rejected > 0) {
                parts.add(listing(source));
            }
        }
        String query = parts.isEmpty()
                ? "SELECT NULL::VARCHAR AS source_file, NULL::BIGINT AS source_line, NULL::VARCHAR AS field, NULL::VARCHAR AS reason WHERE false"
                : String.join("\nUNION ALL\n", parts) + "\nORDER BY source_file, source_line";
        try {
            Path folder = Files.createDirectories(target.toAbsolutePath().getParent());
            Path temporary = folder.resolve("." + target.getFileName() + ".incomplete");
            // Line numbers come from row_number() over the reader, which follows file order only while
            // DuckDB preserves insertion order.
            Sql.execute(connection, "SET preserve_insertion_order = true");
            try {
                Sql.execute(connection, "CREATE OR REPLACE TEMP TABLE listed_rejects AS " + query);
            } finally {
                Sql.execute(connection, "SET preserve_insertion_order = false");
            }
            long listed = Sql.queryLong(connection, "SELECT count(*) FROM listed_rejects");
            if (listed != expected) {
                throw new EngineException(EngineErrorCode.INTERNAL, "Listing rejected rows found " + listed + " but loading rejected "
                        + expected + ". This is a fault in Almoner; please report it.");
            }
            Sql.execute(connection, "COPY listed_rejects TO " + DuckDb.literal(temporary.toString()) + " (FORMAT csv, HEADER true)");
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Could not write " + target + ": " + e.getMessage(), e);
        }
    }

    private static String listing(Source source) {
        String rowReject = TypedColumns.rejectExpression(source.format());
        String keys = switch (source.format()) {
            case ACTIVITY -> "nullif(trim(source_system), '') AS key_source_system, nullif(trim(source_record_id), '') AS key_record_id";
            case PEOPLE, DIAGNOSES, CONDITION_REGISTERS -> "nullif(trim(person_id), '') AS key_person_id";
        };
        String otherRows = switch (source.format()) {
            case PEOPLE -> "CASE WHEN d.person_id IS NOT NULL THEN " + RejectRules.duplicatePerson("d.person_id", "d.occurrences") + " END";
            case ACTIVITY -> "CASE WHEN d.source_record_id IS NOT NULL THEN "
                    + RejectRules.duplicateRecord("d.source_system", "d.source_record_id", "d.occurrences") + " END";
            case DIAGNOSES, CONDITION_REGISTERS -> "CASE WHEN " + RejectRules.isUnknownPerson("x.key_person_id") + " THEN "
                    + RejectRules.unknownPerson("x.key_person_id") + " END";
        };
        String join = switch (source.format()) {
            case PEOPLE -> " LEFT JOIN duplicate_people d ON d.person_id = x.key_person_id";
            case ACTIVITY -> " LEFT JOIN duplicate_activity d ON d.source_system = x.key_source_system"
                    + " AND d.source_record_id = x.key_record_id";
            case DIAGNOSES, CONDITION_REGISTERS -> "";
        };
        return "SELECT source_file, source_line, split_part(reject, chr(31), 1) AS field, split_part(reject, chr(31), 2) AS reason"
                + " FROM (SELECT " + literal(source.file().toString()) + " AS source_file, x.source_line,"
                + " coalesce(x.row_reject, " + otherRows + ") AS reject"
                + " FROM (SELECT row_number() OVER () + " + source.headerLines() + " AS source_line, " + rowReject + " AS row_reject, "
                + keys + " FROM " + source.sourceSql() + ") x" + join + ") WHERE reject IS NOT NULL";
    }
}
