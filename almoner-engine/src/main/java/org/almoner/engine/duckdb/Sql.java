package org.almoner.engine.duckdb;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.almoner.engine.stages.Relation;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;

/** Running SQL on DuckDB: statements with progress, single values, and SQL kept as resources. */
public final class Sql {

    /** Set ALMONER_SQL_TIMING=1 to print each statement's time, for finding where a slow run spends it. */
    private static final boolean TIMING = System.getenv("ALMONER_SQL_TIMING") != null;

    /**
     * Set ALMONER_SQL_PROFILE to a folder to have DuckDB write each statement's query plan with the
     * time of every operator there (statement-N.json), for finding which join or cast a slow pass
     * spends its time in. Statements carrying key material are not profiled: a profile holds the SQL.
     */
    private static final String PROFILE_FOLDER = System.getenv("ALMONER_SQL_PROFILE");

    private static final AtomicInteger PROFILED = new AtomicInteger();

    private Sql() {
    }

    /** Creates a stage's relation as a table (when materialised) or a view, replacing any of that name. */
    public static void define(Connection connection, Relation relation) {
        define(connection, relation, percent -> { });
    }

    /** Creates a stage's relation, reporting progress as {@link #execute(Connection, String, DoubleConsumer)} does. */
    public static void define(Connection connection, Relation relation, DoubleConsumer percentDone) {
        requireNonNull(relation, "relation is null");
        execute(connection, "CREATE OR REPLACE " + (relation.materialised() ? "TABLE " : "VIEW ") + relation.name() + " AS\n"
                + relation.query(), percentDone);
    }

    /** Executes one statement. */
    public static void execute(Connection connection, String sql) {
        execute(connection, sql, percent -> { });
    }

    /**
     * Executes one statement, reporting DuckDB's own estimate of how far it has got (0 to 100) every
     * fifth of a second, so a statement that runs for a minute still moves a progress bar.
     */
    public static void execute(Connection connection, String sql, DoubleConsumer percentDone) {
        requireNonNull(connection, "connection is null");
        requireNonNull(sql, "sql is null");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "duckdb-progress");
                thread.setDaemon(true);
                return thread;
            });
            try {
                DuckDBPreparedStatement duckStatement = statement.unwrap(DuckDBPreparedStatement.class);
                poller.scheduleAtFixedRate(() -> {
                    try {
                        QueryProgress progress = duckStatement.getQueryProgress();
                        if (progress.getPercentage() >= 0) {
                            percentDone.accept(progress.getPercentage());
                        }
                    } catch (SQLException | RuntimeException ignored) {
                        // Progress is a courtesy; a statement that has just finished may refuse the call.
                    }
                }, 200, 200, TimeUnit.MILLISECONDS);
                boolean profiled = startProfile(connection, sql);
                long start = System.nanoTime();
                statement.execute();
                if (profiled) {
                    stopProfile(connection);
                }
                if (TIMING) {
                    System.err.printf("%n[sql %.2fs] %s%n", (System.nanoTime() - start) / 1e9, firstLine(sql));
                }
            } finally {
                poller.shutdownNow();
            }
            percentDone.accept(100);
        } catch (SQLException e) {
            throw failure(e, "A database step failed");
        }
    }

    private static boolean startProfile(Connection connection, String sql) throws SQLException {
        if (PROFILE_FOLDER == null || sql.matches("(?s).*[0-9a-fA-F]{128}.*")) {
            return false;
        }
        Path folder = Path.of(PROFILE_FOLDER);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new EngineException(EngineErrorCode.OUTPUT_PROBLEM, "Cannot create the profile folder " + folder
                    + " named by ALMONER_SQL_PROFILE: " + e.getMessage(), e);
        }
        Path file = folder.resolve("statement-" + PROFILED.incrementAndGet() + ".json");
        try (Statement settings = connection.createStatement()) {
            settings.execute("PRAGMA enable_profiling = 'json'");
            settings.execute("PRAGMA profiling_output = " + DuckDb.literal(file.toAbsolutePath().toString()));
        }
        return true;
    }

    private static void stopProfile(Connection connection) throws SQLException {
        try (Statement settings = connection.createStatement()) {
            settings.execute("PRAGMA disable_profiling");
        }
    }

    /** An out-of-memory failure is the user's to fix (more memory, fewer threads); anything else is ours. */
    private static EngineException failure(SQLException e, String what) {
        String message = redact(e.getMessage());
        if (message.contains("Out of Memory")) {
            return new EngineException(EngineErrorCode.NOT_ENOUGH_MEMORY, "The work needed more memory than the database's"
                    + " limit allows (" + message.lines().findFirst().orElse("") + "). Run again with a higher --memory-limit"
                    + " (in megabytes; the default is 4096), or with --threads 1, which needs less.");
        }
        return new EngineException(EngineErrorCode.INTERNAL, what + ": " + message);
    }

    /**
     * Removes padded pseudonymisation keys from a database message: DuckDB quotes the offending SQL
     * in some errors, and pseudonymisation SQL carries key material.
     */
    static String redact(String message) {
        return message == null ? "" : message.replaceAll("(?i)[0-9a-f]{128}", "[redacted]");
    }

    /** The single number a query returns. */
    public static long queryLong(Connection connection, String sql) {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            if (!result.next()) {
                throw new EngineException(EngineErrorCode.INTERNAL, "Expected one row from: " + firstLine(sql));
            }
            return result.getLong(1);
        } catch (SQLException e) {
            throw failure(e, "A database query failed");
        }
    }

    /** Reads a SQL file kept beside {@code anchor} on the classpath. */
    public static String resource(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource " + name + " is missing beside " + anchor.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read SQL resource " + name, e);
        }
    }

    private static String firstLine(String sql) {
        String trimmed = sql.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline) + " ...";
    }
}
