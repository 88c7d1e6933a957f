package org.almoner.engine.capitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.almoner.engine.duckdb.DuckDb;
import org.almoner.engine.duckdb.DuckDbSettings;
import org.junit.jupiter.api.Test;

class PersonPaymentsTest {

    private static final List<String> NAMES = List.of("condition_count", "frail", "female");

    /** Skewed cost with a fifth of people at nothing and a spread of log cost growing with conditions. */
    private static ComplexityModel fitted(int bands) {
        Random random = new Random(41);
        double[][] rows = new double[5000][];
        double[] outcome = new double[5000];
        for (int i = 0; i < rows.length; i++) {
            double conditions = random.nextInt(5);
            double frail = random.nextDouble() < 0.2 ? 1 : 0;
            rows[i] = new double[] {conditions, frail, random.nextBoolean() ? 1 : 0};
            outcome[i] = random.nextDouble() < 0.7 + 0.2 * frail
                    ? Math.exp(5 + 0.4 * conditions + frail + (0.3 + 0.2 * conditions) * random.nextGaussian()) : 0;
        }
        return new TwoPartLogCost(0.10, bands).fit(NAMES, rows, outcome);
    }

    @Test
    void theSqlThatPaysPeopleEvaluatesTheChosenFormulaBandsAndAll() throws SQLException {
        ComplexityModel model = fitted(5);
        assertThat(model.smearing()).hasSizeGreaterThan(1);
        assertThat(model.anyUseCoefficients()).isNotEmpty();

        try (Connection connection = DuckDb.open(null, new DuckDbSettings(1, 256, null));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE people AS SELECT c::DOUBLE AS condition_count, f::DOUBLE AS frail,"
                    + " s::DOUBLE AS female FROM range(5) t1(c), range(2) t2(f), range(2) t3(s)");
            try (ResultSet rows = statement.executeQuery("SELECT condition_count, frail, female, "
                    + PersonPayments.predictionExpression(model) + " FROM people p")) {
                int count = 0;
                while (rows.next()) {
                    double[] values = {rows.getDouble(1), rows.getDouble(2), rows.getDouble(3)};
                    assertThat(rows.getDouble(4)).as("%s", java.util.Arrays.toString(values))
                            .isCloseTo(model.predict(values), within(1e-6 * model.predict(values)));
                    count++;
                }
                assertThat(count).isEqualTo(20);
            }
        }
    }
}
