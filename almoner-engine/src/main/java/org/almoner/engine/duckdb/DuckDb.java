package org.almoner.engine.duckdb;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;

/**
 * Opens DuckDB connections with the settings the engine relies on.
 *
 * <p>The memory limit keeps a 2-core, small-memory machine from swapping and
 * lets DuckDB spill to the temporary directory instead.
 */
public final class DuckDb {

    private DuckDb() {
    }

    /**
     * Opens a database. {@code databaseFile} may be null for a purely in-memory database; a file lets
     * DuckDB keep large tables compressed on disk.
     */
    public static Connection open(Path databaseFile, DuckDbSettings settings) {
        requireNonNull(settings, "settings is null");
        String url = databaseFile == null ? "jdbc:duckdb:" : "jdbc:duckdb:" + databaseFile.toAbsolutePath();
        try {
            Connection connection = DriverManager.getConnection(url);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET threads = " + settings.threads());
                statement.execute("SET memory_limit = '" + settings.memoryLimitMegabytes() + "MB'");
                // Nothing relies on a table's row order (line numbers come from a separate ordered read,
                // see RejectListing), and dropping it lets DuckDB load and write in parallel with less memory.
                statement.execute("SET preserve_insertion_order = false");
                // Progress is tracked so long statements can drive the console's bar (see Sql); DuckDB's
                // own printing stays off.
                statement.execute("SET enable_progress_bar = true");
                statement.execute("SET enable_progress_bar_print = false");
                if (settings.temporaryDirectory() != null) {
                    statement.execute("SET temp_directory = '" + escape(settings.temporaryDirectory().toAbsolutePath().toString()) + "'");
                }
            }
            return connection;
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not open the DuckDB database"
                    + (databaseFile == null ? "" : " at " + databaseFile) + ": " + e.getMessage(), e);
        }
    }

    /** Escapes text for use inside a single-quoted SQL string literal. */
    public static String escape(String text) {
        return text.replace("'", "''");
    }

    /** A single-quoted SQL string literal. */
    public static String literal(String text) {
        return "'" + escape(text) + "'";
    }

    /** A double-quoted SQL identifier. */
    public static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
