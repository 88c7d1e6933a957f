package org.almoner.engine.pipeline;

import java.nio.file.Path;
import java.sql.Connection;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.Sql;

/**
 * Writes the linkage-key tables (identifiers of people not linked by NHS number, and of the spine)
 * to their own folder, away from the pseudonymised outputs, for probabilistic linkage under the
 * governance of the data-sharing agreement. Published whole or not at all like every output.
 */
final class LinkageKeys {

    private LinkageKeys() {
    }

    static void write(Connection connection, Path folder, boolean replace) {
        try (PublishedFolder keys = PublishedFolder.prepare(folder, replace)) {
            Sql.execute(connection, "COPY linkage_keys TO "
                    + DuckDb.literal(keys.staging().resolve("linkage_keys.parquet").toString()) + " (FORMAT parquet)");
            Sql.execute(connection, "COPY linkage_spine TO "
                    + DuckDb.literal(keys.staging().resolve("linkage_spine.parquet").toString()) + " (FORMAT parquet)");
            keys.publish();
        }
    }
}
