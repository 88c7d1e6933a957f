package org.almoner.engine.reference.internal;

import static java.util.Objects.requireNonNull;
import static org.almoner.engine.reference.internal.ReferenceFileLoader.problem;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;

/**
 * Checks that need more than one line or more than one file: provider codes that other files use
 * must be in providers.csv, contracts must not end before they start, and each mental health
 * cluster's shares must add up to exactly 1. Runs on the loaded tables, whose rows keep file order,
 * so a line number is again rowid plus 2.
 */
public final class CrossFileChecks {

    private final Connection connection;

    public CrossFileChecks(Connection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    public void check(Path directory) {
        requireNonNull(directory, "directory is null");
        try (Statement statement = connection.createStatement()) {
            for (ReferenceFile file : new ReferenceFile[] {ReferenceFile.MARKET_FORCES_FACTOR, ReferenceFile.CONTRACTS,
                    ReferenceFile.LOCAL_COSTS}) {
                checkProviders(statement, directory, file);
            }
            checkContractDates(statement, directory);
            checkClusterShares(statement, directory);
        } catch (SQLException e) {
            throw new EngineException(EngineErrorCode.INTERNAL, "Could not check the reference data in " + directory
                    + ": " + e.getMessage(), e);
        }
    }

    private static void checkProviders(Statement statement, Path directory, ReferenceFile file) throws SQLException {
        String sql = "SELECT t.rowid + 2, t.provider_code FROM " + file.tableName() + " t ANTI JOIN "
                + ReferenceFile.PROVIDERS.tableName() + " p ON p.provider_code = t.provider_code ORDER BY t.rowid LIMIT 1";
        try (ResultSet result = statement.executeQuery(sql)) {
            if (result.next()) {
                throw problem(directory.resolve(file.fileName()) + ", line " + result.getLong(1)
                        + ", column provider_code: '" + result.getString(2) + "' is not in "
                        + directory.resolve(ReferenceFile.PROVIDERS.fileName())
                        + ". Add the provider to providers.csv or correct the code.");
            }
        }
    }

    private static void checkContractDates(Statement statement, Path directory) throws SQLException {
        String sql = "SELECT rowid + 2, start_date, end_date FROM " + ReferenceFile.CONTRACTS.tableName()
                + " WHERE end_date < start_date ORDER BY rowid LIMIT 1";
        try (ResultSet result = statement.executeQuery(sql)) {
            if (result.next()) {
                throw problem(directory.resolve(ReferenceFile.CONTRACTS.fileName()) + ", line " + result.getLong(1)
                        + ", column end_date: the contract ends (" + result.getString(3) + ") before it starts ("
                        + result.getString(2) + "). Correct one of the dates.");
            }
        }
    }

    private static void checkClusterShares(Statement statement, Path directory) throws SQLException {
        String sql = "SELECT cluster, sum(share), list(rowid + 2 ORDER BY rowid) FROM "
                + ReferenceFile.MENTAL_HEALTH_CLUSTER_SPLIT.tableName()
                + " GROUP BY cluster HAVING sum(share) <> 1 ORDER BY min(rowid) LIMIT 1";
        try (ResultSet result = statement.executeQuery(sql)) {
            if (result.next()) {
                Object[] lines = (Object[]) result.getArray(3).getArray();
                StringBuilder lineList = new StringBuilder();
                for (Object line : lines) {
                    lineList.append(lineList.isEmpty() ? "" : ", ").append(line);
                }
                throw problem(directory.resolve(ReferenceFile.MENTAL_HEALTH_CLUSTER_SPLIT.fileName())
                        + ", lines " + lineList + ", column share: the shares for cluster " + result.getString(1)
                        + " add up to " + result.getBigDecimal(2).toPlainString()
                        + ", not 1. Correct them so they add up to exactly 1.");
            }
        }
    }
}
