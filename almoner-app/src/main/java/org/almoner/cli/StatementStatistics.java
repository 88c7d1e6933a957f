package org.almoner.cli;

import static java.util.Objects.requireNonNull;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What the database did during a benchmark run, from {@code pg_stat_statements}: the statements a
 * request costs are what decide throughput once the server's CPU is the limit, so the benchmark
 * prints them per payment.
 */
final class StatementStatistics {

    private final EmbeddedPostgres postgres;

    StatementStatistics(EmbeddedPostgres postgres) {
        this.postgres = requireNonNull(postgres, "postgres is null");
    }

    void reset() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
        }
    }

    void print(PrintWriter out, long payments) throws SQLException {
        if (payments == 0) {
            return;
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement();
                ResultSet totals = statement.executeQuery("SELECT sum(calls), sum(total_exec_time) FROM pg_stat_statements")) {
            totals.next();
            out.printf(Locale.UK, "  database statements per payment: %.1f, server time per payment: %.2f ms%n",
                    totals.getLong(1) / (double) payments, totals.getDouble(2) / payments);
            try (ResultSet top = statement.executeQuery("""
                    SELECT calls, total_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query
                    FROM pg_stat_statements ORDER BY calls DESC, total_exec_time DESC LIMIT 30""")) {
                while (top.next()) {
                    out.printf(Locale.UK, "    %5.2f x %6.3f ms  %s%n", top.getLong("calls") / (double) payments,
                            top.getDouble("total_exec_time") / Math.max(1, top.getLong("calls")), top.getString("query"));
                }
            }
        }
    }
}
