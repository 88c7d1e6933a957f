package org.almoner.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.junit.jupiter.api.Test;

/** The timeliness quantiles worked out from counts per day agree with DuckDB's exact quantile_cont over the values. */
class DataQualityChecksTest {

    @Test
    void interpolatesQuantilesFromCountsAsQuantileContDoes() throws SQLException {
        SplittableRandom random = new SplittableRandom(21);
        try (Connection duckdb = DuckDb.open(null, DuckDbSettings.defaults())) {
            for (int trial = 0; trial < 30; trial++) {
                List<Long> lags = new ArrayList<>();
                int size = 1 + random.nextInt(trial < 5 ? 3 : 400);
                for (int i = 0; i < size; i++) {
                    lags.add((long) random.nextInt(-5, 120));
                }
                TreeMap<Long, Long> counts = new TreeMap<>();
                lags.forEach(lag -> counts.merge(lag, 1L, Long::sum));
                String values = lags.stream().map(lag -> "(" + lag + ")").collect(Collectors.joining(", "));
                for (double fraction : new double[] {0.5, 0.9}) {
                    double expected;
                    try (Statement statement = duckdb.createStatement();
                            ResultSet result = statement.executeQuery("SELECT quantile_cont(v, " + fraction + ") FROM (VALUES " + values
                                    + ") t(v)")) {
                        result.next();
                        expected = result.getDouble(1);
                    }
                    assertThat(DataQualityChecks.quantile(counts, lags.size(), fraction)).as(lags + " at " + fraction)
                            .isCloseTo(expected, within(1e-9));
                }
            }
        }
    }
}
