package org.almoner.engine.linkage.internal;

import java.sql.Connection;
import org.almoner.engine.duckdb.Sql;

/**
 * Groups linked records into persons: the connected components of the links, so a person links
 * across any number of records and sources even where not every pair was compared. Works by
 * repeatedly giving every record the smallest label among itself and its neighbours until nothing
 * changes; the rounds needed grow with a cluster's width, which for people is a handful.
 */
public final class Clustering {

    private Clustering() {
    }

    /**
     * Reads {@code edges} (columns {@code a, b}: node ids of linked records) and {@code nodes}
     * (column {@code node}: every record, linked or not) and writes table {@code target}
     * ({@code node, cluster}); a record linked to nothing is a cluster of its own. Returns the rounds run.
     */
    public static int connectedComponents(Connection connection, String edges, String nodes, String target) {
        Sql.execute(connection, "CREATE OR REPLACE TEMP TABLE fs_cluster_edges AS SELECT a, b FROM " + edges
                + " UNION SELECT b, a FROM " + edges);
        Sql.execute(connection, "CREATE OR REPLACE TEMP TABLE fs_cluster_labels AS SELECT DISTINCT a AS node, a AS label FROM fs_cluster_edges");
        int rounds = 0;
        long changed;
        do {
            rounds++;
            Sql.execute(connection, """
                    CREATE OR REPLACE TEMP TABLE fs_cluster_next AS
                    SELECT l.node, least(l.label, min(n.label)) AS label
                    FROM fs_cluster_labels l
                    JOIN fs_cluster_edges e ON e.a = l.node
                    JOIN fs_cluster_labels n ON n.node = e.b
                    GROUP BY l.node, l.label""");
            changed = Sql.queryLong(connection, """
                    SELECT count(*) FROM fs_cluster_next x JOIN fs_cluster_labels l USING (node) WHERE x.label <> l.label""");
            Sql.execute(connection, "CREATE OR REPLACE TEMP TABLE fs_cluster_labels AS SELECT * FROM fs_cluster_next");
        } while (changed > 0);
        Sql.execute(connection, "CREATE OR REPLACE TABLE " + target + " AS SELECT n.node, coalesce(l.label, n.node) AS cluster FROM "
                + nodes + " n LEFT JOIN fs_cluster_labels l ON l.node = n.node");
        Sql.execute(connection, "DROP TABLE fs_cluster_edges; DROP TABLE fs_cluster_labels; DROP TABLE fs_cluster_next");
        return rounds;
    }
}
