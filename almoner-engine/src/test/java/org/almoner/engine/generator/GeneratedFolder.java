package org.almoner.engine.generator;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;

/** Reads a generated folder with DuckDB, every column as text, as the pipeline would see it. */
final class GeneratedFolder implements AutoCloseable {

    private final Connection connection;

    GeneratedFolder(Path folder) throws SQLException {
        connection = DuckDb.open(null, new DuckDbSettings(1, 512, null));
        try (Statement statement = connection.createStatement()) {
            view(statement, "people", folder.resolve("people.csv"));
            view(statement, "diagnoses", folder.resolve("diagnoses.csv"));
            view(statement, "registers", folder.resolve("condition_registers.csv"));
            view(statement, "activity", folder.resolve("activity").resolve("*.csv"));
            view(statement, "identities", folder.resolve("ground-truth").resolve("identities.csv"));
            view(statement, "truth", folder.resolve("ground-truth").resolve("people.csv"));
        }
    }

    private static void view(Statement statement, String name, Path files) throws SQLException {
        statement.execute("CREATE VIEW " + name + " AS SELECT * FROM read_csv(" + DuckDb.literal(files.toString())
                + ", header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')");
    }

    /** The rows of a query, each as a list of its column values (text, null for SQL NULL). */
    List<List<String>> rows(String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The first column of a query's rows. */
    List<String> column(String sql) throws SQLException {
        return rows(sql).stream().map(row -> row.get(0)).toList();
    }

    double number(String sql) throws SQLException {
        return Double.parseDouble(rows(sql).get(0).get(0));
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
