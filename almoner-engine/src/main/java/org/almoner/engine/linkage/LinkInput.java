package org.almoner.engine.linkage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.Sql;

/**
 * Loads a {@link LinkSource} into DuckDB as a table of {@code record_id, given_name, family_name,
 * date_of_birth, sex, postcode} (and its truth as {@code <table>_truth}), checking that every mapped
 * column exists, that there are records, and that record ids are unique.
 */
public final class LinkInput {

    private LinkInput() {
    }

    /**
     * Loads {@code source} into {@code table}. Returns how many dates of birth could not be read
     * (they count as blank; the record is still linked on its other fields).
     */
    public static long load(Connection connection, LinkSource source, String table, Path configuration) {
        String reader = reader(source.files());
        List<String> available = columns(connection, reader, source);
        List<String> wanted = new ArrayList<>();
        wanted.add(source.recordId());
        wanted.addAll(source.columns().values());
        if (source.truth() != null && source.truth().column() != null) {
            wanted.add(source.truth().column());
        }
        for (String column : wanted) {
            if (!available.contains(column)) {
                throw new EngineException(EngineErrorCode.BAD_CONFIGURATION, "The link configuration " + configuration
                        + " names the column '" + column + "', which " + source.name() + " does not have. Its columns are: "
                        + String.join(", ", available) + ". Correct the mapping.");
            }
        }
        StringBuilder select = new StringBuilder("SELECT CAST(" + DuckDb.identifier(source.recordId()) + " AS VARCHAR) AS record_id");
        for (LinkField field : LinkField.values()) {
            String column = source.columns().get(field);
            String value = column == null ? "NULL" : "nullif(trim(CAST(" + DuckDb.identifier(column) + " AS VARCHAR)), '')";
            if (field == LinkField.DATE_OF_BIRTH) {
                select.append(", ").append(value).append(" AS date_of_birth_given, CAST(try_strptime(").append(value).append(", ")
                        .append(DuckDb.literal(source.dateFormat())).append(") AS DATE) AS date_of_birth");
            } else {
                select.append(", ").append(value).append(" AS ").append(field.column());
            }
        }
        if (source.truth() != null && source.truth().column() != null) {
            select.append(", CAST(").append(DuckDb.identifier(source.truth().column())).append(" AS VARCHAR) AS truth_entity");
        }
        Sql.execute(connection, "CREATE OR REPLACE TABLE " + table + "_loaded AS " + select + " FROM " + reader);
        long rows = Sql.queryLong(connection, "SELECT count(*) FROM " + table + "_loaded");
        if (rows == 0) {
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, source.name() + " has no records to link. Check it is the"
                    + " right file and that it has rows below its header.");
        }
        long blankIds = Sql.queryLong(connection, "SELECT count(*) FROM " + table + "_loaded WHERE record_id IS NULL OR trim(record_id) = ''");
        if (blankIds > 0) {
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, String.format(Locale.UK, "%,d records in %s have a blank %s."
                    + " Every record needs an identifier so its links can be reported; fill them in.", blankIds, source.name(), source.recordId()));
        }
        long duplicated = Sql.queryLong(connection, "SELECT count(*) FROM (SELECT record_id FROM " + table + "_loaded GROUP BY 1 HAVING count(*) > 1)");
        if (duplicated > 0) {
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, String.format(Locale.UK, "%,d values of %s in %s are held by more"
                    + " than one record; the record identifier must be unique. Choose a unique column as record_id.",
                    duplicated, source.recordId(), source.name()));
        }
        long unreadDates = Sql.queryLong(connection, "SELECT count(*) FROM " + table
                + "_loaded WHERE date_of_birth_given IS NOT NULL AND date_of_birth IS NULL");
        Sql.execute(connection, "CREATE OR REPLACE VIEW " + table + " AS SELECT record_id, given_name, family_name, date_of_birth, sex, postcode FROM "
                + table + "_loaded");
        if (source.truth() != null) {
            if (source.truth().column() != null) {
                Sql.execute(connection, "CREATE OR REPLACE TABLE " + table + "_truth AS SELECT record_id, truth_entity AS entity_id FROM " + table + "_loaded");
            } else {
                // A semi join on the records loaded: the truth file usually covers every source, most of it not linked here.
                Sql.execute(connection, "CREATE OR REPLACE TABLE " + table + "_truth AS SELECT DISTINCT t.record_id, t.entity_id FROM (SELECT CAST("
                        + DuckDb.identifier(source.truth().fileRecordId()) + " AS VARCHAR) AS record_id, CAST("
                        + DuckDb.identifier(source.truth().fileEntityId()) + " AS VARCHAR) AS entity_id FROM "
                        + reader(List.of(source.truth().file())) + ") t SEMI JOIN " + table + "_loaded l ON l.record_id = t.record_id");
            }
        }
        return unreadDates;
    }

    private static List<String> columns(Connection connection, String reader, LinkSource source) {
        List<String> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("DESCRIBE SELECT * FROM " + reader)) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, "Could not read " + source.name() + ": "
                    + e.getMessage().lines().findFirst().orElse("") + ". Check it is a CSV file with a header row, or a Parquet file.");
        }
        return columns;
    }

    static String reader(List<Path> files) {
        String list = files.stream().map(f -> DuckDb.literal(f.toAbsolutePath().toString())).collect(Collectors.joining(", ", "[", "]"));
        if (files.getFirst().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            return "read_parquet(" + list + ")";
        }
        // Matching columns by name is only needed across several files, and costs a pass over each file's header first.
        return "read_csv(" + list + ", header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"'"
                + (files.size() > 1 ? ", union_by_name = true" : "") + ")";
    }
}
