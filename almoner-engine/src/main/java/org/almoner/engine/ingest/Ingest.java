package org.almoner.engine.ingest;

import static java.util.Objects.requireNonNull;
import static org.almoner.engine.duckdb.DuckDb.identifier;
import static org.almoner.engine.duckdb.DuckDb.literal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.stream.Collectors;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.Sql;
import org.almoner.engine.format.Column;
import org.almoner.engine.format.InputFile;
import org.almoner.engine.quality.QualitySettings;

/**
 * The ingest stage: loads an {@link IngestPlan}'s files into typed tables and computes their data
 * quality.
 *
 * <p>Each file is read once, in parallel, by DuckDB's own CSV or Parquet reader and streamed to a
 * staged Parquet file of typed rows (typed values, invalid flags, the reject reason, the source
 * file), which the view {@code <kind>_ingested} reads; {@code <kind>_checked} adds the rejects that
 * depend on other rows (duplicate keys, unknown people). Line
 * numbers cost a single-threaded read, so they are worked out only for files with rejected rows,
 * when the rejects are listed ({@link RejectListing}).
 * Then the views {@code people_in}, {@code diagnoses_in}, {@code condition_registers_in} and
 * {@code activity_in} show the loaded rows to the later stages.
 */
public final class Ingest {

    /** Every row read, with its final reject reason (row rules, duplicates, unknown people). */
    static final List<String> CHECKED_VIEWS = List.of("people_checked", "diagnoses_checked",
            "condition_registers_checked", "activity_checked");

    private final Connection connection;
    private final QualitySettings settings;
    private final Path stagingFolder;
    private int scans;

    /**
     * @param stagingFolder where the typed rows are kept as Parquet while the run lasts: streaming
     *     them to files keeps memory flat however large the input
     */
    public Ingest(Connection connection, QualitySettings settings, Path stagingFolder) {
        this.connection = requireNonNull(connection, "connection is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.stagingFolder = requireNonNull(stagingFolder, "stagingFolder is null");
    }

    /** Loads every file of the plan; fails on the first malformed file before anything is published. */
    public IngestResult run(IngestPlan plan, DoubleConsumer percentDone) {
        requireNonNull(plan, "plan is null");
        Map<Path, InputFile> files = new LinkedHashMap<>();
        files.put(plan.peopleFile(), InputFile.PEOPLE);
        files.put(plan.diagnosesFile(), InputFile.DIAGNOSES);
        files.put(plan.conditionRegistersFile(), InputFile.CONDITION_REGISTERS);
        plan.activityFiles().forEach(file -> files.put(file, InputFile.ACTIVITY));
        // Check every file's header first: a wrong header in the last file should not cost a long load.
        files.forEach((file, format) -> {
            if (!isParquet(file)) {
                CsvPreflight.check(file, format);
            }
        });

        Sql.execute(connection, TypedColumns.nhsNumberMacro());
        Sql.execute(connection, """
                CREATE OR REPLACE TABLE ingested_files (
                    table_name VARCHAR, file VARCHAR, kind VARCHAR, rows_read BIGINT)""");
        Map<InputFile, List<Path>> staged = new LinkedHashMap<>();
        for (InputFile format : InputFile.values()) {
            staged.put(format, new ArrayList<>());
        }

        long totalBytes = files.keySet().stream().mapToLong(Ingest::size).sum();
        long doneBytes = 0;
        for (Map.Entry<Path, InputFile> entry : files.entrySet()) {
            long bytes = size(entry.getKey());
            long before = doneBytes;
            staged.get(entry.getValue()).add(load(entry.getKey(), entry.getValue(), staged.get(entry.getValue()).size(),
                    percent -> percentDone.accept(80.0 * (before + bytes * percent / 100.0) / Math.max(1, totalBytes))));
            doneBytes += bytes;
        }

        staged.forEach(this::createIngestedView);
        createCheckedViews();
        percentDone.accept(85);
        List<FileAccount> accounts = accounts();
        var report = DataQualityChecks.report(accounts, settings, connection);
        percentDone.accept(100);
        List<RejectListing.Source> sources = new ArrayList<>();
        files.forEach((file, format) -> sources.add(new RejectListing.Source(file, format,
                isParquet(file) ? parquetSource(file, format) : csvSource(file, format, null), isParquet(file) ? 0 : 1)));
        return new IngestResult(accounts, report, new RejectListing(sources, accounts));
    }

    /** Reads one file into a staged Parquet file of typed rows, and returns that file. */
    private Path load(Path file, InputFile format, int index, DoubleConsumer percentDone) {
        String scanName = "structure_" + (++scans);
        String source = isParquet(file) ? parquetSource(file, format) : csvSource(file, format, scanName);
        Path target = stagingFolder.resolve(format.baseName() + "-" + index + ".parquet");
        try {
            java.nio.file.Files.createDirectories(stagingFolder);
        } catch (java.io.IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Cannot create the work folder " + stagingFolder + ": "
                    + e.getMessage(), e);
        }
        // Uncompressed: the staged rows live for one run and are read from the file cache, and snappy cost
        // a fifth of the staging write for files half as large again.
        Sql.execute(connection, "COPY (SELECT " + TypedColumns.selectList(format) + ", " + literal(file.toString())
                + " AS source_file FROM " + TypedColumns.prepared(format, source) + ") TO " + literal(target.toString())
                + " (FORMAT parquet, COMPRESSION uncompressed)", percentDone);
        if (!isParquet(file)) {
            failOnStructuralErrors(file, format, scanName);
        }
        long rows = Sql.queryLong(connection, "SELECT count(*) FROM read_parquet(" + literal(target.toString()) + ")");
        Sql.execute(connection, "INSERT INTO ingested_files VALUES (" + literal(table(format)) + ", " + literal(file.toString()) + ", "
                + literal(format.baseName()) + ", " + rows + ")");
        return target;
    }

    private void createIngestedView(InputFile format, List<Path> files) {
        if (files.isEmpty()) {
            Sql.execute(connection, "CREATE OR REPLACE VIEW " + table(format) + " AS SELECT " + TypedColumns.selectList(format)
                    + ", ''::VARCHAR AS source_file" + (format == InputFile.ACTIVITY ? ", 0::BIGINT AS activity_id" : "") + " FROM "
                    + TypedColumns.prepared(format, emptySource(format)) + " WHERE false");
            return;
        }
        // Largest first: DuckDB estimates a list of Parquet files from the first one's rows, and an estimate
        // taken from a small source system's file (a few thousand rows for tens of millions) made it build
        // the link's hash table on the activity instead of the spine, holding every activity row in memory.
        String list = files.stream().sorted(Comparator.comparingLong(Ingest::size).reversed())
                .map(path -> literal(path.toString())).collect(Collectors.joining(", ", "[", "]"));
        if (format != InputFile.ACTIVITY) {
            Sql.execute(connection, "CREATE OR REPLACE VIEW " + table(format) + " AS SELECT * FROM read_parquet(" + list + ")");
            return;
        }
        // Activity rows need an identifier that stays put across reads: the staged file's number (its
        // place in the load, not in the list) and the row's position in it.
        StringBuilder fileNumber = new StringBuilder("CASE filename");
        for (int i = 0; i < files.size(); i++) {
            fileNumber.append(" WHEN ").append(literal(files.get(i).toString())).append(" THEN ").append(i);
        }
        fileNumber.append(" END");
        Sql.execute(connection, "CREATE OR REPLACE VIEW " + table(format) + " AS SELECT * EXCLUDE (filename, file_row_number), ("
                + fileNumber + ") * 10000000000 + file_row_number AS activity_id FROM read_parquet(" + list
                + ", filename = true, file_row_number = true)");
    }

    /** DuckDB's CSV reader for one file; with a scan name it records structural errors under that name. */
    static String csvSource(Path file, InputFile format, String scanName) {
        String columns = format.columns().stream()
                .map(column -> literal(column.name()) + ": 'VARCHAR'")
                .collect(Collectors.joining(", ", "{", "}"));
        return "read_csv(" + literal(file.toString()) + ", columns = " + columns + ", header = true, delim = ',',"
                + " quote = '\"', escape = '\"', auto_detect = false, strict_mode = true, null_padding = false"
                + (scanName == null ? "" : ", store_rejects = true, rejects_table = '" + scanName + "_errors', rejects_scan = '"
                        + scanName + "_scans'")
                + ")";
    }

    String parquetSource(Path file, InputFile format) {
        List<String> present = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet columns = statement.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + literal(file.toString()) + ")")) {
            while (columns.next()) {
                present.add(columns.getString(1));
            }
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, file + ": this is not a readable Parquet file ("
                    + e.getMessage() + "). Check it was written completely, or supply it as CSV.");
        }
        List<String> missing = format.columnNames().stream().filter(name -> !present.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new EngineException(EngineErrorCode.MALFORMED_INPUT, file + ": the Parquet file lacks the column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " of the " + format.baseName()
                    + " format (see docs/formats.md).");
        }
        String projection = format.columns().stream()
                .map(Column::name)
                .map(name -> "CAST(" + identifier(name) + " AS VARCHAR) AS " + identifier(name))
                .collect(Collectors.joining(", "));
        return "(SELECT " + projection + " FROM read_parquet(" + literal(file.toString()) + "))";
    }

    private String emptySource(InputFile format) {
        String columns = format.columns().stream()
                .map(column -> "NULL::VARCHAR AS " + identifier(column.name()))
                .collect(Collectors.joining(", "));
        return "(SELECT " + columns + ")";
    }

    private void failOnStructuralErrors(Path file, InputFile format, String scanName) {
        try (Statement statement = connection.createStatement();
                ResultSet errors = statement.executeQuery("SELECT line, column_idx, column_name, error_type, error_message FROM "
                        + scanName + "_errors ORDER BY line LIMIT 1")) {
            if (errors.next()) {
                long line = errors.getLong(1);
                int column = errors.getInt(2) + 1;
                String type = errors.getString(4);
                throw CsvPreflight.malformed(file, line, column, explain(type, format, errors.getString(5)));
            }
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not read the structure check of " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static String explain(String errorType, InputFile format, String detail) {
        int expected = format.columns().size();
        return switch (errorType == null ? "" : errorType) {
            case "MISSING COLUMNS" -> "this line has fewer fields than the " + expected + " the header names (" + detail
                    + "). Is the file truncated, or a value missing its comma?";
            case "TOO MANY COLUMNS" -> "this line has more fields than the " + expected + " the header names (" + detail
                    + "). A value containing a comma must be enclosed in double quotes.";
            case "UNQUOTED VALUE" -> "a value opens a double quote and never closes it. Close the quote, and write a quote"
                    + " inside a quoted value as two double quotes.";
            case "INVALID ENCODING", "INVALID UNICODE" -> "the text is not UTF-8. Save the file as UTF-8 (in Excel: CSV UTF-8).";
            case "LINE SIZE OVER MAXIMUM" -> "this line is too long to be a record; check the file has one record per line.";
            default -> "the file cannot be read as CSV here (" + errorType + ": " + detail + ").";
        };
    }

    /**
     * Keys that must be unique, and are not, reject every row holding them: which of two rows with
     * one record id is right is for the source to say, not for Almoner to guess. Diagnoses and
     * registers must name a person who was loaded. The {@code <kind>_checked} views give every row
     * its final reason.
     */
    private void createCheckedViews() {
        IngestDefinitions.duplicateRelations().forEach(relation -> Sql.define(connection, relation));
        boolean duplicates = Sql.queryLong(connection, "SELECT count(*) FROM duplicate_activity") > 0;
        IngestDefinitions.checkedRelations(duplicates).forEach(relation -> Sql.define(connection, relation));
    }

    /**
     * Counts each file three independent ways (rows the reader added, rows the loaded view shows,
     * rows marked rejected) so that {@link FileAccount} can check they add up.
     */
    private List<FileAccount> accounts() {
        List<FileAccount> accounts = new ArrayList<>();
        String loaded = java.util.stream.Stream.of(InputFile.values())
                .map(format -> "SELECT source_file, count(*) AS loaded FROM " + format.baseName() + "_in GROUP BY source_file")
                .collect(Collectors.joining(" UNION ALL "));
        String rejected = CHECKED_VIEWS.stream()
                .map(table -> "SELECT source_file, count(*) AS rejected FROM " + table + " WHERE reject IS NOT NULL GROUP BY source_file")
                .collect(Collectors.joining(" UNION ALL "));
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT f.file, f.kind, f.rows_read, coalesce(l.loaded, 0), coalesce(r.rejected, 0)"
                        + " FROM ingested_files f LEFT JOIN (" + loaded + ") l ON l.source_file = f.file"
                        + " LEFT JOIN (" + rejected + ") r ON r.source_file = f.file ORDER BY f.rowid")) {
            while (rows.next()) {
                accounts.add(new FileAccount(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4), rows.getLong(5)));
            }
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not count the rows loaded: " + e.getMessage(), e);
        }
        return accounts;
    }

    static String table(InputFile format) {
        return format.baseName() + "_ingested";
    }

    static String checked(InputFile format) {
        return format.baseName() + "_checked";
    }

    private static boolean isParquet(Path file) {
        return file.getFileName().toString().endsWith(".parquet");
    }

    private static long size(Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
