package org.almoner.engine.reference.internal;

import static java.util.Objects.requireNonNull;
import static org.almoner.engine.duckdb.DuckDb.identifier;
import static org.almoner.engine.duckdb.DuckDb.literal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;

/**
 * Loads one reference data file into its DuckDB table, refusing it with a message that names the
 * file, line and column when anything is wrong. The file is first read as text into a staging
 * table, so every value can be checked and reported with its line before anything is typed; the
 * staging table keeps file order, so a row's line number is its rowid plus 2 (the header is line 1).
 */
public final class ReferenceFileLoader {

    private final Connection connection;

    public ReferenceFileLoader(Connection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    /** Loads {@code file} from {@code directory} and returns how many rows it has. */
    public long load(ReferenceFile file, Path directory) {
        requireNonNull(file, "file is null");
        requireNonNull(directory, "directory is null");
        Path path = directory.resolve(file.fileName());
        if (!Files.isRegularFile(path)) {
            throw problem("The reference data file " + path + " is missing. Put " + file.fileName() + " in "
                    + directory + " (the bundled sample and docs/reference-data.md show its layout).");
        }
        List<String> header = checkHeader(file, path);
        String stage = "ref_stage_" + file.tableName();
        try (Statement statement = connection.createStatement()) {
            readAsText(statement, file, path, header, stage);
            for (ReferenceColumn column : file.columns()) {
                for (ValueCheck check : ValueCheck.forColumn(column)) {
                    firstFailure(statement, stage, column, check).ifPresent(failure -> {
                        throw problem(path + ", line " + failure.line() + ", column " + column.name() + ": "
                                + check.describe(failure.value()));
                    });
                }
            }
            checkUniqueKeys(statement, file, path, stage);
            statement.execute("CREATE OR REPLACE TABLE " + identifier(file.tableName()) + " AS SELECT "
                    + typedColumns(file) + " FROM " + identifier(stage) + " ORDER BY rowid");
            try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + identifier(file.tableName()))) {
                count.next();
                return count.getLong(1);
            }
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not load the reference data file " + path
                    + " into the database: " + e.getMessage(), e);
        } finally {
            dropQuietly(stage);
        }
    }

    private void dropQuietly(String table) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + identifier(table));
        } catch (SQLException e) {
            // The staging table is temporary and replaced on the next load; failing to drop it loses nothing.
        }
    }

    private List<String> checkHeader(ReferenceFile file, Path path) {
        String expected = file.columns().stream().map(ReferenceColumn::name).collect(Collectors.joining(","));
        String line;
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            line = reader.readLine();
        } catch (IOException e) {
            throw problem("The reference data file " + path + " cannot be read as UTF-8 text (" + e.getMessage()
                    + "). Save it as UTF-8 CSV.");
        }
        if (line == null || line.isBlank()) {
            throw problem(path + " is empty. Line 1 must be the header: " + expected + ".");
        }
        if (line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        List<String> names = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            names.add(cell.strip().replace("\"", ""));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw problem(path + ", line 1 (header): the column " + name + " appears twice. The header must be: "
                        + expected + ".");
            }
        }
        for (ReferenceColumn column : file.columns()) {
            if (!seen.contains(column.name())) {
                throw problem(path + ", line 1 (header): the column " + column.name()
                        + " is missing. The header must be: " + expected + ".");
            }
        }
        for (String name : names) {
            if (file.column(name).isEmpty()) {
                throw problem(path + ", line 1 (header): the column '" + name
                        + "' is not expected here; remove it or fix its name. The header must be: " + expected + ".");
            }
        }
        return names;
    }

    private void readAsText(Statement statement, ReferenceFile file, Path path, List<String> header, String stage) {
        String columns = header.stream().map(name -> literal(name) + ": 'VARCHAR'").collect(Collectors.joining(", "));
        String trimmed = header.stream()
                .map(name -> "NULLIF(trim(" + identifier(name) + "), '') AS " + identifier(name))
                .collect(Collectors.joining(", "));
        try {
            statement.execute("CREATE OR REPLACE TEMP TABLE " + identifier(stage) + " AS SELECT " + trimmed
                    + " FROM read_csv(" + literal(path.toAbsolutePath().toString()) + ", header = true,"
                    + " auto_detect = false, delim = ',', quote = '\"', escape = '\"', columns = {" + columns + "})");
        } catch (SQLException e) {
            throw problem(path + " cannot be read as CSV: " + firstLine(e.getMessage()) + ". Every line needs "
                    + header.size() + " comma-separated fields, and text containing commas must be in double quotes.");
        }
    }

    private Optional<Failure> firstFailure(Statement statement, String stage, ReferenceColumn column, ValueCheck check)
            throws SQLException {
        String value = identifier(column.name());
        String sql = "SELECT rowid + 2, " + value + " FROM " + identifier(stage) + " WHERE "
                + check.failsWhen(value) + " ORDER BY rowid LIMIT 1";
        try (ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? Optional.of(new Failure(result.getLong(1), result.getString(2))) : Optional.empty();
        }
    }

    private void checkUniqueKeys(Statement statement, ReferenceFile file, Path path, String stage) throws SQLException {
        String keys = file.keyColumns().stream().map(name -> identifier(name)).collect(Collectors.joining(", "));
        String sql = "SELECT list(rowid + 2 ORDER BY rowid), " + keys + " FROM " + identifier(stage)
                + " GROUP BY ALL HAVING count(*) > 1 ORDER BY min(rowid) LIMIT 1";
        try (ResultSet result = statement.executeQuery(sql)) {
            if (result.next()) {
                Object[] lines = (Object[]) result.getArray(1).getArray();
                List<String> lineNumbers = new ArrayList<>();
                for (Object line : lines) {
                    lineNumbers.add(String.valueOf(line));
                }
                List<String> keyValues = new ArrayList<>();
                for (int i = 0; i < file.keyColumns().size(); i++) {
                    String keyValue = result.getString(i + 2);
                    keyValues.add(file.keyColumns().get(i) + " " + (keyValue == null ? "(blank)" : keyValue));
                }
                throw problem(path + ", lines " + String.join(" and ", lineNumbers) + " all give "
                        + file.rowDescription() + " for " + String.join(", ", keyValues)
                        + ". Keep one of these lines and delete the others.");
            }
        }
    }

    private static String typedColumns(ReferenceFile file) {
        List<String> columns = new ArrayList<>();
        for (ReferenceColumn column : file.columns()) {
            String value = identifier(column.name());
            String typed = switch (column.kind()) {
                case TEXT, FINANCIAL_YEAR -> value;
                case FLAG -> "(" + value + " = 'Y')";
                default -> "CAST(" + value + " AS " + column.kind().sqlType() + ")";
            };
            columns.add(typed + " AS " + value);
        }
        if (file == ReferenceFile.TARIFF) {
            // Admitted patient care is priced per spell, outpatients and A&E per attendance; costing
            // uses this so a tariff price is never multiplied by, say, bed days.
            columns.add("CASE WHEN point_of_delivery IN ('EL', 'NEL', 'DC') THEN 'spell' ELSE 'attendance' END AS unit_type");
        }
        return String.join(", ", columns);
    }

    private static String firstLine(String message) {
        String text = message == null ? "unknown error" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    static EngineException problem(String message) {
        return new EngineException(EngineErrorCode.BAD_REFERENCE_DATA, message);
    }

    private record Failure(long line, String value) {
    }
}
