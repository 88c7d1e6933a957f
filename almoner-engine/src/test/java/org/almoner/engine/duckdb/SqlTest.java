package org.almoner.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import org.almoner.engine.EngineErrorCode;
import org.almoner.engine.EngineException;
import org.junit.jupiter.api.Test;

class SqlTest {

    @Test
    void runningOutOfMemorySaysHowToGiveMore() throws SQLException {
        try (Connection connection = DuckDb.open(null, new DuckDbSettings(1, 64, null))) {
            // Aggregating 200 MB of text into one value cannot spill, so a 64 MB limit must fail.
            assertThatThrownBy(() -> Sql.execute(connection,
                    "CREATE TABLE t AS SELECT length(string_agg(repeat('x', 1000), ',')) AS n FROM range(200000)"))
                    .isInstanceOfSatisfying(EngineException.class,
                            e -> assertThat(e.code()).isEqualTo(EngineErrorCode.NOT_ENOUGH_MEMORY))
                    .hasMessageContaining("--memory-limit").hasMessageContaining("--threads 1");
        }
    }

    @Test
    void keyMaterialNeverReachesAMessage() {
        String padded = "5c".repeat(64);
        assertThat(Sql.redact("Binder Error near unhex('" + padded + "')")).doesNotContain(padded).contains("[redacted]");
    }
}
