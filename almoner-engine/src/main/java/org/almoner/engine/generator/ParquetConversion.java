package org.almoner.engine.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.generator.internal.OutputTable;

/** Converts finished CSV files to Parquet with DuckDB, keeping every column as text. */
final class ParquetConversion {

    private ParquetConversion() {
    }

    static void convert(Path folder, List<OutputTable> tables) {
        try (Connection connection = DuckDb.open(null, DuckDbSettings.defaults().withTemporaryDirectory(folder.resolve(".duckdb")));
                Statement statement = connection.createStatement()) {
            for (OutputTable table : tables) {
                String csvFile = table.relativePath();
                Path csv = folder.resolve(csvFile);
                Path parquet = folder.resolve(csvFile.substring(0, csvFile.length() - 4) + ".parquet");
                // The columns are known, so no sniffing: every column is text, as the format declares.
                String columns = table.columns().stream().map(name -> DuckDb.literal(name) + ": 'VARCHAR'")
                        .collect(Collectors.joining(", ", "{", "}"));
                statement.execute("COPY (SELECT * FROM read_csv(" + DuckDb.literal(csv.toString())
                        + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', columns = "
                        + columns + ")) TO " + DuckDb.literal(parquet.toString()) + " (FORMAT parquet)");
                Files.delete(csv);
            }
            Path spill = folder.resolve(".duckdb");
            if (Files.isDirectory(spill)) {
                try (var entries = Files.list(spill)) {
                    for (Path entry : entries.toList()) {
                        Files.deleteIfExists(entry);
                    }
                }
                Files.delete(spill);
            }
        } catch (SQLException | IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Could not convert the generated CSV files to"
                    + " Parquet in " + folder + ": " + e.getMessage(), e);
        }
    }
}
