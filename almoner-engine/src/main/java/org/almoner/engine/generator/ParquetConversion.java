package org.almoner.engine.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;

/** Converts finished CSV files to Parquet with DuckDB, keeping every column as text. */
final class ParquetConversion {

    private ParquetConversion() {
    }

    static void convert(Path folder, List<String> csvFiles) {
        try (Connection connection = DuckDb.open(null, DuckDbSettings.defaults().withTemporaryDirectory(folder.resolve(".duckdb")));
                Statement statement = connection.createStatement()) {
            for (String csvFile : csvFiles) {
                Path csv = folder.resolve(csvFile);
                Path parquet = folder.resolve(csvFile.substring(0, csvFile.length() - 4) + ".parquet");
                statement.execute("COPY (SELECT * FROM read_csv(" + DuckDb.literal(csv.toString())
                        + ", header = true, all_varchar = true, delim = ',', quote = '\"')) TO "
                        + DuckDb.literal(parquet.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
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
