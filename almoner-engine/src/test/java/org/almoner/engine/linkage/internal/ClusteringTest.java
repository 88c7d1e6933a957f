package org.almoner.engine.linkage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.almoner.engine.duckdb.Sql;
import org.junit.jupiter.api.Test;

class ClusteringTest {

    @Test
    void groupsRecordsLinkedThroughOthersAndLeavesTheUnlinkedAlone() throws Exception {
        try (Connection connection = DuckDb.open(null, new DuckDbSettings(1, 256, null))) {
            // a-b, c-b, c-d form one chain (a and d never compared); e-f another; g is alone.
            Sql.execute(connection, "CREATE TABLE edges AS SELECT * FROM (VALUES ('d', 'c'), ('c', 'b'), ('a', 'b'), ('e', 'f')) t(a, b)");
            Sql.execute(connection, "CREATE TABLE nodes AS SELECT * FROM (VALUES ('a'), ('b'), ('c'), ('d'), ('e'), ('f'), ('g')) t(node)");
            Clustering.connectedComponents(connection, "edges", "nodes", "clusters");
            Map<String, String> cluster = new HashMap<>();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT node, cluster FROM clusters")) {
                while (rows.next()) {
                    cluster.put(rows.getString(1), rows.getString(2));
                }
            }
            assertThat(cluster).hasSize(7);
            assertThat(cluster.get("a")).isEqualTo(cluster.get("b")).isEqualTo(cluster.get("c")).isEqualTo(cluster.get("d"));
            assertThat(cluster.get("e")).isEqualTo(cluster.get("f")).isNotEqualTo(cluster.get("a"));
            assertThat(cluster.get("g")).isNotIn(cluster.get("a"), cluster.get("e"));
        }
    }
}
