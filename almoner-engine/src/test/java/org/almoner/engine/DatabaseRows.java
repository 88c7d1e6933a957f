package org.almoner.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;

/** Test support: a query's rows as lists of text ("null" for SQL NULL), easy to compare with AssertJ. */
public final class DatabaseRows {

    private DatabaseRows() {
    }

    public static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(result.getString(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The rows of a query run in a fresh in-memory database, for reading output files. */
    public static List<List<String>> rows(String sql) throws SQLException {
        try (Connection connection = DuckDb.open(null, DuckDbSettings.defaults())) {
            return rows(connection, sql);
        }
    }
}
